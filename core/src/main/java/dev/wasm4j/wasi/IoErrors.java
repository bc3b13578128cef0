package dev.wasm4j.wasi;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.NotLinkException;
import java.util.Locale;

/** Maps the host's I/O exceptions to WASI errno values. */
final class IoErrors {
    private IoErrors() {
    }

    static Errno errno(IOException e) {
        return switch (e) {
            case NoSuchFileException x -> Errno.NOENT;
            case FileAlreadyExistsException x -> Errno.EXIST;
            case DirectoryNotEmptyException x -> Errno.NOTEMPTY;
            case NotDirectoryException x -> Errno.NOTDIR;
            case AccessDeniedException x -> Errno.ACCES;
            case FileSystemLoopException x -> Errno.LOOP;
            case NotLinkException x -> Errno.INVAL;
            case AtomicMoveNotSupportedException x -> Errno.XDEV;
            case ClosedChannelException x -> Errno.BADF;
            case FileSystemException x -> fromReason(x.getReason());
            default -> fromReason(e.getMessage());
        };
    }

    /** The JDK reports other errno values only as strerror text. */
    private static Errno fromReason(String reason) {
        if (reason == null) {
            return Errno.IO;
        }
        String r = reason.toLowerCase(Locale.ROOT);
        if (r.contains("is a directory")) return Errno.ISDIR;
        if (r.contains("not a directory")) return Errno.NOTDIR;
        if (r.contains("directory not empty")) return Errno.NOTEMPTY;
        if (r.contains("file exists")) return Errno.EXIST;
        if (r.contains("no such file")) return Errno.NOENT;
        if (r.contains("symbolic links")) return Errno.LOOP;
        if (r.contains("no space")) return Errno.NOSPC;
        if (r.contains("read-only file system")) return Errno.ROFS;
        if (r.contains("file name too long")) return Errno.NAMETOOLONG;
        if (r.contains("operation not permitted")) return Errno.PERM;
        if (r.contains("permission denied")) return Errno.ACCES;
        if (r.contains("cross-device")) return Errno.XDEV;
        if (r.contains("invalid argument")) return Errno.INVAL;
        if (r.contains("broken pipe")) return Errno.PIPE;
        if (r.contains("too many open files")) return Errno.MFILE;
        if (r.contains("file too large")) return Errno.FBIG;
        if (r.contains("connection reset")) return Errno.CONNRESET;
        if (r.contains("not connected")) return Errno.NOTCONN;
        return Errno.IO;
    }
}
