package dev.wasm4j.compiler;

import dev.wasm4j.TrapException;
import dev.wasm4j.exec.ModuleInstance;
import dev.wasm4j.exec.TableInstance;
import dev.wasm4j.exec.gc.ArrayObject;
import dev.wasm4j.exec.gc.StorageKind;
import dev.wasm4j.exec.gc.StructLayout;
import dev.wasm4j.exec.gc.StructObject;
import dev.wasm4j.memory.LinearMemory;
import dev.wasm4j.model.ArrayType;
import dev.wasm4j.model.DefType;

/**
 * Struct and array instructions (GC proposal) for compiled code, with the interpreter's traps. Numbers
 * arrive as longs (an i32 sign-extended) and are narrowed to the field's storage as the interpreter does.
 */
public final class GcRt {
    private static final long MASK = 0xFFFF_FFFFL;
    /** Largest array allocated, in elements (as the interpreter). */
    private static final long MAX_ARRAY_LENGTH = 1L << 28;

    private GcRt() {
    }

    // ---- structs ----

    public static StructObject newStruct(DefType t) {
        return new StructObject(t, StructLayout.of(t));
    }

    public static StructObject struct(Object ref) {
        if (ref == null) {
            throw new TrapException("null structure reference");
        }
        return (StructObject) ref;
    }

    public static long[] nums(Object ref) {
        return struct(ref).nums;
    }

    public static Object[] refs(Object ref) {
        return struct(ref).refs;
    }

    public static void setNum(Object ref, long v, int slot) {
        struct(ref).nums[slot] = v;
    }

    public static void setRef(Object ref, Object v, int slot) {
        struct(ref).refs[slot] = v;
    }

    public static void setV128(Object ref, long lo, long hi, int slot) {
        long[] n = struct(ref).nums;
        n[slot] = lo;
        n[slot + 1] = hi;
    }

    // ---- arrays ----

    public static ArrayObject array(Object ref) {
        if (ref == null) {
            throw new TrapException("null array reference");
        }
        return (ArrayObject) ref;
    }

    private static int element(ArrayObject a, int i) {
        long k = i & MASK;
        if (k >= a.length) {
            throw new TrapException("out of bounds array access");
        }
        return (int) k;
    }

    private static void range(ArrayObject a, long from, long n) {
        if (from + n > a.length) {
            throw new TrapException("out of bounds array access");
        }
    }

    private static int length(int n) {
        long len = n & MASK;
        if (len > MAX_ARRAY_LENGTH) {
            throw new TrapException("out of memory: array of " + len + " elements");
        }
        return (int) len;
    }

    public static ArrayObject newArray(int n, DefType t) {
        return new ArrayObject(t, length(n));
    }

    /** {@code array.new} of a number (or packed) element type. */
    public static Object newArrayNum(long v, int n, DefType t) {
        ArrayObject a = new ArrayObject(t, length(n));
        a.fill(0, a.length, v, 0, null);
        return a;
    }

    public static Object newArrayV128(long lo, long hi, int n, DefType t) {
        ArrayObject a = new ArrayObject(t, length(n));
        a.fill(0, a.length, lo, hi, null);
        return a;
    }

    public static Object newArrayRef(Object v, int n, DefType t) {
        ArrayObject a = new ArrayObject(t, length(n));
        a.fill(0, a.length, 0, 0, v);
        return a;
    }

    public static Object newArrayData(int from, int n, ModuleInstance inst, DefType t, int data) {
        long f = from & MASK;
        long len = n & MASK;
        if (f + len * elementBytes(t) > inst.dataLength[data]) {
            throw LinearMemory.outOfBounds();
        }
        ArrayObject a = new ArrayObject(t, length(n));
        a.initFromData(0, inst.dataBytes[data], inst.dataStart[data], inst.dataLength[data], f, len);
        return a;
    }

    public static Object newArrayElem(int from, int n, ModuleInstance inst, DefType t, int elem) {
        Object[] seg = inst.elems[elem];
        long f = from & MASK;
        long len = n & MASK;
        if (f + len > seg.length) {
            throw new TrapException(TableInstance.OUT_OF_BOUNDS);
        }
        ArrayObject a = new ArrayObject(t, (int) len);
        System.arraycopy(seg, (int) f, a.data, 0, (int) len);
        return a;
    }

    public static int len(Object ref) {
        return array(ref).length;
    }

    public static int getI8S(Object ref, int i) {
        ArrayObject a = array(ref);
        return ((byte[]) a.data)[element(a, i)];
    }

    public static int getI8U(Object ref, int i) {
        ArrayObject a = array(ref);
        return ((byte[]) a.data)[element(a, i)] & 0xFF;
    }

    public static int getI16S(Object ref, int i) {
        ArrayObject a = array(ref);
        return ((short[]) a.data)[element(a, i)];
    }

    public static int getI16U(Object ref, int i) {
        ArrayObject a = array(ref);
        return ((short[]) a.data)[element(a, i)] & 0xFFFF;
    }

    public static int getI32(Object ref, int i) {
        ArrayObject a = array(ref);
        return ((int[]) a.data)[element(a, i)];
    }

    public static long getI64(Object ref, int i) {
        ArrayObject a = array(ref);
        return ((long[]) a.data)[element(a, i)];
    }

    public static Object getRef(Object ref, int i) {
        ArrayObject a = array(ref);
        return ((Object[]) a.data)[element(a, i)];
    }

    public static long getV128Lo(Object ref, int i) {
        ArrayObject a = array(ref);
        return ((long[]) a.data)[2 * element(a, i)];
    }

    public static long getV128Hi(Object ref, int i) {
        ArrayObject a = array(ref);
        return ((long[]) a.data)[2 * element(a, i) + 1];
    }

    /** {@code array.set} of any number kind (the value narrowed to the storage). */
    public static void setNum(Object ref, int i, long v) {
        ArrayObject a = array(ref);
        a.setNum(element(a, i), v);
    }

    public static void setRef(Object ref, int i, Object v) {
        ArrayObject a = array(ref);
        ((Object[]) a.data)[element(a, i)] = v;
    }

    public static void setV128(Object ref, int i, long lo, long hi) {
        ArrayObject a = array(ref);
        a.setV128(element(a, i), lo, hi);
    }

    public static void fill(Object ref, int i, long lo, long hi, Object v, int n) {
        ArrayObject a = array(ref);
        long from = i & MASK;
        long len = n & MASK;
        range(a, from, len);
        a.fill((int) from, (int) len, lo, hi, v);
    }

    public static void copy(Object dstRef, int di, Object srcRef, int si, int n) {
        ArrayObject dst = array(dstRef);
        ArrayObject src = array(srcRef);
        long d = di & MASK;
        long s = si & MASK;
        long len = n & MASK;
        range(dst, d, len);
        range(src, s, len);
        dst.copyFrom(src, (int) s, (int) d, (int) len);
    }

    public static void initData(Object ref, int di, int from, int n, ModuleInstance inst, int data) {
        ArrayObject a = array(ref);
        long d = di & MASK;
        long len = n & MASK;
        range(a, d, len);
        a.initFromData((int) d, inst.dataBytes[data], inst.dataStart[data], inst.dataLength[data], from & MASK, len);
    }

    public static void initElem(Object ref, int di, int from, int n, ModuleInstance inst, int elem) {
        ArrayObject a = array(ref);
        Object[] seg = inst.elems[elem];
        long d = di & MASK;
        long f = from & MASK;
        long len = n & MASK;
        range(a, d, len);
        if (f + len > seg.length) {
            throw new TrapException(TableInstance.OUT_OF_BOUNDS);
        }
        System.arraycopy(seg, (int) f, a.data, (int) d, (int) len);
    }

    public static int elementKind(DefType arrayType) {
        return StorageKind.of(((ArrayType) arrayType.composite()).element().storage());
    }

    private static int elementBytes(DefType arrayType) {
        return switch (elementKind(arrayType)) {
            case StorageKind.I8 -> 1;
            case StorageKind.I16 -> 2;
            case StorageKind.I32, StorageKind.F32 -> 4;
            case StorageKind.V128 -> 16;
            default -> 8;
        };
    }

}
