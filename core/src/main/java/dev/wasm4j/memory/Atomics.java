package dev.wasm4j.memory;

import dev.wasm4j.TrapException;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * The atomic instructions of the threads proposal on one memory: sequentially consistent loads, stores,
 * read-modify-writes and compare-exchange, and {@code memory.atomic.wait}/{@code notify}. An access must be
 * in bounds and naturally aligned ({@code unaligned atomic} otherwise). 8- and 16-bit atomics are done by a
 * compare-and-set loop on the aligned 32-bit word that contains them.
 */
public final class Atomics {
    public static final String UNALIGNED = "unaligned atomic";

    /** Read-modify-write operators. */
    public static final int ADD = 0;
    public static final int SUB = 1;
    public static final int AND = 2;
    public static final int OR = 3;
    public static final int XOR = 4;
    public static final int XCHG = 5;

    private static final VarHandle INT = ValueLayout.JAVA_INT.withOrder(ByteOrder.LITTLE_ENDIAN).varHandle();
    private static final VarHandle LONG = ValueLayout.JAVA_LONG.withOrder(ByteOrder.LITTLE_ENDIAN).varHandle();

    private final LinearMemory memory;
    private final Map<Long, ArrayDeque<Waiter>> waiters = new HashMap<>();

    Atomics(LinearMemory memory) {
        this.memory = memory;
    }

    private MemorySegment checked(long ea, int width, boolean write) {
        if (write) {
            memory.checkWrite(ea, width);
        } else {
            memory.checkRead(ea, width);
        }
        if ((ea & (width - 1)) != 0) {
            throw new TrapException(UNALIGNED);
        }
        return memory.seg;
    }

    private static long mask(int width) {
        return width == 8 ? -1L : (1L << (8 * width)) - 1;
    }

    /** An atomic load of {@code width} bytes, zero-extended. */
    public long load(long ea, int width) {
        MemorySegment s = checked(ea, width, false);
        return switch (width) {
            case 8 -> (long) LONG.getVolatile(s, ea);
            case 4 -> (int) INT.getVolatile(s, ea) & 0xFFFF_FFFFL;
            default -> (((int) INT.getVolatile(s, ea & ~3L)) >>> shift(ea)) & mask(width);
        };
    }

    public void store(long ea, int width, long v) {
        MemorySegment s = checked(ea, width, true);
        switch (width) {
            case 8 -> LONG.setVolatile(s, ea, v);
            case 4 -> INT.setVolatile(s, ea, (int) v);
            default -> narrow(s, ea, width, XCHG, v);
        }
    }

    /** A read-modify-write; returns the old value, zero-extended. */
    public long rmw(int op, long ea, int width, long v) {
        MemorySegment s = checked(ea, width, true);
        return switch (width) {
            case 8 -> switch (op) {
                case ADD -> (long) LONG.getAndAdd(s, ea, v);
                case SUB -> (long) LONG.getAndAdd(s, ea, -v);
                case AND -> (long) LONG.getAndBitwiseAnd(s, ea, v);
                case OR -> (long) LONG.getAndBitwiseOr(s, ea, v);
                case XOR -> (long) LONG.getAndBitwiseXor(s, ea, v);
                default -> (long) LONG.getAndSet(s, ea, v);
            };
            case 4 -> (switch (op) {
                case ADD -> (int) INT.getAndAdd(s, ea, (int) v);
                case SUB -> (int) INT.getAndAdd(s, ea, -(int) v);
                case AND -> (int) INT.getAndBitwiseAnd(s, ea, (int) v);
                case OR -> (int) INT.getAndBitwiseOr(s, ea, (int) v);
                case XOR -> (int) INT.getAndBitwiseXor(s, ea, (int) v);
                default -> (int) INT.getAndSet(s, ea, (int) v);
            }) & 0xFFFF_FFFFL;
            default -> narrow(s, ea, width, op, v);
        };
    }

    /** Compare-exchange; returns the old value, zero-extended. */
    public long cmpxchg(long ea, int width, long expected, long replacement) {
        MemorySegment s = checked(ea, width, true);
        long m = mask(width);
        return switch (width) {
            case 8 -> (long) LONG.compareAndExchange(s, ea, expected, replacement);
            case 4 -> (int) INT.compareAndExchange(s, ea, (int) expected, (int) replacement) & 0xFFFF_FFFFL;
            default -> {
                long word = ea & ~3L;
                int sh = shift(ea);
                while (true) {
                    int old = (int) INT.getVolatile(s, word);
                    long cur = (old >>> sh) & m;
                    if (cur != (expected & m)) {
                        yield cur;
                    }
                    int next = (int) (old & ~(m << sh) | (replacement & m) << sh);
                    if (INT.compareAndSet(s, word, old, next)) {
                        yield cur;
                    }
                }
            }
        };
    }

    private static int shift(long ea) {
        return (int) (ea & 3) * 8;
    }

    /** An 8- or 16-bit read-modify-write on the containing aligned word. */
    private long narrow(MemorySegment s, long ea, int width, int op, long v) {
        long word = ea & ~3L;
        int sh = shift(ea);
        long m = mask(width);
        while (true) {
            int old = (int) INT.getVolatile(s, word);
            long cur = (old >>> sh) & m;
            long res = switch (op) {
                case ADD -> cur + v;
                case SUB -> cur - v;
                case AND -> cur & v;
                case OR -> cur | v;
                case XOR -> cur ^ v;
                default -> v;
            } & m;
            int next = (int) (old & ~(m << sh) | res << sh);
            if (INT.compareAndSet(s, word, old, next)) {
                return cur;
            }
        }
    }

    /**
     * {@code memory.atomic.wait32/64}: 0 when woken by a notify, 1 when the value differed ("not-equal"), 2 on
     * timeout. {@code timeoutNanos} < 0 waits forever. Traps on a memory that is not shared.
     */
    public int await(long ea, int width, long expected, long timeoutNanos) {
        checked(ea, width, false);
        if (!memory.type().shared()) {
            throw new TrapException("expected shared memory");
        }
        Waiter w = new Waiter();
        synchronized (waiters) {
            if (load(ea, width) != (expected & mask(width))) {
                return 1;
            }
            waiters.computeIfAbsent(ea, k -> new ArrayDeque<>()).add(w);
        }
        long deadline = timeoutNanos < 0 ? Long.MAX_VALUE : System.nanoTime() + timeoutNanos;
        synchronized (w) {
            while (!w.woken) {
                long left = deadline - System.nanoTime();
                if (timeoutNanos >= 0 && left <= 0) {
                    break;
                }
                try {
                    if (timeoutNanos < 0) {
                        w.wait();
                    } else {
                        w.wait(left / 1_000_000, (int) (left % 1_000_000));
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        synchronized (waiters) {
            if (w.woken) {
                return 0;
            }
            ArrayDeque<Waiter> q = waiters.get(ea);
            if (q != null) {
                q.remove(w);
                if (q.isEmpty()) {
                    waiters.remove(ea);
                }
            }
            return w.woken ? 0 : 2;
        }
    }

    /** {@code memory.atomic.notify}: wakes up to {@code count} waiters on {@code ea}; returns how many. */
    public int notify(long ea, long count) {
        checked(ea, 4, false);
        if (!memory.type().shared()) {
            return 0;
        }
        int woken = 0;
        synchronized (waiters) {
            ArrayDeque<Waiter> q = waiters.get(ea);
            while (q != null && !q.isEmpty() && Long.compareUnsigned(woken, count) < 0) {
                Waiter w = q.poll();
                synchronized (w) {
                    w.woken = true;
                    w.notifyAll();
                }
                woken++;
            }
            if (q != null && q.isEmpty()) {
                waiters.remove(ea);
            }
        }
        return woken;
    }

    private static final class Waiter {
        boolean woken;
    }
}
