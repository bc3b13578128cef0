package dev.wasm4j.wasi;

import dev.wasm4j.Memory;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;

import static dev.wasm4j.wasi.Guest.i32;
import static dev.wasm4j.wasi.Guest.u32;

/**
 * clock_res_get, clock_time_get. Realtime is the host's wall clock, monotonic is {@link System#nanoTime},
 * process and thread CPU time come from the JVM's thread CPU clock of the guest's thread (a guest is one
 * thread, so both are the time that thread ran).
 */
final class Clocks {
    static final int REALTIME = 0;
    static final int MONOTONIC = 1;
    static final int PROCESS_CPUTIME = 2;
    static final int THREAD_CPUTIME = 3;

    /** Set up on first use of a CPU-time clock: the management bean costs milliseconds every run would pay. */
    private static final class Threads {
        static final ThreadMXBean BEAN = ManagementFactory.getThreadMXBean();
    }

    void define(Exports e) {
        e.fn("clock_res_get", "ii", (m, a) -> res(m, i32(a[0]), u32(a[1])));
        e.fn("clock_time_get", "iIi", (m, a) -> time(m, i32(a[0]), u32(a[2])));
    }

    private static Errno res(Memory m, int id, long ptr) {
        long res = switch (id) {
            case REALTIME -> 1_000;
            case MONOTONIC, PROCESS_CPUTIME, THREAD_CPUTIME -> 1;
            default -> throw WasiError.of(Errno.INVAL);
        };
        m.writeLong(ptr, res);
        return Errno.SUCCESS;
    }

    private static Errno time(Memory m, int id, long ptr) {
        Guest.check(m, ptr, 8);
        m.writeLong(ptr, now(id));
        return Errno.SUCCESS;
    }

    /** The time of clock {@code id} in nanoseconds (EINVAL for an unknown clock). */
    static long now(int id) {
        return switch (id) {
            case REALTIME -> {
                Instant t = Instant.now();
                yield t.getEpochSecond() * 1_000_000_000L + t.getNano();
            }
            case MONOTONIC -> System.nanoTime();
            case PROCESS_CPUTIME, THREAD_CPUTIME -> cpuTime();
            default -> throw WasiError.of(Errno.INVAL);
        };
    }

    private static long cpuTime() {
        if (Threads.BEAN.isCurrentThreadCpuTimeSupported()) {
            long t = Threads.BEAN.getCurrentThreadCpuTime();
            if (t >= 0) {
                return t;
            }
        }
        return System.nanoTime();
    }
}
