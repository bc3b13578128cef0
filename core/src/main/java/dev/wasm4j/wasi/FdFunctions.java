package dev.wasm4j.wasi;

import dev.wasm4j.Memory;
import dev.wasm4j.wasi.Fd.DirFd;
import dev.wasm4j.wasi.Fd.FileFd;
import dev.wasm4j.wasi.Fd.InputFd;
import dev.wasm4j.wasi.Fd.OutputFd;
import dev.wasm4j.wasi.Fd.SocketFd;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.ScatteringByteChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

import static dev.wasm4j.wasi.Guest.i32;
import static dev.wasm4j.wasi.Guest.i64;
import static dev.wasm4j.wasi.Guest.u32;

/**
 * The fd_ functions. Reads and writes move bytes between the channel and views ({@link MemorySegment}s) of
 * the guest's memory, never through an intermediate array: iovecs become {@link ByteBuffer} views, handed
 * to scattering/gathering channel calls a few at a time.
 */
final class FdFunctions {
    /** iovecs handed to one channel call. */
    private static final int IOV_BATCH = 16;
    private final FdTable fds;
    private final Fd.OutputFd stdout;

    FdFunctions(Wasi wasi) {
        this.fds = wasi.fds;
        this.stdout = wasi.stdout;
    }

    /** A directory entry as fd_readdir hands it out. */
    record Dirent(byte[] name, long ino, int type) {
    }

    void define(Exports e) {
        e.fn("fd_advise", "iIIi", (m, a) -> advise(i32(a[0]), i32(a[3])));
        e.fn("fd_allocate", "iII", (m, a) -> allocate(i32(a[0]), i64(a[1]), i64(a[2])));
        e.fn("fd_close", "i", (m, a) -> {
            fds.remove(i32(a[0])).close();
            return Errno.SUCCESS;
        });
        e.fn("fd_datasync", "i", (m, a) -> sync(i32(a[0]), false));
        e.fn("fd_fdstat_get", "ii", (m, a) -> fdstatGet(m, i32(a[0]), u32(a[1])));
        e.fn("fd_fdstat_set_flags", "ii", (m, a) -> fdstatSetFlags(i32(a[0]), i32(a[1])));
        e.fn("fd_fdstat_set_rights", "iII", (m, a) -> fdstatSetRights(i32(a[0]), i64(a[1]), i64(a[2])));
        e.fn("fd_filestat_get", "ii", (m, a) -> filestatGet(m, i32(a[0]), u32(a[1])));
        e.fn("fd_filestat_set_size", "iI", (m, a) -> setSize(i32(a[0]), i64(a[1])));
        e.fn("fd_filestat_set_times", "iIIi", (m, a) -> setTimes(i32(a[0]), i64(a[1]), i64(a[2]), i32(a[3])));
        e.fn("fd_pread", "iiiIi", (m, a) -> pread(m, i32(a[0]), u32(a[1]), u32(a[2]), i64(a[3]), u32(a[4])));
        e.fn("fd_prestat_get", "ii", (m, a) -> prestatGet(m, i32(a[0]), u32(a[1])));
        e.fn("fd_prestat_dir_name", "iii", (m, a) -> prestatDirName(m, i32(a[0]), u32(a[1]), u32(a[2])));
        e.fn("fd_pwrite", "iiiIi", (m, a) -> pwrite(m, i32(a[0]), u32(a[1]), u32(a[2]), i64(a[3]), u32(a[4])));
        e.fn("fd_read", "iiii", (m, a) -> read(m, i32(a[0]), u32(a[1]), u32(a[2]), u32(a[3])));
        e.fn("fd_readdir", "iiiIi", (m, a) -> readdir(m, i32(a[0]), u32(a[1]), u32(a[2]), i64(a[3]), u32(a[4])));
        e.fn("fd_renumber", "ii", (m, a) -> {
            fds.renumber(i32(a[0]), i32(a[1]));
            return Errno.SUCCESS;
        });
        e.fn("fd_seek", "iIii", (m, a) -> seek(m, i32(a[0]), i64(a[1]), i32(a[2]), u32(a[3])));
        e.fn("fd_sync", "i", (m, a) -> sync(i32(a[0]), true));
        e.fn("fd_tell", "ii", (m, a) -> tell(m, i32(a[0]), u32(a[1])));
        e.fn("fd_write", "iiii", (m, a) -> write(m, i32(a[0]), u32(a[1]), u32(a[2]), u32(a[3])));
    }

    // ------------------------------------------------------------------------------------------ read/write

    private Errno read(Memory m, int fd, long iovs, long count, long nreadPtr) throws IOException {
        Fd f = fds.get(fd);
        requireReadable(f);
        Guest.check(m, iovs, 8 * count);
        Guest.check(m, nreadPtr, 4);
        long total = switch (f) {
            case FileFd file -> readv(m, file.channel, iovs, count, true);
            case InputFd in -> {
                stdout.flush(); // a prompt written before reading input must be seen
                yield readv(m, in.channel, iovs, count, false);
            }
            case SocketFd s when s.channel instanceof SocketChannel sc -> readv(m, sc, iovs, count, false);
            case DirFd d -> throw WasiError.of(Errno.ISDIR);
            default -> throw WasiError.of(Errno.BADF);
        };
        m.writeInt(nreadPtr, (int) total);
        return Errno.SUCCESS;
    }

    /**
     * Reads into the iovecs in batches; a stream stops after its first read that returned data (a second
     * one could block), a file after a short read.
     */
    static long readv(Memory m, ReadableByteChannel ch, long iovs, long count, boolean file) throws IOException {
        long total = 0;
        for (long i = 0; i < count; ) {
            int k = (int) Math.min(IOV_BATCH, count - i);
            ByteBuffer[] bufs = new ByteBuffer[k];
            long want = 0;
            for (int j = 0; j < k; j++) {
                bufs[j] = Guest.iovec(m, iovs, i + j, true).asByteBuffer();
                want += bufs[j].remaining();
            }
            i += k;
            if (want == 0) {
                continue;
            }
            long got;
            if (ch instanceof ScatteringByteChannel s) {
                got = s.read(bufs);
            } else {
                got = 0;
                for (ByteBuffer b : bufs) {
                    int n = ch.read(b);
                    if (n <= 0) {
                        got = got == 0 ? n : got;
                        break;
                    }
                    got += n;
                    if (b.hasRemaining()) {
                        break;
                    }
                }
            }
            if (got <= 0) {
                break;
            }
            total += got;
            if (got < want || !file) {
                break;
            }
        }
        return total;
    }

    private Errno write(Memory m, int fd, long iovs, long count, long nwrittenPtr) throws IOException {
        Fd f = fds.get(fd);
        requireWritable(f);
        Guest.check(m, iovs, 8 * count);
        Guest.check(m, nwrittenPtr, 4);
        long total = 0;
        // instanceof rather than a pattern switch, which spins a class on first use: every program that prints
        // comes here, a hello world at its start
        if (f instanceof OutputFd out) {
            for (long i = 0; i < count; i++) {
                MemorySegment seg = Guest.iovec(m, iovs, i, false);
                out.write(seg);
                total += seg.byteSize();
            }
        } else if (f instanceof FileFd file) {
            if (file.append) {
                file.channel.position(file.channel.size());
            }
            total = writev(m, file.channel, iovs, count);
        } else if (f instanceof SocketFd s && s.channel instanceof SocketChannel sc) {
            total = writev(m, sc, iovs, count);
        } else if (f instanceof DirFd) {
            throw WasiError.of(Errno.ISDIR);
        } else {
            throw WasiError.of(Errno.BADF);
        }
        m.writeInt(nwrittenPtr, (int) total);
        return Errno.SUCCESS;
    }

    static long writev(Memory m, java.nio.channels.GatheringByteChannel ch, long iovs, long count)
            throws IOException {
        long total = 0;
        for (long i = 0; i < count; ) {
            int k = (int) Math.min(IOV_BATCH, count - i);
            ByteBuffer[] bufs = new ByteBuffer[k];
            for (int j = 0; j < k; j++) {
                bufs[j] = Guest.iovec(m, iovs, i + j, false).asByteBuffer();
            }
            i += k;
            for (ByteBuffer b : bufs) {
                while (b.hasRemaining()) {
                    total += ch.write(bufs);
                }
            }
        }
        return total;
    }

    private Errno pread(Memory m, int fd, long iovs, long count, long offset, long nreadPtr) throws IOException {
        FileFd f = positional(fd);
        requireReadable(f);
        Guest.check(m, iovs, 8 * count);
        Guest.check(m, nreadPtr, 4);
        long total = 0;
        long pos = offset;
        outer:
        for (long i = 0; i < count; i++) {
            ByteBuffer b = Guest.iovec(m, iovs, i, true).asByteBuffer();
            while (b.hasRemaining()) {
                int n = f.channel.read(b, pos);
                if (n <= 0) {
                    break outer;
                }
                pos += n;
                total += n;
            }
        }
        m.writeInt(nreadPtr, (int) total);
        return Errno.SUCCESS;
    }

    private Errno pwrite(Memory m, int fd, long iovs, long count, long offset, long nwrittenPtr)
            throws IOException {
        FileFd f = positional(fd);
        requireWritable(f);
        Guest.check(m, iovs, 8 * count);
        Guest.check(m, nwrittenPtr, 4);
        long total = 0;
        long pos = offset;
        for (long i = 0; i < count; i++) {
            ByteBuffer b = Guest.iovec(m, iovs, i, false).asByteBuffer();
            while (b.hasRemaining()) {
                int n = f.channel.write(b, pos);
                pos += n;
                total += n;
            }
        }
        m.writeInt(nwrittenPtr, (int) total);
        return Errno.SUCCESS;
    }

    /** A file that positional I/O and seeking work on: ESPIPE for streams, EISDIR for directories. */
    private FileFd positional(int fd) {
        return switch (fds.get(fd)) {
            case FileFd f -> f;
            case DirFd d -> throw WasiError.of(Errno.ISDIR);
            default -> throw WasiError.of(Errno.SPIPE);
        };
    }

    private static void requireReadable(Fd f) {
        if ((f.rightsBase & Rights.FD_READ) == 0) {
            throw WasiError.of(f instanceof DirFd ? Errno.ISDIR : Errno.BADF);
        }
    }

    private static void requireWritable(Fd f) {
        if ((f.rightsBase & Rights.FD_WRITE) == 0) {
            throw WasiError.of(f instanceof DirFd ? Errno.ISDIR : Errno.BADF);
        }
    }

    // ------------------------------------------------------------------------------------------ position

    private Errno seek(Memory m, int fd, long offset, int whence, long newOffsetPtr) throws IOException {
        Fd any = fds.get(fd);
        FileFd f = positional(fd);
        Rights.require(any, offset == 0 && whence == 1 ? Rights.FD_TELL : Rights.FD_SEEK);
        Guest.check(m, newOffsetPtr, 8);
        long base = switch (whence) {
            case 0 -> 0;
            case 1 -> f.channel.position();
            case 2 -> f.channel.size();
            default -> throw WasiError.of(Errno.INVAL);
        };
        long pos = base + offset;
        if (pos < 0 || (offset > 0 && pos < base)) {
            throw WasiError.of(Errno.INVAL);
        }
        f.channel.position(pos);
        m.writeLong(newOffsetPtr, pos);
        return Errno.SUCCESS;
    }

    private Errno tell(Memory m, int fd, long ptr) throws IOException {
        FileFd f = positional(fd);
        Rights.require(f, Rights.FD_TELL);
        Guest.check(m, ptr, 8);
        m.writeLong(ptr, f.channel.position());
        return Errno.SUCCESS;
    }

    // ------------------------------------------------------------------------------------------ fdstat

    private Errno fdstatGet(Memory m, int fd, long ptr) {
        Fd f = fds.get(fd);
        Guest.check(m, ptr, 24);
        m.writeLong(ptr, 0);
        m.writeByte(ptr, (byte) f.filetype());
        Guest.writeShort(m, ptr + 2, f.fdflags());
        m.writeLong(ptr + 8, f.rightsBase);
        m.writeLong(ptr + 16, f.rightsInheriting);
        return Errno.SUCCESS;
    }

    private Errno fdstatSetFlags(int fd, int flags) {
        Fd f = fds.get(fd);
        Rights.require(f, Rights.FD_FDSTAT_SET_FLAGS);
        if ((flags & ~0x1F) != 0) {
            throw WasiError.of(Errno.INVAL);
        }
        // Flags cannot change on an open Java channel; asking for the current ones (or for nonblocking
        // on a stream, which reads only what is there anyway) is fine.
        if (flags == f.fdflags() || f instanceof InputFd && flags == Rights.FDFLAG_NONBLOCK) {
            return Errno.SUCCESS;
        }
        return Errno.NOTSUP;
    }

    private Errno fdstatSetRights(int fd, long base, long inheriting) {
        Fd f = fds.get(fd);
        if ((base & ~f.rightsBase) != 0 || (inheriting & ~f.rightsInheriting) != 0) {
            throw WasiError.of(Errno.NOTCAPABLE);
        }
        f.rightsBase = base;
        f.rightsInheriting = inheriting;
        return Errno.SUCCESS;
    }

    // ------------------------------------------------------------------------------------------ filestat

    private Errno filestatGet(Memory m, int fd, long ptr) throws IOException {
        Fd f = fds.get(fd);
        Rights.require(f, Rights.FD_FILESTAT_GET);
        switch (f) {
            case FileFd file -> {
                BasicFileAttributes a = null;
                try {
                    a = Files.readAttributes(file.path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                } catch (NoSuchFileException gone) {
                    // unlinked while open
                }
                if (a != null && file.fileKey != null && file.fileKey.equals(a.fileKey())) {
                    Filestats.write(m, ptr, a, file.path);
                    m.writeLong(ptr + 32, file.channel.size());
                } else {
                    // the path is gone or names another file now: what the channel still knows
                    Filestats.write(m, ptr, 0, 0, Rights.REGULAR_FILE, 0, file.channel.size(), 0, 0, 0);
                }
            }
            case DirFd dir -> Filestats.write(m, ptr,
                    dir.stream.getFileAttributeView(BasicFileAttributeView.class).readAttributes(), dir.root);
            default -> Filestats.write(m, ptr, 0, 0, f.filetype(), 1, 0, 0, 0, 0);
        }
        return Errno.SUCCESS;
    }

    private Errno setSize(int fd, long size) throws IOException {
        FileFd f = fds.get(fd, FileFd.class, Errno.BADF);
        Rights.require(f, Rights.FD_FILESTAT_SET_SIZE);
        requireWritable(f);
        if (size < 0) {
            throw WasiError.of(Errno.INVAL);
        }
        long current = f.channel.size();
        if (size < current) {
            f.channel.truncate(size);
        } else if (size > current) {
            f.channel.write(ByteBuffer.wrap(new byte[1]), size - 1);
        }
        return Errno.SUCCESS;
    }

    private Errno setTimes(int fd, long atim, long mtim, int fstflags) throws IOException {
        Fd f = fds.get(fd);
        Rights.require(f, Rights.FD_FILESTAT_SET_TIMES);
        BasicFileAttributeView view = switch (f) {
            case FileFd file -> {
                BasicFileAttributeView v = Files.getFileAttributeView(file.path, BasicFileAttributeView.class,
                        LinkOption.NOFOLLOW_LINKS);
                if (file.fileKey == null || !file.fileKey.equals(v.readAttributes().fileKey())) {
                    throw WasiError.of(Errno.NOTSUP); // the path no longer names the open file
                }
                yield v;
            }
            case DirFd dir -> dir.stream.getFileAttributeView(BasicFileAttributeView.class);
            default -> throw WasiError.of(Errno.BADF);
        };
        Filestats.setTimes(view, atim, mtim, fstflags);
        return Errno.SUCCESS;
    }

    // ------------------------------------------------------------------------------------------ misc

    private Errno advise(int fd, int advice) {
        Fd f = fds.get(fd);
        if (!(f instanceof FileFd)) {
            throw WasiError.of(f instanceof DirFd ? Errno.BADF : Errno.SPIPE);
        }
        Rights.require(f, Rights.FD_ADVISE);
        return advice >= 0 && advice <= 5 ? Errno.SUCCESS : Errno.INVAL;
    }

    private Errno allocate(int fd, long offset, long len) throws IOException {
        FileFd f = fds.get(fd, FileFd.class, Errno.BADF);
        Rights.require(f, Rights.FD_ALLOCATE);
        requireWritable(f);
        if (offset < 0 || len <= 0 || offset + len < 0) {
            throw WasiError.of(Errno.INVAL);
        }
        if (offset + len > f.channel.size()) {
            f.channel.write(ByteBuffer.wrap(new byte[1]), offset + len - 1);
        }
        return Errno.SUCCESS;
    }

    private Errno sync(int fd, boolean metadata) throws IOException {
        switch (fds.get(fd)) {
            case FileFd f -> f.channel.force(metadata);
            case OutputFd o -> o.flush();
            default -> {
            }
        }
        return Errno.SUCCESS;
    }

    private Errno prestatGet(Memory m, int fd, long ptr) {
        DirFd d = fds.get(fd, DirFd.class, Errno.BADF);
        if (d.preopenName == null) {
            throw WasiError.of(Errno.BADF);
        }
        Guest.check(m, ptr, 8);
        m.writeInt(ptr, 0);
        m.writeInt(ptr + 4, d.preopenName.getBytes(StandardCharsets.UTF_8).length);
        return Errno.SUCCESS;
    }

    private Errno prestatDirName(Memory m, int fd, long ptr, long len) {
        DirFd d = fds.get(fd, DirFd.class, Errno.BADF);
        if (d.preopenName == null) {
            throw WasiError.of(Errno.BADF);
        }
        byte[] name = d.preopenName.getBytes(StandardCharsets.UTF_8);
        if (len < name.length) {
            throw WasiError.of(Errno.NAMETOOLONG);
        }
        Guest.check(m, ptr, name.length);
        m.write(ptr, name);
        return Errno.SUCCESS;
    }

    // ------------------------------------------------------------------------------------------ readdir

    private Errno readdir(Memory m, int fd, long buf, long bufLen, long cookie, long bufusedPtr)
            throws IOException {
        DirFd d = fds.get(fd, DirFd.class, Errno.NOTDIR);
        Rights.require(d, Rights.FD_READDIR);
        Guest.check(m, buf, bufLen);
        Guest.check(m, bufusedPtr, 4);
        if (cookie == 0 || d.entries == null) {
            d.entries = list(d);
        }
        long used = 0;
        for (long i = cookie; i >= 0 && i < d.entries.size() && used < bufLen; i++) {
            Dirent e = d.entries.get((int) i);
            byte[] rec = new byte[24 + e.name().length];
            ByteBuffer b = ByteBuffer.wrap(rec).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            b.putLong(0, i + 1).putLong(8, e.ino()).putInt(16, e.name().length).put(20, (byte) e.type());
            System.arraycopy(e.name(), 0, rec, 24, e.name().length);
            int n = (int) Math.min(rec.length, bufLen - used);
            m.write(buf + used, rec, 0, n);
            used += n;
        }
        m.writeInt(bufusedPtr, (int) used);
        return Errno.SUCCESS;
    }

    /** ".", "..", then the directory's entries in the host's order, read relative to the open directory. */
    private static List<Dirent> list(DirFd dir) throws IOException {
        List<Dirent> out = new ArrayList<>();
        BasicFileAttributes self = dir.stream.getFileAttributeView(BasicFileAttributeView.class).readAttributes();
        out.add(new Dirent(new byte[] {'.'}, Filestats.inode(self), Rights.DIRECTORY_TYPE));
        out.add(new Dirent(new byte[] {'.', '.'}, 0, Rights.DIRECTORY_TYPE));
        try (SecureDirectoryStream<Path> ds = dir.stream.newDirectoryStream(Path.of("."), Sandbox.NOFOLLOW)) {
            for (Path p : ds) {
                Path name = p.getFileName();
                BasicFileAttributes a = Sandbox.attributes(ds, name);
                if (a == null) {
                    continue;
                }
                out.add(new Dirent(name.toString().getBytes(StandardCharsets.UTF_8), Filestats.inode(a),
                        Filestats.filetypeOf(a)));
            }
        }
        return out;
    }
}
