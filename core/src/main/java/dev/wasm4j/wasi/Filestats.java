package dev.wasm4j.wasi;

import dev.wasm4j.Memory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The {@code filestat} record (64 bytes) and setting times, shared by the fd_ and path_ functions. */
final class Filestats {
    static final int SIZE = 64;
    private static final LinkOption[] NOFOLLOW = {LinkOption.NOFOLLOW_LINKS};

    private Filestats() {
    }

    /** Writes the filestat of {@code p} (not following a final link) at {@code ptr}. */
    static void write(Memory m, long ptr, Path p) throws IOException {
        Guest.check(m, ptr, SIZE);
        long dev = 0;
        long ino = 0;
        long nlink = 1;
        long ctim;
        int filetype;
        BasicFileAttributes basic = Files.readAttributes(p, BasicFileAttributes.class, NOFOLLOW);
        try {
            Map<String, Object> unix = Files.readAttributes(p, "unix:dev,ino,nlink,mode,ctime", NOFOLLOW);
            dev = (Long) unix.get("dev");
            ino = (Long) unix.get("ino");
            nlink = (Integer) unix.get("nlink");
            ctim = nanos((FileTime) unix.get("ctime"));
            filetype = filetypeOfMode((Integer) unix.get("mode"));
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            ctim = nanos(basic.lastModifiedTime());
            filetype = filetypeOf(basic);
        }
        write(m, ptr, dev, ino, filetype, nlink, basic.size(), nanos(basic.lastAccessTime()),
                nanos(basic.lastModifiedTime()), ctim);
    }

    static void write(Memory m, long ptr, long dev, long ino, int filetype, long nlink, long size, long atim,
                      long mtim, long ctim) {
        Guest.check(m, ptr, SIZE);
        m.writeLong(ptr, dev);
        m.writeLong(ptr + 8, ino);
        m.writeLong(ptr + 16, filetype & 0xFF);
        m.writeLong(ptr + 24, nlink);
        m.writeLong(ptr + 32, size);
        m.writeLong(ptr + 40, atim);
        m.writeLong(ptr + 48, mtim);
        m.writeLong(ptr + 56, ctim);
    }

    static int filetypeOf(BasicFileAttributes a) {
        if (a.isSymbolicLink()) {
            return Rights.SYMBOLIC_LINK;
        }
        if (a.isDirectory()) {
            return Rights.DIRECTORY_TYPE;
        }
        if (a.isRegularFile()) {
            return Rights.REGULAR_FILE;
        }
        return Rights.UNKNOWN;
    }

    static int filetypeOfMode(int mode) {
        return switch (mode & 0xF000) {
            case 0xC000 -> Rights.SOCKET_STREAM;
            case 0xA000 -> Rights.SYMBOLIC_LINK;
            case 0x8000 -> Rights.REGULAR_FILE;
            case 0x6000 -> Rights.BLOCK_DEVICE;
            case 0x4000 -> Rights.DIRECTORY_TYPE;
            case 0x2000 -> Rights.CHARACTER_DEVICE;
            default -> Rights.UNKNOWN;
        };
    }

    static long nanos(FileTime t) {
        return t.to(TimeUnit.NANOSECONDS);
    }

    /** fd_filestat_set_times / path_filestat_set_times on {@code p}, without following a final link. */
    static void setTimes(Path p, long atim, long mtim, int fstflags) throws IOException {
        if ((fstflags & ~0xF) != 0
                || (fstflags & (Rights.ATIM | Rights.ATIM_NOW)) == (Rights.ATIM | Rights.ATIM_NOW)
                || (fstflags & (Rights.MTIM | Rights.MTIM_NOW)) == (Rights.MTIM | Rights.MTIM_NOW)) {
            throw WasiError.of(Errno.INVAL);
        }
        FileTime now = FileTime.from(Clocks.now(Clocks.REALTIME), TimeUnit.NANOSECONDS);
        FileTime a = (fstflags & Rights.ATIM_NOW) != 0 ? now
                : (fstflags & Rights.ATIM) != 0 ? FileTime.from(atim, TimeUnit.NANOSECONDS) : null;
        FileTime m = (fstflags & Rights.MTIM_NOW) != 0 ? now
                : (fstflags & Rights.MTIM) != 0 ? FileTime.from(mtim, TimeUnit.NANOSECONDS) : null;
        if (a == null && m == null) {
            return;
        }
        Files.getFileAttributeView(p, BasicFileAttributeView.class, NOFOLLOW).setTimes(m, a, null);
    }
}
