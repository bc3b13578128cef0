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

    /** Checks bounds, protection and alignment; returns the cells the access works on. */
    private Cells checked(long ea, int width, boolean write) {
        if (write) {
            memory.checkWrite(ea, width);
        } else {
            memory.checkRead(ea, width);
        }
        if ((ea & (width - 1)) != 0) {
            throw new TrapException(UNALIGNED);
        }
        return memory.storage instanceof HeapStorage ? new LockedCells(memory.seg, waiters) : new SegmentCells(memory.seg);
    }

    private static long mask(int width) {
        return width == 8 ? -1L : (1L << (8 * width)) - 1;
    }

    private static int shift(long ea) {
        return (int) (ea & 3) * 8;
    }

    /** An atomic load of {@code width} bytes, zero-extended. */
    public long load(long ea, int width) {
        Cells c = checked(ea, width, false);
        return switch (width) {
            case 8 -> c.getLong(ea);
            case 4 -> c.getInt(ea) & 0xFFFF_FFFFL;
            default -> (c.getInt(ea & ~3L) >>> shift(ea)) & mask(width);
        };
    }

    public void store(long ea, int width, long v) {
        Cells c = checked(ea, width, true);
        switch (width) {
            case 8 -> c.rmwLong(XCHG, ea, v);
            case 4 -> c.rmwInt(XCHG, ea, (int) v);
            default -> narrow(c, ea, width, XCHG, v);
        }
    }

    /** A read-modify-write; returns the old value, zero-extended. */
    public long rmw(int op, long ea, int width, long v) {
        Cells c = checked(ea, width, true);
        return switch (width) {
            case 8 -> c.rmwLong(op, ea, v);
            case 4 -> c.rmwInt(op, ea, (int) v) & 0xFFFF_FFFFL;
            default -> narrow(c, ea, width, op, v);
        };
    }

    /** Compare-exchange; returns the old value, zero-extended. */
    public long cmpxchg(long ea, int width, long expected, long replacement) {
        Cells c = checked(ea, width, true);
        long m = mask(width);
        return switch (width) {
            case 8 -> c.caeLong(ea, expected, replacement);
            case 4 -> c.caeInt(ea, (int) expected, (int) replacement) & 0xFFFF_FFFFL;
            default -> {
                long word = ea & ~3L;
                int sh = shift(ea);
                while (true) {
                    int old = c.getInt(word);
                    long cur = (old >>> sh) & m;
                    if (cur != (expected & m)) {
                        yield cur;
                    }
                    int next = (int) (old & ~(m << sh) | (replacement & m) << sh);
                    if (c.caeInt(word, old, next) == old) {
                        yield cur;
                    }
                }
            }
        };
    }

    /** An 8- or 16-bit read-modify-write on the containing aligned word. */
    private static long narrow(Cells c, long ea, int width, int op, long v) {
        long word = ea & ~3L;
        int sh = shift(ea);
        long m = mask(width);
        while (true) {
            int old = c.getInt(word);
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
            if (c.caeInt(word, old, next) == old) {
                return cur;
            }
        }
    }

    /** Sequentially consistent access to aligned 32- and 64-bit cells of a memory's storage. */
    private sealed interface Cells permits SegmentCells, LockedCells {
        int getInt(long ea);

        long getLong(long ea);

        int rmwInt(int op, long ea, int v);

        long rmwLong(int op, long ea, long v);

        int caeInt(long ea, int expect, int update);

        long caeLong(long ea, long expect, long update);
    }

    /** Cells of native memory, through the segment's var handles. */
    private record SegmentCells(MemorySegment s) implements Cells {
        @Override
        public int getInt(long ea) {
            return (int) INT.getVolatile(s, ea);
        }

        @Override
        public long getLong(long ea) {
            return (long) LONG.getVolatile(s, ea);
        }

        @Override
        public int rmwInt(int op, long ea, int v) {
            return switch (op) {
                case ADD -> (int) INT.getAndAdd(s, ea, v);
                case SUB -> (int) INT.getAndAdd(s, ea, -v);
                case AND -> (int) INT.getAndBitwiseAnd(s, ea, v);
                case OR -> (int) INT.getAndBitwiseOr(s, ea, v);
                case XOR -> (int) INT.getAndBitwiseXor(s, ea, v);
                default -> (int) INT.getAndSet(s, ea, v);
            };
        }

        @Override
        public long rmwLong(int op, long ea, long v) {
            return switch (op) {
                case ADD -> (long) LONG.getAndAdd(s, ea, v);
                case SUB -> (long) LONG.getAndAdd(s, ea, -v);
                case AND -> (long) LONG.getAndBitwiseAnd(s, ea, v);
                case OR -> (long) LONG.getAndBitwiseOr(s, ea, v);
                case XOR -> (long) LONG.getAndBitwiseXor(s, ea, v);
                default -> (long) LONG.getAndSet(s, ea, v);
            };
        }

        @Override
        public int caeInt(long ea, int expect, int update) {
            return (int) INT.compareAndExchange(s, ea, expect, update);
        }

        @Override
        public long caeLong(long ea, long expect, long update) {
            return (long) LONG.compareAndExchange(s, ea, expect, update);
        }
    }

    /**
     * Cells of a heap memory. Byte-array segments (and byte-array views) allow no atomic access, so each
     * operation holds the memory's atomics lock: atomics stay sequentially consistent with each other, and
     * plain accesses racing with them are data races, as in Wasm. Heap memory is only the fallback.
     */
    private record LockedCells(MemorySegment s, Object lock) implements Cells {
        private static final ValueLayout.OfInt I32 = LinearMemory.I32;
        private static final ValueLayout.OfLong I64 = LinearMemory.I64;

        @Override
        public int getInt(long ea) {
            synchronized (lock) {
                return s.get(I32, ea);
            }
        }

        @Override
        public long getLong(long ea) {
            synchronized (lock) {
                return s.get(I64, ea);
            }
        }

        @Override
        public int rmwInt(int op, long ea, int v) {
            synchronized (lock) {
                int old = s.get(I32, ea);
                s.set(I32, ea, (int) apply(op, old, v));
                return old;
            }
        }

        @Override
        public long rmwLong(int op, long ea, long v) {
            synchronized (lock) {
                long old = s.get(I64, ea);
                s.set(I64, ea, apply(op, old, v));
                return old;
            }
        }

        @Override
        public int caeInt(long ea, int expect, int update) {
            synchronized (lock) {
                int old = s.get(I32, ea);
                if (old == expect) {
                    s.set(I32, ea, update);
                }
                return old;
            }
        }

        @Override
        public long caeLong(long ea, long expect, long update) {
            synchronized (lock) {
                long old = s.get(I64, ea);
                if (old == expect) {
                    s.set(I64, ea, update);
                }
                return old;
            }
        }

        private static long apply(int op, long old, long v) {
            return switch (op) {
                case ADD -> old + v;
                case SUB -> old - v;
                case AND -> old & v;
                case OR -> old | v;
                case XOR -> old ^ v;
                default -> v;
            };
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
