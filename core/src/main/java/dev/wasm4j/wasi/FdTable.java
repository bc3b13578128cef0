package dev.wasm4j.wasi;

import java.io.IOException;
import java.util.Arrays;

/**
 * The guest's descriptor numbers. New descriptors take the lowest free number, as in POSIX. Synchronized: the
 * threads of a wasi-threads program share it.
 */
final class FdTable {
    /** Most descriptors one guest may hold open (EMFILE beyond). */
    static final int MAX_FDS = 16384;

    private Fd[] fds = new Fd[16];
    private int lowestFree;

    synchronized Fd get(int fd) {
        if (fd < 0 || fd >= fds.length || fds[fd] == null) {
            throw WasiError.of(Errno.BADF);
        }
        return fds[fd];
    }

    synchronized <T extends Fd> T get(int fd, Class<T> kind, Errno otherwise) {
        Fd f = get(fd);
        if (!kind.isInstance(f)) {
            throw WasiError.of(otherwise);
        }
        return kind.cast(f);
    }

    synchronized int insert(Fd f) {
        int i = lowestFree;
        while (i < fds.length && fds[i] != null) {
            i++;
        }
        if (i >= MAX_FDS) {
            throw WasiError.of(Errno.MFILE);
        }
        if (i >= fds.length) {
            fds = Arrays.copyOf(fds, Math.min(MAX_FDS, fds.length * 2));
        }
        fds[i] = f;
        lowestFree = i + 1;
        return i;
    }

    /** Puts {@code f} at {@code fd} (the standard streams and preopens at start). */
    synchronized void set(int fd, Fd f) {
        while (fd >= fds.length) {
            fds = Arrays.copyOf(fds, fds.length * 2);
        }
        fds[fd] = f;
    }

    synchronized Fd remove(int fd) {
        Fd f = get(fd);
        fds[fd] = null;
        lowestFree = Math.min(lowestFree, fd);
        return f;
    }

    /** fd_renumber: {@code to} must be open; it is closed and {@code from} takes its number. */
    synchronized void renumber(int from, int to) throws IOException {
        Fd f = get(from);
        Fd old = get(to);
        if (from == to) {
            return;
        }
        fds[to] = f;
        fds[from] = null;
        lowestFree = Math.min(lowestFree, from);
        old.close();
    }

    /** Closes everything (files; the standard streams are flushed, not closed). */
    synchronized void closeAll() {
        for (int i = 0; i < fds.length; i++) {
            if (fds[i] != null) {
                try {
                    fds[i].close();
                } catch (IOException ignored) {
                    // closing at exit: nothing the guest can be told
                }
                fds[i] = null;
            }
        }
        lowestFree = 0;
    }

    synchronized Fd[] all() {
        return fds;
    }
}
