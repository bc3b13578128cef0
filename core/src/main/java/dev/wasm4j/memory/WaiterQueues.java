package dev.wasm4j.memory;

import dev.wasm4j.TrapException;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.concurrent.locks.LockSupport;

/**
 * The wait queues of one shared memory ({@code memory.atomic.wait}/{@code notify}, threads proposal): one FIFO
 * queue of waiting threads per address. The value check and the enqueueing happen under the same lock that
 * {@link #notify} takes, so a notify that follows a store the waiter has not yet seen can never slip between
 * them: no wake-up is lost. A notified waiter is taken off its queue by the notifier, so the count
 * {@code notify} returns is exact, and a waiter whose time runs out at the same moment returns "ok" if it was
 * counted, "timed-out" only if it was not. Waiters park ({@link LockSupport}); the lock is held only for
 * queue bookkeeping, never while a thread sleeps.
 */
final class WaiterQueues {
    /** The trap of a wait whose thread was interrupted (wasmtime's word, as the tiers' interruption uses). */
    static final String INTERRUPTED = "interrupt";

    private final Map<Long, ArrayDeque<Waiter>> queues = new HashMap<>();
    private int size;

    private static final class Waiter {
        final Thread thread = Thread.currentThread();
        volatile boolean woken;
    }

    /**
     * Waits on {@code ea} while {@code unchanged} holds (checked once, under the lock): 1 if it did not hold,
     * 0 when notified, 2 after {@code timeoutNanos} (negative: forever).
     */
    int await(long ea, BooleanSupplier unchanged, long timeoutNanos) {
        Waiter w = new Waiter();
        synchronized (this) {
            if (!unchanged.getAsBoolean()) {
                return 1;
            }
            if (timeoutNanos == 0) {
                return 2;
            }
            queues.computeIfAbsent(ea, k -> new ArrayDeque<>()).add(w);
            size++;
        }
        long deadline = timeoutNanos < 0 ? 0 : System.nanoTime() + timeoutNanos;
        while (!w.woken) {
            if (Thread.interrupted()) {
                if (leave(ea, w)) {
                    Thread.currentThread().interrupt();
                    throw new TrapException(INTERRUPTED);
                }
                Thread.currentThread().interrupt();
                return 0;
            }
            if (timeoutNanos < 0) {
                LockSupport.park(this);
            } else {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                LockSupport.parkNanos(this, left);
            }
        }
        return w.woken || !leave(ea, w) ? 0 : 2;
    }

    /** Takes {@code w} off its queue; false when a notify already took it (and counted it). */
    private synchronized boolean leave(long ea, Waiter w) {
        if (w.woken) {
            return false;
        }
        ArrayDeque<Waiter> q = queues.get(ea);
        if (q != null && q.remove(w)) {
            size--;
            if (q.isEmpty()) {
                queues.remove(ea);
            }
        }
        return true;
    }

    /** Wakes up to {@code count} (unsigned) waiters on {@code ea}, oldest first; returns how many. */
    int notify(long ea, long count) {
        int woken = 0;
        Waiter[] wake;
        synchronized (this) {
            ArrayDeque<Waiter> q = queues.get(ea);
            if (q == null || count == 0) {
                return 0;
            }
            int n = (int) Math.min(q.size(), Long.compareUnsigned(count, Integer.MAX_VALUE) > 0 ? Integer.MAX_VALUE : count);
            wake = new Waiter[n];
            while (woken < n) {
                Waiter w = q.poll();
                w.woken = true;
                wake[woken++] = w;
            }
            size -= n;
            if (q.isEmpty()) {
                queues.remove(ea);
            }
        }
        for (Waiter w : wake) {
            LockSupport.unpark(w.thread);
        }
        return woken;
    }

    synchronized int size() {
        return size;
    }
}
