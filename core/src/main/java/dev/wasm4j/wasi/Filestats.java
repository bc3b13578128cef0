package dev.wasm4j.wasi;

import dev.wasm4j.Memory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code filestat} record (64 bytes) and setting times, shared by the fd_ and path_ functions. */
final class Filestats {
    static final int SIZE = 64;
    /** How the JDK prints a Unix file key: device and inode. */
    private static final Pattern UNIX_KEY = Pattern.compile("\\(dev=([0-9a-f]+),ino=([0-9]+)\\)");

    private Filestats() {
    }

    /**
     * Writes the filestat of a file whose attributes were read relative to an open directory. Device and
     * inode come from the attributes' file key; the link count and ctime need the path, and are used only
     * when the file at the path is still the same file (same key), so that a path swapped meanwhile leaks
     * nothing.
     */
    static void write(Memory m, long ptr, BasicFileAttributes basic, Path host) {
        Guest.check(m, ptr, SIZE);
        long dev = 0;
        long ino = 0;
        if (basic.fileKey() != null) {
            Matcher k = UNIX_KEY.matcher(basic.fileKey().toString());
            if (k.matches()) {
                dev = Long.parseUnsignedLong(k.group(1), 16);
                ino = Long.parseUnsignedLong(k.group(2));
            }
        }
        long nlink = 1;
        long ctim = nanos(basic.lastModifiedTime());
        try {
            if (host != null && Objects.equals(basic.fileKey(),
                    Files.readAttributes(host, BasicFileAttributes.class, Sandbox.NOFOLLOW).fileKey())) {
                Map<String, Object> unix = Files.readAttributes(host, "unix:nlink,ctime,ino", Sandbox.NOFOLLOW);
                if (unix.get("ino") instanceof Long i && i == ino) {
                    nlink = (Integer) unix.get("nlink");
                    ctim = nanos((FileTime) unix.get("ctime"));
                }
            }
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            // keep the defaults
        }
        write(m, ptr, dev, ino, filetypeOf(basic), nlink, basic.size(), nanos(basic.lastAccessTime()),
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

    /** The inode of a file key, 0 when unknown. */
    static long inode(BasicFileAttributes a) {
        if (a.fileKey() != null) {
            Matcher k = UNIX_KEY.matcher(a.fileKey().toString());
            if (k.matches()) {
                return Long.parseUnsignedLong(k.group(2));
            }
        }
        return 0;
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

    static long nanos(FileTime t) {
        return t.to(TimeUnit.NANOSECONDS);
    }

    /** fd_filestat_set_times / path_filestat_set_times through {@code view} (which does not follow links). */
    static void setTimes(BasicFileAttributeView view, long atim, long mtim, int fstflags) throws IOException {
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
        view.setTimes(m, a, null);
    }
}
