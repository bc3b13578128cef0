package dev.wasm4j.memory;

import dev.wasm4j.model.Limits;
import dev.wasm4j.model.MemoryType;

import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A memory held in a Java byte array: the portable fallback. Growing copies the array, so it is only used
 * where native memory cannot be reserved. Limited to 2 GiB - 1 page.
 */
public final class HeapMemory extends LinearMemory {
    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    /** Largest byte array size we allocate, a whole number of 64 KiB pages. */
    static final long MAX_BYTES = (Integer.MAX_VALUE - 8) & ~0xFFFFL;

    private byte[] bytes;
    private long pages;

    HeapMemory(MemoryType type) {
        super(type);
        long min = type.limits().min();
        long size = min << type.pageSizeLog2();
        if (min > (MAX_BYTES >> type.pageSizeLog2())) {
            throw new OutOfMemoryError("memory of " + min + " pages does not fit a heap memory");
        }
        this.bytes = new byte[(int) size];
        this.pages = min;
    }

    @Override
    public MemoryType currentType() {
        return type.withLimits(new Limits(pages, type.limits().max()));
    }

    @Override
    public long pages() {
        return pages;
    }

    @Override
    public long byteSize() {
        return bytes.length;
    }

    @Override
    public long grow(long delta) {
        long old = pages;
        if (delta < 0) {
            return -1;
        }
        if (delta == 0) {
            return old;
        }
        long max = type.limits().hasMax() ? type.limits().max()
                : (type.addrType() == dev.wasm4j.model.AddrType.I32 ? (1L << 32) >> type.pageSizeLog2() : Long.MAX_VALUE);
        long newPages = old + delta;
        if (newPages < old || Long.compareUnsigned(newPages, max) > 0
                || newPages > (MAX_BYTES >> type.pageSizeLog2())) {
            return -1;
        }
        try {
            bytes = Arrays.copyOf(bytes, (int) (newPages << type.pageSizeLog2()));
        } catch (OutOfMemoryError e) {
            return -1;
        }
        pages = newPages;
        return old;
    }

    private int check(long ea, int n) {
        if (ea < 0 || ea > bytes.length - n) {
            throw outOfBounds();
        }
        return (int) ea;
    }

    private int checkRange(long ea, long len) {
        if (ea < 0 || len < 0 || ea > bytes.length - len) {
            throw outOfBounds();
        }
        return (int) ea;
    }

    @Override
    public byte loadI8(long ea) {
        return bytes[check(ea, 1)];
    }

    @Override
    public short loadI16(long ea) {
        return (short) SHORT.get(bytes, check(ea, 2));
    }

    @Override
    public int loadI32(long ea) {
        return (int) INT.get(bytes, check(ea, 4));
    }

    @Override
    public long loadI64(long ea) {
        return (long) LONG.get(bytes, check(ea, 8));
    }

    @Override
    public void storeI8(long ea, byte v) {
        bytes[check(ea, 1)] = v;
    }

    @Override
    public void storeI16(long ea, short v) {
        SHORT.set(bytes, check(ea, 2), v);
    }

    @Override
    public void storeI32(long ea, int v) {
        INT.set(bytes, check(ea, 4), v);
    }

    @Override
    public void storeI64(long ea, long v) {
        LONG.set(bytes, check(ea, 8), v);
    }

    @Override
    public void fill(long dst, byte value, long len) {
        int d = checkRange(dst, len);
        Arrays.fill(bytes, d, d + (int) len, value);
    }

    @Override
    public void copy(long dst, long src, long len) {
        int s = checkRange(src, len);
        int d = checkRange(dst, len);
        System.arraycopy(bytes, s, bytes, d, (int) len);
    }

    @Override
    public void copyFrom(LinearMemory source, long src, long dst, long len) {
        if (source == this) {
            copy(dst, src, len);
            return;
        }
        int d = checkRange(dst, len);
        source.read(src, bytes, d, checkLen(len));
    }

    @Override
    public void init(long dst, byte[] data, int off, long len) {
        if (off < 0 || len < 0 || off > data.length - len) {
            throw outOfBounds();
        }
        int d = checkRange(dst, len);
        System.arraycopy(data, off, bytes, d, (int) len);
    }

    @Override
    public void read(long addr, byte[] dst, int dstOff, int len) {
        int s = checkRange(addr, len);
        System.arraycopy(bytes, s, dst, dstOff, len);
    }

    @Override
    public void write(long addr, byte[] src, int srcOff, int len) {
        int d = checkRange(addr, len);
        System.arraycopy(src, srcOff, bytes, d, len);
    }

    @Override
    public MemorySegment slice(long addr, long len, boolean forWrite) {
        int s = checkRange(addr, len);
        return MemorySegment.ofArray(bytes).asSlice(s, len);
    }

    private static int checkLen(long len) {
        if (len > Integer.MAX_VALUE) {
            throw outOfBounds();
        }
        return (int) len;
    }
}
