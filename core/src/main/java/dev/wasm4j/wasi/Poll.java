package dev.wasm4j.wasi;

import dev.wasm4j.Memory;
import dev.wasm4j.wasi.Fd.FileFd;
import dev.wasm4j.wasi.Fd.InputFd;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static dev.wasm4j.wasi.Guest.u32;

/**
 * poll_oneoff: clock subscriptions (relative or absolute, on any clock) and fd_read/fd_write readiness.
 * Files, output streams and sockets are always ready. Standard input is ready when it has bytes buffered,
 * or when no clock could end the wait (a read then blocks until data or end of input, as it would anyway).
 * Without a ready descriptor the call sleeps until the earliest clock deadline, looking at standard input
 * every few milliseconds.
 */
final class Poll {
    private static final int SUBSCRIPTION_SIZE = 48;
    private static final int EVENT_SIZE = 32;
    private static final int CLOCK = 0;
    private static final int FD_READ = 1;
    private static final int FD_WRITE = 2;
    private static final long STDIN_POLL_NANOS = 5_000_000;

    private final FdTable fds;

    Poll(Wasi wasi) {
        this.fds = wasi.fds;
    }

    void define(Exports e) {
        e.fn("poll_oneoff", "iiii", (m, a) -> poll(m, u32(a[0]), u32(a[1]), u32(a[2]), u32(a[3])));
    }

    /** One subscription: its userdata and type, and for a clock its deadline on System.nanoTime's scale. */
    private record Sub(long userdata, int type, int fd, long deadline, Errno error) {
    }

    private Errno poll(Memory m, long in, long out, long nsubs, long neventsPtr) throws IOException {
        if (nsubs == 0) {
            throw WasiError.of(Errno.INVAL);
        }
        Guest.check(m, in, SUBSCRIPTION_SIZE * nsubs);
        Guest.check(m, out, EVENT_SIZE * nsubs);
        Guest.check(m, neventsPtr, 4);
        List<Sub> subs = new ArrayList<>();
        for (long i = 0; i < nsubs; i++) {
            subs.add(read(m, in + SUBSCRIPTION_SIZE * i));
        }
        boolean anyClock = subs.stream().anyMatch(s -> s.type == CLOCK && s.error == Errno.SUCCESS);
        while (true) {
            long now = System.nanoTime();
            int n = 0;
            long earliest = Long.MAX_VALUE;
            for (Sub s : subs) {
                long nbytes = -1;
                if (s.error != Errno.SUCCESS) {
                    nbytes = 0;
                } else if (s.type == CLOCK) {
                    if (now - s.deadline >= 0) {
                        nbytes = 0;
                    } else {
                        earliest = Math.min(earliest, s.deadline - now);
                    }
                } else {
                    nbytes = readiness(s, anyClock);
                }
                if (nbytes >= 0) {
                    event(m, out + (long) EVENT_SIZE * n++, s, nbytes);
                }
            }
            if (n > 0) {
                m.writeInt(neventsPtr, n);
                return Errno.SUCCESS;
            }
            long sleep = subs.stream().anyMatch(s -> s.type != CLOCK) ? Math.min(earliest, STDIN_POLL_NANOS)
                    : earliest;
            try {
                Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw WasiError.of(Errno.INTR);
            }
        }
    }

    private Sub read(Memory m, long at) {
        long userdata = m.readLong(at);
        int tag = m.readByte(at + 8) & 0xFF;
        switch (tag) {
            case CLOCK -> {
                int id = m.readInt(at + 16);
                long timeout = m.readLong(at + 24);
                int flags = m.readByte(at + 40) & 0xFF;
                long deadline;
                Errno error = Errno.SUCCESS;
                long now = System.nanoTime();
                try {
                    if ((flags & 1) != 0) {
                        long left = timeout - Clocks.now(id);
                        deadline = now + Math.max(0, left);
                    } else {
                        deadline = timeout < 0 || now + timeout < now ? now + Long.MAX_VALUE / 2 : now + timeout;
                    }
                } catch (WasiError e) {
                    deadline = now;
                    error = e.errno;
                }
                return new Sub(userdata, CLOCK, -1, deadline, error);
            }
            case FD_READ, FD_WRITE -> {
                int fd = m.readInt(at + 16);
                Errno error = Errno.SUCCESS;
                try {
                    Fd f = fds.get(fd);
                    Rights.require(f, Rights.POLL_FD_READWRITE);
                } catch (WasiError e) {
                    error = e.errno;
                }
                return new Sub(userdata, tag, fd, 0, error);
            }
            default -> throw WasiError.of(Errno.INVAL);
        }
    }

    /** Bytes ready for an fd subscription, or -1 when it is not ready. */
    private long readiness(Sub s, boolean anyClock) throws IOException {
        Fd f = fds.get(s.fd);
        if (s.type == FD_WRITE) {
            return 0;
        }
        return switch (f) {
            case FileFd file -> Math.max(0, file.channel.size() - file.channel.position());
            case InputFd input -> {
                long available = input.available();
                yield available > 0 || !anyClock ? available : -1;
            }
            default -> 0;
        };
    }

    private static void event(Memory m, long at, Sub s, long nbytes) {
        for (int i = 0; i < EVENT_SIZE; i += 8) {
            m.writeLong(at + i, 0);
        }
        m.writeLong(at, s.userdata);
        Guest.writeShort(m, at + 8, s.error.code());
        m.writeByte(at + 10, (byte) s.type);
        if (s.type != CLOCK) {
            m.writeLong(at + 16, nbytes);
        }
    }
}
