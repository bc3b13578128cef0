package dev.wasm4j.memory;

import java.lang.reflect.Field;
import java.nio.ByteOrder;

/**
 * Engine-internal: the single loads and stores of the tiers' fast path, at a native address that the caller
 * has already checked against {@link LinearMemory#bufLimit} (so that it lies inside one memory's mapping).
 *
 * <p>They go through {@code sun.misc.Unsafe} when the JVM allows its memory access without a warning
 * ({@code --sun-misc-unsafe-memory-access=allow}, which the {@code wasm4j} launcher passes) on a little-endian
 * machine, and through the global segment {@link LinearMemory#RAW} otherwise. Both compile to one machine
 * load or store in the end, but the segment gets there through some twenty JDK methods that HotSpot must
 * parse and inline at every access: in the large generated methods of real programs that made C2 spend a
 * third of its time parsing (SQLite: 4 of 14 s), and C1, told not to inline those chains (they exhausted its
 * registers), called them out of line during warm-up. {@code Unsafe}'s accessors are two small methods
 * around an intrinsic. The choice is a constant, so each tier keeps only one of the two paths.
 * {@code -Dwasm4j.memory.unsafe=false} keeps the segment path (for comparison).
 *
 * <p>When {@code java.base} also exports {@code jdk.internal.misc} to wasm4j (the launcher passes
 * {@code --add-exports=java.base/jdk.internal.misc=ALL-UNNAMED}), the accessors call the JDK's internal
 * {@code Unsafe}, which {@code sun.misc.Unsafe} wraps: same machine code, but C2 counts every inlined
 * method's bytecode against a method's inlining budget ({@code DesiredMethodLimit}, 8,000 bytes), and
 * {@code sun.misc.Unsafe}'s wrapper (41 bytes with its check of the access option) was a third of an access's
 * share. With it, a function of some 70 accesses, such as wasi-libc's {@code memmove}, ran out of the budget and
 * called its last accesses out of line.
 */
public final class RawMemory {
    /** The accessor when allowed, else null. */
    private static final sun.misc.Unsafe UNSAFE = unsafeIfAllowed();

    /** The JDK's internal accessor when exported to wasm4j and {@link #UNSAFE} is allowed, else null. */
    private static final jdk.internal.misc.Unsafe INTERNAL = UNSAFE != null ? Internal.accessorIfExported() : null;

    private RawMemory() {
    }

    /** Kept apart so that nothing resolves {@code jdk.internal.misc.Unsafe} unless its package is exported. */
    private static final class Internal {
        static jdk.internal.misc.Unsafe accessorIfExported() {
            if (!Object.class.getModule().isExported("jdk.internal.misc", RawMemory.class.getModule())) {
                return null;
            }
            try {
                return jdk.internal.misc.Unsafe.getUnsafe();
            } catch (RuntimeException | LinkageError e) {
                return null;
            }
        }
    }

    private static sun.misc.Unsafe unsafeIfAllowed() {
        if (!"allow".equals(System.getProperty("sun.misc.unsafe.memory.access"))
                || ByteOrder.nativeOrder() != ByteOrder.LITTLE_ENDIAN
                || !Boolean.parseBoolean(System.getProperty("wasm4j.memory.unsafe", "true"))) {
            return null;
        }
        try {
            Field f = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
            f.setAccessible(true);
            return (sun.misc.Unsafe) f.get(null);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** True when the accesses go through {@code sun.misc.Unsafe} (for reports and tests). */
    public static boolean direct() {
        return UNSAFE != null;
    }

    /** True when they go through the JDK's internal {@code Unsafe} (for reports and tests). */
    public static boolean internal() {
        return INTERNAL != null;
    }

    /**
     * The {@code sun.misc.Unsafe} these accessors use, or null when they use the segment: for the compiler,
     * whose inline accesses call it directly (engine-internal, like the accessors themselves).
     */
    public static sun.misc.Unsafe accessor() {
        return UNSAFE;
    }

    // Each accessor is inlined at every access of compiled code: the internal accessor first, the rest apart.

    public static byte getI8(long address) {
        return INTERNAL != null ? INTERNAL.getByte(address) : portableI8(address);
    }

    public static short getI16(long address) {
        return INTERNAL != null ? INTERNAL.getShort(address) : portableI16(address);
    }

    public static int getI32(long address) {
        return INTERNAL != null ? INTERNAL.getInt(address) : portableI32(address);
    }

    public static long getI64(long address) {
        return INTERNAL != null ? INTERNAL.getLong(address) : portableI64(address);
    }

    public static void setI8(long address, byte v) {
        if (INTERNAL != null) {
            INTERNAL.putByte(address, v);
        } else {
            portableSetI8(address, v);
        }
    }

    public static void setI16(long address, short v) {
        if (INTERNAL != null) {
            INTERNAL.putShort(address, v);
        } else {
            portableSetI16(address, v);
        }
    }

    public static void setI32(long address, int v) {
        if (INTERNAL != null) {
            INTERNAL.putInt(address, v);
        } else {
            portableSetI32(address, v);
        }
    }

    public static void setI64(long address, long v) {
        if (INTERNAL != null) {
            INTERNAL.putLong(address, v);
        } else {
            portableSetI64(address, v);
        }
    }

    // Through sun.misc.Unsafe or the segment.

    private static byte portableI8(long address) {
        return UNSAFE != null ? UNSAFE.getByte(address) : LinearMemory.RAW.get(LinearMemory.RAW_I8, address);
    }

    private static short portableI16(long address) {
        return UNSAFE != null ? UNSAFE.getShort(address) : LinearMemory.RAW.get(LinearMemory.RAW_I16, address);
    }

    private static int portableI32(long address) {
        return UNSAFE != null ? UNSAFE.getInt(address) : LinearMemory.RAW.get(LinearMemory.RAW_I32, address);
    }

    private static long portableI64(long address) {
        return UNSAFE != null ? UNSAFE.getLong(address) : LinearMemory.RAW.get(LinearMemory.RAW_I64, address);
    }

    private static void portableSetI8(long address, byte v) {
        if (UNSAFE != null) {
            UNSAFE.putByte(address, v);
        } else {
            LinearMemory.RAW.set(LinearMemory.RAW_I8, address, v);
        }
    }

    private static void portableSetI16(long address, short v) {
        if (UNSAFE != null) {
            UNSAFE.putShort(address, v);
        } else {
            LinearMemory.RAW.set(LinearMemory.RAW_I16, address, v);
        }
    }

    private static void portableSetI32(long address, int v) {
        if (UNSAFE != null) {
            UNSAFE.putInt(address, v);
        } else {
            LinearMemory.RAW.set(LinearMemory.RAW_I32, address, v);
        }
    }

    private static void portableSetI64(long address, long v) {
        if (UNSAFE != null) {
            UNSAFE.putLong(address, v);
        } else {
            LinearMemory.RAW.set(LinearMemory.RAW_I64, address, v);
        }
    }
}
