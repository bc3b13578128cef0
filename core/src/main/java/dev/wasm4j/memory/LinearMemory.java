package dev.wasm4j.memory;

import dev.wasm4j.Memory;
import dev.wasm4j.TrapException;
import dev.wasm4j.model.MemoryType;

/**
 * A memory instance. Every access takes an <em>effective address</em> {@code ea}: the unsigned address
 * operand plus the static offset, computed by the caller as a long; a negative {@code ea} (overflow past
 * 2^63) is out of bounds like any other. Every method checks bounds in software before touching a byte and
 * traps with {@code out of bounds memory access}; bulk operations check the whole range before writing.
 */
public abstract sealed class LinearMemory implements Memory, AutoCloseable permits HeapMemory {

    public static final String OUT_OF_BOUNDS = "out of bounds memory access";

    protected final MemoryType type;

    protected LinearMemory(MemoryType type) {
        this.type = type;
    }

    /** A new memory of this type, at its minimum size, zero-filled. */
    public static LinearMemory allocate(MemoryType type) {
        return new HeapMemory(type);
    }

    /** The memory's type; its limits' minimum is the current size for imports matching. */
    public MemoryType type() {
        return type;
    }

    /** The type with the current size as minimum, as spec 4.5.2 uses to match imports. */
    public abstract MemoryType currentType();

    public static TrapException outOfBounds() {
        return new TrapException(OUT_OF_BOUNDS);
    }

    /** Effective address of {@code addr + offset} (both unsigned), or -1 when it overflows 64 bits. */
    public static long effectiveAddress(long addr, long offset) {
        long ea = addr + offset;
        return Long.compareUnsigned(ea, addr) < 0 ? -1 : ea;
    }

    public abstract byte loadI8(long ea);

    public abstract short loadI16(long ea);

    public abstract int loadI32(long ea);

    public abstract long loadI64(long ea);

    public abstract void storeI8(long ea, byte v);

    public abstract void storeI16(long ea, short v);

    public abstract void storeI32(long ea, int v);

    public abstract void storeI64(long ea, long v);

    /** {@code memory.fill}: {@code len} bytes at {@code dst} set to {@code value}. */
    public abstract void fill(long dst, byte value, long len);

    /** {@code memory.copy} within this memory (overlapping ranges allowed). */
    public abstract void copy(long dst, long src, long len);

    /** {@code memory.copy} from another memory. */
    public abstract void copyFrom(LinearMemory source, long src, long dst, long len);

    /** {@code memory.init} and active data segments: {@code data[off, off+len)} to {@code dst}. */
    public abstract void init(long dst, byte[] data, int off, long len);

    @Override
    public byte readByte(long addr) {
        return loadI8(addr);
    }

    @Override
    public void writeByte(long addr, byte v) {
        storeI8(addr, v);
    }

    @Override
    public int readInt(long addr) {
        return loadI32(addr);
    }

    @Override
    public void writeInt(long addr, int v) {
        storeI32(addr, v);
    }

    @Override
    public long readLong(long addr) {
        return loadI64(addr);
    }

    @Override
    public void writeLong(long addr, long v) {
        storeI64(addr, v);
    }

    @Override
    public long pageSize() {
        return type.pageSize();
    }

    /** Frees the memory's storage; later accesses are undefined for heap memories and trap for native ones. */
    @Override
    public void close() {
    }
}
