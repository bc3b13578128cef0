package dev.wasm4j.exec.gc;

import dev.wasm4j.TrapException;
import dev.wasm4j.memory.LinearMemory;
import dev.wasm4j.model.ArrayType;
import dev.wasm4j.model.DefType;

import java.util.Arrays;

/**
 * An array (GC): its canonical type and its elements in a Java array of the element's storage kind
 * ({@code byte[]}, {@code short[]}, {@code int[]} for i32/f32, {@code long[]} for i64/f64 and, two longs per
 * element, v128; {@code Object[]} for references).
 */
public final class ArrayObject {
    /** The object's type; freezing (frozen proposal) changes it to a frozen form, in place. */
    public DefType type;
    public final int kind;
    public final int length;
    public final Object data;

    public ArrayObject(DefType type, int length) {
        this.type = type;
        this.kind = StorageKind.of(((ArrayType) type.composite()).element().storage());
        this.length = length;
        this.data = switch (kind) {
            case StorageKind.I8 -> new byte[length];
            case StorageKind.I16 -> new short[length];
            case StorageKind.I32, StorageKind.F32 -> new int[length];
            case StorageKind.I64, StorageKind.F64 -> new long[length];
            case StorageKind.V128 -> new long[2 * length];
            default -> new Object[length];
        };
    }

    /** Element {@code i} of a number array, zero-extended for packed kinds (i8, i16). */
    public long getNum(int i) {
        return switch (kind) {
            case StorageKind.I8 -> ((byte[]) data)[i] & 0xFF;
            case StorageKind.I16 -> ((short[]) data)[i] & 0xFFFF;
            case StorageKind.I32, StorageKind.F32 -> ((int[]) data)[i];
            default -> ((long[]) data)[i];
        };
    }

    public void setNum(int i, long v) {
        switch (kind) {
            case StorageKind.I8 -> ((byte[]) data)[i] = (byte) v;
            case StorageKind.I16 -> ((short[]) data)[i] = (short) v;
            case StorageKind.I32, StorageKind.F32 -> ((int[]) data)[i] = (int) v;
            default -> ((long[]) data)[i] = v;
        }
    }

    public Object getRef(int i) {
        return ((Object[]) data)[i];
    }

    public void setRef(int i, Object v) {
        ((Object[]) data)[i] = v;
    }

    public long getV128Low(int i) {
        return ((long[]) data)[2 * i];
    }

    public long getV128High(int i) {
        return ((long[]) data)[2 * i + 1];
    }

    public void setV128(int i, long lo, long hi) {
        long[] a = (long[]) data;
        a[2 * i] = lo;
        a[2 * i + 1] = hi;
    }

    /** Fills {@code [from, from+len)} with a number (lo) / v128 (lo, hi) / reference value. */
    public void fill(int from, int len, long lo, long hi, Object ref) {
        int to = from + len;
        switch (kind) {
            case StorageKind.I8 -> Arrays.fill((byte[]) data, from, to, (byte) lo);
            case StorageKind.I16 -> Arrays.fill((short[]) data, from, to, (short) lo);
            case StorageKind.I32, StorageKind.F32 -> Arrays.fill((int[]) data, from, to, (int) lo);
            case StorageKind.I64, StorageKind.F64 -> Arrays.fill((long[]) data, from, to, lo);
            case StorageKind.V128 -> {
                for (int i = from; i < to; i++) {
                    setV128(i, lo, hi);
                }
            }
            default -> Arrays.fill((Object[]) data, from, to, ref);
        }
    }

    /** Copies {@code len} elements from {@code src[srcIdx..]} to {@code this[dstIdx..]} (overlap allowed). */
    public void copyFrom(ArrayObject src, int srcIdx, int dstIdx, int len) {
        int scale = kind == StorageKind.V128 ? 2 : 1;
        System.arraycopy(src.data, srcIdx * scale, data, dstIdx * scale, len * scale);
    }

    /** Bytes one element takes in a data segment: 1, 2, 4, 8 or 16. */
    public int elementBytes() {
        return switch (kind) {
            case StorageKind.I8 -> 1;
            case StorageKind.I16 -> 2;
            case StorageKind.I32, StorageKind.F32 -> 4;
            case StorageKind.V128 -> 16;
            default -> 8;
        };
    }

    /**
     * {@code array.new_data} / {@code array.init_data}: {@code n} elements, little endian, from
     * {@code bytes[start + from ..]} of a segment holding {@code length} bytes, to {@code this[at ..]}. Traps
     * with {@code out of bounds memory access} when the segment is too short (the caller checked the array).
     */
    public void initFromData(int at, byte[] bytes, int start, int length, long from, long n) {
        int size = elementBytes();
        if (from + n * size > length) {
            throw new TrapException(LinearMemory.OUT_OF_BOUNDS);
        }
        int base = start + (int) from;
        for (int i = 0; i < n; i++) {
            int p = base + i * size;
            long lo = 0;
            for (int k = Math.min(size, 8) - 1; k >= 0; k--) {
                lo = lo << 8 | (bytes[p + k] & 0xFF);
            }
            if (kind == StorageKind.V128) {
                long hi = 0;
                for (int k = 15; k >= 8; k--) {
                    hi = hi << 8 | (bytes[p + k] & 0xFF);
                }
                setV128(at + i, lo, hi);
            } else {
                setNum(at + i, lo);
            }
        }
    }

    @Override
    public String toString() {
        return "array:" + type + "[" + length + "]";
    }
}
