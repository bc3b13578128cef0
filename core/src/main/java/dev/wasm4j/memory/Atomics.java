package dev.wasm4j.memory;

import dev.wasm4j.TrapException;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The atomic instructions of the threads proposal on one memory: sequentially consistent loads, stores,
 * read-modify-writes and compare-exchange of every width, and {@code memory.atomic.wait}/{@code notify}
 * (in {@link WaiterQueues}). An access must be in bounds (and allowed by the memory's protection) and
 * naturally aligned ({@code unaligned atomic} otherwise); the check is the memory kind's own, then the access
 * itself takes no lock:
 * <ul>
 *   <li>native memories: volatile access modes of aligned {@code int}/{@code long} var handles on the constant
 *       global segment {@link LinearMemory#RAW} at {@code rawBase + ea} (a {@code lock xadd}, {@code xchg} or
 *       {@code lock cmpxchg} on x86);</li>
 *   <li>heap memories: the same access modes of byte-array view var handles on the storage's array, which
 *       the JVM supports when the array's elements are aligned (they are with HotSpot's usual object layout,
 *       which {@link #ARRAY_ATOMICS} checks once); only where they are not are atomics serialized on a lock.</li>
 * </ul>
 * 8- and 16-bit atomics are a compare-and-set loop on the aligned 32-bit word that contains them. A Java
 * volatile access is sequentially consistent with every other volatile access, which is what Wasm's
 * {@code seqcst} atomics need; plain loads and stores racing with them are data races in Wasm as in Java.
 */
public final class Atomics {
    public static final String UNALIGNED = "unaligned atomic";
    public static final String EXPECTED_SHARED = "expected shared memory";

    /** Read-modify-write operators. */
    public static final int ADD = 0;
    public static final int SUB = 1;
    public static final int AND = 2;
    public static final int OR = 3;
    public static final int XOR = 4;
    public static final int XCHG = 5;

    private static final VarHandle RAW_INT = ValueLayout.JAVA_INT.withOrder(ByteOrder.LITTLE_ENDIAN).varHandle();
    private static final VarHandle RAW_LONG = ValueLayout.JAVA_LONG.withOrder(ByteOrder.LITTLE_ENDIAN).varHandle();
    private static final VarHandle ARRAY_INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle ARRAY_LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final MemorySegment RAW = LinearMemory.RAW;

    /**
     * Whether byte-array views allow atomic access at 8-aligned indices: true when the JVM lays byte arrays
     * out with their elements 8-aligned (HotSpot's default layout); false for example with compact object
     * headers, and heap memories then serialize their atomics on a lock.
     */
    static final boolean ARRAY_ATOMICS = probeArrayAtomics();

    private final LinearMemory memory;
    private final WaiterQueues waiters = new WaiterQueues();

    Atomics(LinearMemory memory) {
        this.memory = memory;
    }

    private static boolean probeArrayAtomics() {
        try {
            byte[] probe = new byte[16];
            ARRAY_LONG.getAndAdd(probe, 0, 1L);
            ARRAY_LONG.getAndAdd(probe, 8, 1L);
            ARRAY_INT.getAndAdd(probe, 4, 1);
            return true;
        } catch (IllegalStateException | UnsupportedOperationException e) {
            return false;
        }
    }

    /** Checks bounds, protection and alignment of an access of {@code width} bytes at {@code ea}. */
    private void check(long ea, int width, boolean write) {
        if (write) {
            memory.checkWrite(ea, width);
        } else {
            memory.checkRead(ea, width);
        }
        if ((ea & (width - 1)) != 0) {
            throw new TrapException(UNALIGNED);
        }
    }

    private static long mask(int width) {
        return width == 8 ? -1L : (1L << (8 * width)) - 1;
    }

    private static int shift(long ea) {
        return (int) (ea & 3) * 8;
    }

    /** An atomic load of {@code width} bytes, zero-extended. */
    public long load(long ea, int width) {
        check(ea, width, false);
        return switch (width) {
            case 8 -> getLong(ea);
            case 4 -> getInt(ea) & 0xFFFF_FFFFL;
            default -> (getInt(ea & ~3L) >>> shift(ea)) & mask(width);
        };
    }

    /** An atomic store of the low {@code width} bytes of {@code v}. */
    public void store(long ea, int width, long v) {
        check(ea, width, true);
        switch (width) {
            case 8 -> rmwLong(XCHG, ea, v);
            case 4 -> rmwInt(XCHG, ea, (int) v);
            default -> narrow(ea, width, XCHG, v);
        }
    }

    /** A read-modify-write; returns the old value, zero-extended. */
    public long rmw(int op, long ea, int width, long v) {
        check(ea, width, true);
        return switch (width) {
            case 8 -> rmwLong(op, ea, v);
            case 4 -> rmwInt(op, ea, (int) v) & 0xFFFF_FFFFL;
            default -> narrow(ea, width, op, v);
        };
    }

    /** Compare-exchange; returns the old value, zero-extended. */
    public long cmpxchg(long ea, int width, long expected, long replacement) {
        check(ea, width, true);
        return switch (width) {
            case 8 -> caeLong(ea, expected, replacement);
            case 4 -> caeInt(ea, (int) expected, (int) replacement) & 0xFFFF_FFFFL;
            default -> {
                long m = mask(width);
                long word = ea & ~3L;
                int sh = shift(ea);
                while (true) {
                    int old = getInt(word);
                    long cur = (old >>> sh) & m;
                    if (cur != (expected & m)) {
                        yield cur;
                    }
                    int next = (int) (old & ~(m << sh) | (replacement & m) << sh);
                    if (caeInt(word, old, next) == old) {
                        yield cur;
                    }
                }
            }
        };
    }

    /** An 8- or 16-bit read-modify-write on the containing aligned word. */
    private long narrow(long ea, int width, int op, long v) {
        long word = ea & ~3L;
        int sh = shift(ea);
        long m = mask(width);
        while (true) {
            int old = getInt(word);
            long cur = (old >>> sh) & m;
            long res = apply(op, cur, v) & m;
            int next = (int) (old & ~(m << sh) | res << sh);
            if (caeInt(word, old, next) == old) {
                return cur;
            }
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

    // ------------------------------------------------------------------ cells: aligned 32- and 64-bit words

    /** The heap array, or null for native storage (whose bytes are at {@code rawBase}). */
    private byte[] array() {
        return memory.storage instanceof HeapStorage h ? h.array() : null;
    }

    private int getInt(long ea) {
        byte[] a = array();
        if (a == null) {
            return (int) RAW_INT.getVolatile(RAW, memory.rawBase + ea);
        }
        if (ARRAY_ATOMICS) {
            return (int) ARRAY_INT.getVolatile(a, (int) ea);
        }
        synchronized (this) {
            return (int) ARRAY_INT.get(a, (int) ea);
        }
    }

    private long getLong(long ea) {
        byte[] a = array();
        if (a == null) {
            return (long) RAW_LONG.getVolatile(RAW, memory.rawBase + ea);
        }
        if (ARRAY_ATOMICS) {
            return (long) ARRAY_LONG.getVolatile(a, (int) ea);
        }
        synchronized (this) {
            return (long) ARRAY_LONG.get(a, (int) ea);
        }
    }

    private int rmwInt(int op, long ea, int v) {
        byte[] a = array();
        if (a == null) {
            long addr = memory.rawBase + ea;
            return switch (op) {
                case ADD -> (int) RAW_INT.getAndAdd(RAW, addr, v);
                case SUB -> (int) RAW_INT.getAndAdd(RAW, addr, -v);
                case AND -> (int) RAW_INT.getAndBitwiseAnd(RAW, addr, v);
                case OR -> (int) RAW_INT.getAndBitwiseOr(RAW, addr, v);
                case XOR -> (int) RAW_INT.getAndBitwiseXor(RAW, addr, v);
                default -> (int) RAW_INT.getAndSet(RAW, addr, v);
            };
        }
        int i = (int) ea;
        if (ARRAY_ATOMICS) {
            return switch (op) {
                case ADD -> (int) ARRAY_INT.getAndAdd(a, i, v);
                case SUB -> (int) ARRAY_INT.getAndAdd(a, i, -v);
                case AND -> (int) ARRAY_INT.getAndBitwiseAnd(a, i, v);
                case OR -> (int) ARRAY_INT.getAndBitwiseOr(a, i, v);
                case XOR -> (int) ARRAY_INT.getAndBitwiseXor(a, i, v);
                default -> (int) ARRAY_INT.getAndSet(a, i, v);
            };
        }
        synchronized (this) {
            int old = (int) ARRAY_INT.get(a, i);
            ARRAY_INT.set(a, i, (int) apply(op, old, v));
            return old;
        }
    }

    private long rmwLong(int op, long ea, long v) {
        byte[] a = array();
        if (a == null) {
            long addr = memory.rawBase + ea;
            return switch (op) {
                case ADD -> (long) RAW_LONG.getAndAdd(RAW, addr, v);
                case SUB -> (long) RAW_LONG.getAndAdd(RAW, addr, -v);
                case AND -> (long) RAW_LONG.getAndBitwiseAnd(RAW, addr, v);
                case OR -> (long) RAW_LONG.getAndBitwiseOr(RAW, addr, v);
                case XOR -> (long) RAW_LONG.getAndBitwiseXor(RAW, addr, v);
                default -> (long) RAW_LONG.getAndSet(RAW, addr, v);
            };
        }
        int i = (int) ea;
        if (ARRAY_ATOMICS) {
            return switch (op) {
                case ADD -> (long) ARRAY_LONG.getAndAdd(a, i, v);
                case SUB -> (long) ARRAY_LONG.getAndAdd(a, i, -v);
                case AND -> (long) ARRAY_LONG.getAndBitwiseAnd(a, i, v);
                case OR -> (long) ARRAY_LONG.getAndBitwiseOr(a, i, v);
                case XOR -> (long) ARRAY_LONG.getAndBitwiseXor(a, i, v);
                default -> (long) ARRAY_LONG.getAndSet(a, i, v);
            };
        }
        synchronized (this) {
            long old = (long) ARRAY_LONG.get(a, i);
            ARRAY_LONG.set(a, i, apply(op, old, v));
            return old;
        }
    }

    private int caeInt(long ea, int expect, int update) {
        byte[] a = array();
        if (a == null) {
            return (int) RAW_INT.compareAndExchange(RAW, memory.rawBase + ea, expect, update);
        }
        if (ARRAY_ATOMICS) {
            return (int) ARRAY_INT.compareAndExchange(a, (int) ea, expect, update);
        }
        synchronized (this) {
            int old = (int) ARRAY_INT.get(a, (int) ea);
            if (old == expect) {
                ARRAY_INT.set(a, (int) ea, update);
            }
            return old;
        }
    }

    private long caeLong(long ea, long expect, long update) {
        byte[] a = array();
        if (a == null) {
            return (long) RAW_LONG.compareAndExchange(RAW, memory.rawBase + ea, expect, update);
        }
        if (ARRAY_ATOMICS) {
            return (long) ARRAY_LONG.compareAndExchange(a, (int) ea, expect, update);
        }
        synchronized (this) {
            long old = (long) ARRAY_LONG.get(a, (int) ea);
            if (old == expect) {
                ARRAY_LONG.set(a, (int) ea, update);
            }
            return old;
        }
    }

    // ------------------------------------------------------------------ wait and notify

    /**
     * {@code memory.atomic.wait32/64}: 0 ("ok") when woken by a notify, 1 ("not-equal") when the value
     * differed, 2 ("timed-out") when {@code timeoutNanos} passed. {@code timeoutNanos} < 0 waits forever.
     * Traps on a memory that is not shared, and with {@code interrupt} when the waiting thread is interrupted
     * (so that a host, or a WASI process whose other thread trapped or exited, can end it).
     */
    public int await(long ea, int width, long expected, long timeoutNanos) {
        check(ea, width, false);
        if (!memory.type().shared()) {
            throw new TrapException(EXPECTED_SHARED);
        }
        long want = expected & mask(width);
        return waiters.await(ea, () -> load(ea, width) == want, timeoutNanos);
    }

    /** {@code memory.atomic.notify}: wakes up to {@code count} (unsigned) waiters on {@code ea}; returns how many. */
    public int notify(long ea, long count) {
        check(ea, 4, false);
        if (!memory.type().shared()) {
            return 0;
        }
        return waiters.notify(ea, count);
    }

    /** Threads waiting on this memory now (for tests and diagnostics). */
    public int waiting() {
        return waiters.size();
    }
}
