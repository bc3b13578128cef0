package dev.wasm4j.exec;

import dev.wasm4j.TrapException;

import java.time.Duration;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Stopping a running guest from outside (like wasmtime's epoch interruption): both tiers check at function
 * entries and loop heads whether the instance was asked to stop ({@link ModuleInstance#interrupt}, set by
 * {@code Instance.interrupt()} from any thread or by a deadline's timer) or whether the running thread was
 * interrupted ({@link Thread#interrupt()}), and then trap with {@link #MESSAGE}. The interpreter checks both
 * at every entry and iteration; compiled code reads a plain copy of the flag at entries and makes the full
 * check every 1024 iterations of a loop (see {@code compiler.InterruptEmitter}), so a thread's interrupt is
 * seen at loop heads there. The trap is taken in {@link #poll}.
 *
 * <p>An interrupt request is sticky, as {@link Thread#interrupt()} is: made while nothing runs, it stops the
 * next call at its first check, and the trap clears it. A thread's interrupt status is left set (as NIO's
 * interruptible channels leave it), so the host sees it too.
 */
public final class Interrupts {
    /** The trap message, wasmtime's. */
    public static final String MESSAGE = "interrupt";

    /**
     * Whether the tiers emit the checks: {@code -Dwasm4j.interruptChecks=false} leaves them out, to measure what
     * they cost (docs/performance.md); such code cannot be interrupted. Read once.
     */
    public static final boolean CHECKS = !"false".equals(System.getProperty("wasm4j.interruptChecks"));

    private static final class Timer {
        static final ScheduledThreadPoolExecutor EXECUTOR = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "wasm4j-deadlines");
            t.setDaemon(true);
            return t;
        });

        static {
            EXECUTOR.setRemoveOnCancelPolicy(true);
        }
    }

    private Interrupts() {
    }

    /** Asks the code running in {@code inst} (or the next call of it) to stop. Any thread. */
    public static void request(ModuleInstance inst) {
        inst.interruptAtEntry = 1;
        inst.interrupt = 1;     // the volatile write publishes both
    }

    /** Interrupts {@code inst} after {@code timeout}; the future cancels that. */
    public static Future<?> after(ModuleInstance inst, Duration timeout) {
        long nanos = timeout.toNanos();
        if (nanos <= 0) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        }
        return Timer.EXECUTOR.schedule(() -> request(inst), nanos, TimeUnit.NANOSECONDS);
    }

    /**
     * The check at a compiled function's entry: a plain read, since a call reads memory afresh anyway (a
     * method this small is always inlined).
     */
    public static void atEntry(ModuleInstance inst) {
        if (inst.interruptAtEntry != 0) {
            poll(inst);
        }
    }

    /**
     * The full check of a loop head (every so many iterations in compiled code, every time in the
     * interpreter): the instance's flag and the thread's interrupt status.
     */
    public static void check(ModuleInstance inst) {
        if (inst.interrupt != 0 || Thread.currentThread().isInterrupted()) {
            poll(inst);
        }
    }

    /**
     * The full check, where the tiers' quick one saw something (or where speed does not matter): traps when
     * the instance was asked to stop or the thread was interrupted.
     */
    public static void poll(ModuleInstance inst) {
        if (inst.interrupt != 0) {
            inst.interruptAtEntry = 0;
            inst.interrupt = 0;
            throw new TrapException(MESSAGE);
        }
        if (Thread.currentThread().isInterrupted()) {
            throw new TrapException(MESSAGE);
        }
    }
}
