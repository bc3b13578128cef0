package dev.wasm4j.wasi;

import dev.wasm4j.Memory;
import dev.wasm4j.Value;
import dev.wasm4j.wasi.Fd.DirFd;
import dev.wasm4j.wasi.Fd.FileFd;
import dev.wasm4j.wasi.Sandbox.Resolved;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;

import static dev.wasm4j.wasi.Guest.i32;
import static dev.wasm4j.wasi.Guest.i64;
import static dev.wasm4j.wasi.Guest.u32;

/**
 * The path_ functions. Every path is resolved by {@link Sandbox} under a directory descriptor; the operation
 * then runs relative to the open directory the walk ends in, without following links. Java offers
 * directory-relative calls for open, stat, set-times, unlink, rmdir and rename; create-directory, link,
 * symlink and readlink go by the resolved host path (see docs/wasi.md).
 */
final class PathFunctions {
    private final FdTable fds;

    PathFunctions(Wasi wasi) {
        this.fds = wasi.fds;
    }

    void define(Exports e) {
        e.fn("path_create_directory", "iii", (m, a) -> createDirectory(dir(a[0], Rights.PATH_CREATE_DIRECTORY),
                path(m, a[1], a[2])));
        e.fn("path_filestat_get", "iiiii", (m, a) -> filestatGet(m, dir(a[0], Rights.PATH_FILESTAT_GET),
                i32(a[1]), path(m, a[2], a[3]), u32(a[4])));
        e.fn("path_filestat_set_times", "iiiiIIi", (m, a) -> setTimes(dir(a[0], Rights.PATH_FILESTAT_SET_TIMES),
                i32(a[1]), path(m, a[2], a[3]), i64(a[4]), i64(a[5]), i32(a[6])));
        e.fn("path_link", "iiiiiii", (m, a) -> link(dir(a[0], Rights.PATH_LINK_SOURCE), i32(a[1]),
                path(m, a[2], a[3]), dir(a[4], Rights.PATH_LINK_TARGET), path(m, a[5], a[6])));
        e.fn("path_open", "iiiiiIIii", (m, a) -> open(m, dir(a[0], Rights.PATH_OPEN), i32(a[1]),
                path(m, a[2], a[3]), i32(a[4]), i64(a[5]), i64(a[6]), i32(a[7]), u32(a[8])));
        e.fn("path_readlink", "iiiiii", (m, a) -> readlink(m, dir(a[0], Rights.PATH_READLINK),
                path(m, a[1], a[2]), u32(a[3]), u32(a[4]), u32(a[5])));
        e.fn("path_remove_directory", "iii", (m, a) -> removeDirectory(dir(a[0], Rights.PATH_REMOVE_DIRECTORY),
                path(m, a[1], a[2])));
        e.fn("path_rename", "iiiiii", (m, a) -> rename(dir(a[0], Rights.PATH_RENAME_SOURCE), path(m, a[1], a[2]),
                dir(a[3], Rights.PATH_RENAME_TARGET), path(m, a[4], a[5])));
        e.fn("path_symlink", "iiiii", (m, a) -> symlink(path(m, a[0], a[1]), dir(a[2], Rights.PATH_SYMLINK),
                path(m, a[3], a[4])));
        e.fn("path_unlink_file", "iii", (m, a) -> unlinkFile(dir(a[0], Rights.PATH_UNLINK_FILE),
                path(m, a[1], a[2])));
    }

    private DirFd dir(Value fd, long right) {
        DirFd d = fds.get(i32(fd), DirFd.class, Errno.NOTDIR);
        Rights.require(d, right);
        return d;
    }

    private static String path(Memory m, Value ptr, Value len) {
        return Guest.path(m, u32(ptr), u32(len));
    }

    private static Errno createDirectory(DirFd dir, String path) throws IOException {
        try (Resolved r = Sandbox.resolve(dir, path, false)) {
            if (r.exists()) {
                throw WasiError.of(Errno.EXIST);
            }
            Files.createDirectory(r.host);
        }
        return Errno.SUCCESS;
    }

    private static Errno filestatGet(Memory m, DirFd dir, int flags, String path, long ptr) throws IOException {
        Guest.check(m, ptr, Filestats.SIZE);
        try (Resolved r = Sandbox.resolve(dir, path, (flags & Rights.SYMLINK_FOLLOW) != 0)) {
            if (!r.exists()) {
                throw WasiError.of(Errno.NOENT);
            }
            Filestats.write(m, ptr, r.attrs, r.host);
        }
        return Errno.SUCCESS;
    }

    private static Errno setTimes(DirFd dir, int flags, String path, long atim, long mtim, int fst)
            throws IOException {
        try (Resolved r = Sandbox.resolve(dir, path, (flags & Rights.SYMLINK_FOLLOW) != 0)) {
            if (!r.exists()) {
                throw WasiError.of(Errno.NOENT);
            }
            Filestats.setTimes(r.view(), atim, mtim, fst);
        }
        return Errno.SUCCESS;
    }

    private static Errno link(DirFd oldDir, int oldFlags, String oldPath, DirFd newDir, String newPath)
            throws IOException {
        try (Resolved from = Sandbox.resolve(oldDir, oldPath, (oldFlags & Rights.SYMLINK_FOLLOW) != 0);
             Resolved to = Sandbox.resolve(newDir, newPath, false)) {
            if (!from.exists()) {
                throw WasiError.of(Errno.NOENT);
            }
            if (from.isDirectory()) {
                throw WasiError.of(Errno.PERM);
            }
            if (to.exists()) {
                throw WasiError.of(Errno.EXIST);
            }
            Files.createLink(to.host, from.host);
        }
        return Errno.SUCCESS;
    }

    private Errno open(Memory m, DirFd dir, int dirflags, String path, int oflags, long rightsBase,
                       long rightsInheriting, int fdflags, long fdPtr) throws IOException {
        Guest.check(m, fdPtr, 4);
        if ((oflags & ~0xF) != 0 || (fdflags & ~0x1F) != 0) {
            throw WasiError.of(Errno.INVAL);
        }
        boolean creat = (oflags & Rights.O_CREAT) != 0;
        boolean excl = (oflags & Rights.O_EXCL) != 0;
        boolean trunc = (oflags & Rights.O_TRUNC) != 0;
        boolean directory = (oflags & Rights.O_DIRECTORY) != 0;
        if (creat) {
            Rights.require(dir, Rights.PATH_CREATE_FILE);
        }
        long base = rightsBase & dir.rightsInheriting;
        long inheriting = rightsInheriting & dir.rightsInheriting;
        try (Resolved r = Sandbox.resolve(dir, path, (dirflags & Rights.SYMLINK_FOLLOW) != 0)) {
            if (r.exists() && creat && excl) {
                throw WasiError.of(Errno.EXIST);
            }
            if (r.isSymlink()) {
                throw WasiError.of(Errno.LOOP);
            }
            boolean write = (base & (Rights.FD_WRITE | Rights.FD_ALLOCATE | Rights.FD_FILESTAT_SET_SIZE)) != 0;
            if (r.isDirectory()) {
                if (trunc || (base & Rights.FD_WRITE) != 0 || creat && !directory) {
                    throw WasiError.of(Errno.ISDIR);
                }
                SecureDirectoryStream<Path> opened = r.dir.newDirectoryStream(r.name == null ? Path.of(".") : r.name,
                        Sandbox.NOFOLLOW);
                return insert(m, fdPtr, new DirFd(opened, r.host, null, base & Rights.DIRECTORY, inheriting));
            }
            if (directory || r.dirRequired) {
                throw WasiError.of(r.exists() ? Errno.NOTDIR : creat ? Errno.ISDIR : Errno.NOENT);
            }
            if (!r.exists() && !creat) {
                throw WasiError.of(Errno.NOENT);
            }
            Set<OpenOption> options = new HashSet<>();
            options.add(LinkOption.NOFOLLOW_LINKS);
            if ((base & Rights.FD_READ) != 0 || !write) {
                options.add(StandardOpenOption.READ);
            }
            if (write || trunc) {
                options.add(StandardOpenOption.WRITE);
            }
            if (creat) {
                options.add(excl ? StandardOpenOption.CREATE_NEW : StandardOpenOption.CREATE);
            }
            if (trunc) {
                options.add(StandardOpenOption.TRUNCATE_EXISTING);
            }
            if ((fdflags & (Rights.FDFLAG_SYNC | Rights.FDFLAG_RSYNC)) != 0) {
                options.add(StandardOpenOption.SYNC);
            } else if ((fdflags & Rights.FDFLAG_DSYNC) != 0) {
                options.add(StandardOpenOption.DSYNC);
            }
            if (!options.contains(StandardOpenOption.WRITE)) {
                base &= ~(Rights.FD_WRITE | Rights.FD_ALLOCATE | Rights.FD_FILESTAT_SET_SIZE);
            }
            if (!options.contains(StandardOpenOption.READ)) {
                base &= ~Rights.FD_READ;
            }
            SeekableByteChannel sbc = r.dir.newByteChannel(r.name, options);
            if (!(sbc instanceof FileChannel ch)) {
                sbc.close();
                throw WasiError.of(Errno.NOTSUP);
            }
            Object key;
            try {
                key = r.view().readAttributes().fileKey();
            } catch (IOException e) {
                key = null;
            }
            return insert(m, fdPtr, new FileFd(ch, r.host, key, (fdflags & Rights.FDFLAG_APPEND) != 0,
                    base & Rights.FILE, inheriting));
        }
    }

    /** Gives {@code f} a descriptor number and writes it at {@code fdPtr}; closes {@code f} on EMFILE. */
    private Errno insert(Memory m, long fdPtr, Fd f) throws IOException {
        int fd;
        try {
            fd = fds.insert(f);
        } catch (WasiError e) {
            f.close();
            throw e;
        }
        m.writeInt(fdPtr, fd);
        return Errno.SUCCESS;
    }

    private static Errno readlink(Memory m, DirFd dir, String path, long buf, long bufLen, long usedPtr)
            throws IOException {
        Guest.check(m, buf, bufLen);
        Guest.check(m, usedPtr, 4);
        try (Resolved r = Sandbox.resolve(dir, path, false)) {
            if (!r.exists()) {
                throw WasiError.of(Errno.NOENT);
            }
            if (!r.isSymlink()) {
                throw WasiError.of(Errno.INVAL);
            }
            byte[] target = Files.readSymbolicLink(r.host).toString().getBytes(StandardCharsets.UTF_8);
            int n = (int) Math.min(target.length, bufLen);
            m.write(buf, target, 0, n);
            m.writeInt(usedPtr, n);
        }
        return Errno.SUCCESS;
    }

    private static Errno removeDirectory(DirFd dir, String path) throws IOException {
        try (Resolved r = Sandbox.resolve(dir, path, false)) {
            if (!r.exists()) {
                throw WasiError.of(Errno.NOENT);
            }
            if (!r.isDirectory()) {
                throw WasiError.of(Errno.NOTDIR);
            }
            if (r.name == null) {
                throw WasiError.of(r.isBase ? Errno.BUSY : Errno.INVAL);
            }
            r.dir.deleteDirectory(r.name);
        }
        return Errno.SUCCESS;
    }

    private static Errno rename(DirFd oldDir, String oldPath, DirFd newDir, String newPath) throws IOException {
        try (Resolved from = Sandbox.resolve(oldDir, oldPath, false);
             Resolved to = Sandbox.resolve(newDir, newPath, false)) {
            if (!from.exists()) {
                throw WasiError.of(Errno.NOENT);
            }
            if (from.name == null || to.name == null) {
                throw WasiError.of(Errno.BUSY);
            }
            if (to.exists()) {
                if (from.isDirectory() && !to.isDirectory()) {
                    throw WasiError.of(Errno.NOTDIR);
                }
                if (!from.isDirectory() && to.isDirectory()) {
                    throw WasiError.of(Errno.ISDIR);
                }
            } else if (to.dirRequired && !from.isDirectory()) {
                throw WasiError.of(Errno.NOTDIR);
            }
            from.dir.move(from.name, to.dir, to.name);
        }
        return Errno.SUCCESS;
    }

    private static Errno symlink(String target, DirFd dir, String path) throws IOException {
        if (target.isEmpty()) {
            throw WasiError.of(Errno.NOENT);
        }
        if (target.startsWith("/")) {
            throw WasiError.of(Errno.NOTCAPABLE);
        }
        try (Resolved r = Sandbox.resolve(dir, path, false)) {
            if (r.exists()) {
                throw WasiError.of(Errno.EXIST);
            }
            Files.createSymbolicLink(r.host, Path.of(target));
        }
        return Errno.SUCCESS;
    }

    private static Errno unlinkFile(DirFd dir, String path) throws IOException {
        try (Resolved r = Sandbox.resolve(dir, path, false)) {
            if (!r.exists()) {
                throw WasiError.of(Errno.NOENT);
            }
            if (r.isDirectory()) {
                throw WasiError.of(Errno.ISDIR);
            }
            if (r.dirRequired) {
                throw WasiError.of(Errno.NOTDIR);
            }
            r.dir.deleteFile(r.name);
        }
        return Errno.SUCCESS;
    }
}
