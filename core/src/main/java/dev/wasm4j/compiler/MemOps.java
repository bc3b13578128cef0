package dev.wasm4j.compiler;

import dev.wasm4j.exec.ModuleInstance;
import dev.wasm4j.memory.LinearMemory;
import dev.wasm4j.memory.RawMemory;

/**
 * Loads, stores and bulk operations as compiled code calls them: small static methods that HotSpot inlines.
 * Every access goes through {@link LinearMemory}'s bounds-checked methods with the effective address
 * computed as the interpreter does: for an i32 memory the zero-extended address plus the offset (both below
 * 2^32, so no overflow); for an i64 memory -1 (out of bounds) when the sum does not fit.
 */
public final class MemOps {
    private static final long MASK = 0xFFFF_FFFFL;

    private MemOps() {
    }

    /** Effective address in an i64 memory: -1 when {@code addr + offset} overflows. */
    public static long ea(long addr, long offset) {
        return (addr | offset) < 0 ? -1 : addr + offset;
    }

    // ---- i32 memories: the address is an int ----
    //
    // Each helper computes the effective address (never negative: both parts are below 2^32) and passes it to
    // a core of its width, which does the common case itself: one comparison with the memory's fast-path
    // limit (bufLimit, or limit2/4/8 = bufLimit - n: 0 and below for memories whose accesses need protection
    // checks) and a raw load or store (RawMemory), which compiles to one machine instruction. Anything else
    // calls the memory's checked method, which traps exactly as the interpreter does; that call is never taken
    // in the common case and costs nothing then.
    //
    // Every method here on that path is at most 35 bytes of bytecode (MemOpsSizeTest): HotSpot's MaxInlineSize.
    // C2 inlines a larger method only at call sites it finds hot (run on at least a quarter of the caller's
    // calls); with one helper of 40-47 bytes per access, the accesses on the cold branches of large functions
    // were calls, a tenth of SQLite's steady state (docs/performance.md, stop 29).

    public static int i32Load(int a, LinearMemory m, long off) {
        return load32(m, off + Integer.toUnsignedLong(a));
    }

    public static long i64Load(int a, LinearMemory m, long off) {
        return load64(m, off + Integer.toUnsignedLong(a));
    }

    public static int i32Load8S(int a, LinearMemory m, long off) {
        return load8(m, off + Integer.toUnsignedLong(a));
    }

    public static int i32Load8U(int a, LinearMemory m, long off) {
        return Byte.toUnsignedInt(load8(m, off + Integer.toUnsignedLong(a)));
    }

    public static int i32Load16S(int a, LinearMemory m, long off) {
        return load16(m, off + Integer.toUnsignedLong(a));
    }

    public static int i32Load16U(int a, LinearMemory m, long off) {
        return Short.toUnsignedInt(load16(m, off + Integer.toUnsignedLong(a)));
    }

    public static long i64Load8S(int a, LinearMemory m, long off) {
        return load8(m, off + Integer.toUnsignedLong(a));
    }

    public static long i64Load8U(int a, LinearMemory m, long off) {
        return Byte.toUnsignedLong(load8(m, off + Integer.toUnsignedLong(a)));
    }

    public static long i64Load16S(int a, LinearMemory m, long off) {
        return load16(m, off + Integer.toUnsignedLong(a));
    }

    public static long i64Load16U(int a, LinearMemory m, long off) {
        return Short.toUnsignedLong(load16(m, off + Integer.toUnsignedLong(a)));
    }

    public static long i64Load32S(int a, LinearMemory m, long off) {
        return load32(m, off + Integer.toUnsignedLong(a));
    }

    public static long i64Load32U(int a, LinearMemory m, long off) {
        return Integer.toUnsignedLong(load32(m, off + Integer.toUnsignedLong(a)));
    }

    public static void i32Store(int a, int v, LinearMemory m, long off) {
        store32(m, off + Integer.toUnsignedLong(a), v);
    }

    public static void i32Store8(int a, int v, LinearMemory m, long off) {
        store8(m, off + Integer.toUnsignedLong(a), (byte) v);
    }

    public static void i32Store16(int a, int v, LinearMemory m, long off) {
        store16(m, off + Integer.toUnsignedLong(a), (short) v);
    }

    public static void i64Store(int a, long v, LinearMemory m, long off) {
        store64(m, off + Integer.toUnsignedLong(a), v);
    }

    public static void i64Store8(int a, long v, LinearMemory m, long off) {
        store8(m, off + Integer.toUnsignedLong(a), (byte) v);
    }

    public static void i64Store16(int a, long v, LinearMemory m, long off) {
        store16(m, off + Integer.toUnsignedLong(a), (short) v);
    }

    public static void i64Store32(int a, long v, LinearMemory m, long off) {
        store32(m, off + Integer.toUnsignedLong(a), (int) v);
    }

    // The cores: ea is not negative (a negative one would pass the comparison).

    private static byte load8(LinearMemory m, long ea) {
        if (ea < m.bufLimit) {
            return RawMemory.getI8(m.rawBase + ea);
        }
        return m.loadI8(ea);
    }

    private static short load16(LinearMemory m, long ea) {
        if (ea <= m.limit2) {
            return RawMemory.getI16(m.rawBase + ea);
        }
        return m.loadI16(ea);
    }

    private static int load32(LinearMemory m, long ea) {
        if (ea <= m.limit4) {
            return RawMemory.getI32(m.rawBase + ea);
        }
        return m.loadI32(ea);
    }

    private static long load64(LinearMemory m, long ea) {
        if (ea <= m.limit8) {
            return RawMemory.getI64(m.rawBase + ea);
        }
        return m.loadI64(ea);
    }

    private static void store8(LinearMemory m, long ea, byte v) {
        if (ea < m.bufLimit) {
            RawMemory.setI8(m.rawBase + ea, v);
            return;
        }
        m.storeI8(ea, v);
    }

    private static void store16(LinearMemory m, long ea, short v) {
        if (ea <= m.limit2) {
            RawMemory.setI16(m.rawBase + ea, v);
            return;
        }
        m.storeI16(ea, v);
    }

    private static void store32(LinearMemory m, long ea, int v) {
        if (ea <= m.limit4) {
            RawMemory.setI32(m.rawBase + ea, v);
            return;
        }
        m.storeI32(ea, v);
    }

    private static void store64(LinearMemory m, long ea, long v) {
        if (ea <= m.limit8) {
            RawMemory.setI64(m.rawBase + ea, v);
            return;
        }
        m.storeI64(ea, v);
    }

    // ---- i64 memories: the address is a long ----

    public static int i32Load(long a, LinearMemory m, long off) {
        return m.loadI32(ea(a, off));
    }

    public static long i64Load(long a, LinearMemory m, long off) {
        return m.loadI64(ea(a, off));
    }

    public static int i32Load8S(long a, LinearMemory m, long off) {
        return m.loadI8(ea(a, off));
    }

    public static int i32Load8U(long a, LinearMemory m, long off) {
        return m.loadI8(ea(a, off)) & 0xFF;
    }

    public static int i32Load16S(long a, LinearMemory m, long off) {
        return m.loadI16(ea(a, off));
    }

    public static int i32Load16U(long a, LinearMemory m, long off) {
        return m.loadI16(ea(a, off)) & 0xFFFF;
    }

    public static long i64Load8S(long a, LinearMemory m, long off) {
        return m.loadI8(ea(a, off));
    }

    public static long i64Load8U(long a, LinearMemory m, long off) {
        return m.loadI8(ea(a, off)) & 0xFFL;
    }

    public static long i64Load16S(long a, LinearMemory m, long off) {
        return m.loadI16(ea(a, off));
    }

    public static long i64Load16U(long a, LinearMemory m, long off) {
        return m.loadI16(ea(a, off)) & 0xFFFFL;
    }

    public static long i64Load32S(long a, LinearMemory m, long off) {
        return m.loadI32(ea(a, off));
    }

    public static long i64Load32U(long a, LinearMemory m, long off) {
        return m.loadI32(ea(a, off)) & MASK;
    }

    public static void i32Store(long a, int v, LinearMemory m, long off) {
        m.storeI32(ea(a, off), v);
    }

    public static void i32Store8(long a, int v, LinearMemory m, long off) {
        m.storeI8(ea(a, off), (byte) v);
    }

    public static void i32Store16(long a, int v, LinearMemory m, long off) {
        m.storeI16(ea(a, off), (short) v);
    }

    public static void i64Store(long a, long v, LinearMemory m, long off) {
        m.storeI64(ea(a, off), v);
    }

    public static void i64Store8(long a, long v, LinearMemory m, long off) {
        m.storeI8(ea(a, off), (byte) v);
    }

    public static void i64Store16(long a, long v, LinearMemory m, long off) {
        m.storeI16(ea(a, off), (short) v);
    }

    public static void i64Store32(long a, long v, LinearMemory m, long off) {
        m.storeI32(ea(a, off), (int) v);
    }

    // ---- v128 (addresses as longs: zero-extended for i32 memories, so ea() is exact for both) ----

    public static long v128LoadLo(long a, LinearMemory m, long off) {
        long ea = ea(a, off);
        if (ea < 0 || ea > m.byteSize() - 16) {
            throw LinearMemory.outOfBounds();
        }
        return m.loadI64(ea);
    }

    public static long v128LoadHi(long a, LinearMemory m, long off) {
        return m.loadI64(ea(a, off) + 8);
    }

    public static void v128Store(long a, long lo, long hi, LinearMemory m, long off) {
        long ea = ea(a, off);
        if (ea < 0 || ea > m.byteSize() - 16) {
            throw LinearMemory.outOfBounds();
        }
        m.storeI64(ea, lo);
        m.storeI64(ea + 8, hi);
    }

    /** A zero-extended load of {@code width} bytes (1, 2, 4, 8) at a long address. */
    public static long loadBits(long a, LinearMemory m, long off, int width) {
        long ea = ea(a, off);
        return switch (width) {
            case 1 -> m.loadI8(ea) & 0xFFL;
            case 2 -> m.loadI16(ea) & 0xFFFFL;
            case 4 -> m.loadI32(ea) & MASK;
            default -> m.loadI64(ea);
        };
    }

    /** A store of the low {@code width} bytes of {@code v} at a long address. */
    public static void storeBits(long a, long v, LinearMemory m, long off, int width) {
        long ea = ea(a, off);
        switch (width) {
            case 1 -> m.storeI8(ea, (byte) v);
            case 2 -> m.storeI16(ea, (short) v);
            case 4 -> m.storeI32(ea, (int) v);
            default -> m.storeI64(ea, v);
        }
    }

    public static long grow(long delta, LinearMemory m) {
        return m.grow(delta);
    }

    // ---- atomics (threads proposal), as the interpreter's AtomicOps ----

    public static void fence() {
        java.lang.invoke.VarHandle.fullFence();
    }

    public static int atomicNotify(long ea, long count, LinearMemory m) {
        return m.atomics().notify(ea, count);
    }

    public static int atomicWait(long ea, long expected, long timeout, int width, LinearMemory m) {
        return m.atomics().await(ea, width, expected, timeout);
    }

    public static void atomicStore(long ea, long v, int width, LinearMemory m) {
        m.atomics().store(ea, width, v);
    }

    public static long atomicLoad(long ea, int width, LinearMemory m) {
        return m.atomics().load(ea, width);
    }

    public static long atomicRmw(long ea, long v, int width, int op, LinearMemory m) {
        return m.atomics().rmw(op, ea, width, v);
    }

    public static long atomicCmpxchg(long ea, long expected, long replacement, int width, LinearMemory m) {
        long mask = width == 8 ? -1L : (1L << (8 * width)) - 1;
        return m.atomics().cmpxchg(ea, width, expected & mask, replacement);
    }

    // ---- memory control ----

    public static void discard(long addr, long len, LinearMemory m) {
        m.discard(addr, len);
    }

    public static long map(long addr, long len, int prot, LinearMemory m) {
        return m.map(addr, len, prot);
    }

    public static void unmap(long addr, long len, LinearMemory m) {
        m.unmap(addr, len);
    }

    public static void protect(long addr, long len, int prot, LinearMemory m) {
        m.protect(addr, len, prot);
    }

    // ---- bulk memory (operands as longs, zero-extended by the caller where they are i32) ----

    public static void fill(long dst, int value, long len, LinearMemory m) {
        m.fill(dst, (byte) value, len);
    }

    public static void copy(long dst, long src, long len, LinearMemory to, LinearMemory from) {
        to.copyFrom(from, src, dst, len);
    }

    public static void init(long dst, long from, long len, ModuleInstance inst, int data, int memory) {
        LinearMemory m = inst.memories[memory];
        if (from + len > inst.dataLength[data]) {
            throw LinearMemory.outOfBounds();
        }
        m.init(dst, inst.dataBytes[data], inst.dataStart[data] + (int) from, len);
    }

    public static void dataDrop(ModuleInstance inst, int data) {
        inst.dropData(data);
    }
}
