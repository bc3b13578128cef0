package dev.wasm4j.exec.interp;

import dev.wasm4j.TrapException;
import dev.wasm4j.exec.ExceptionObject;
import dev.wasm4j.exec.ModuleInstance;
import dev.wasm4j.exec.TableInstance;
import dev.wasm4j.exec.TagInstance;
import dev.wasm4j.exec.gc.ArrayObject;
import dev.wasm4j.exec.gc.StorageKind;
import dev.wasm4j.exec.gc.StructLayout;
import dev.wasm4j.exec.gc.StructObject;
import dev.wasm4j.memory.LinearMemory;
import dev.wasm4j.model.ArrayType;
import dev.wasm4j.model.DefType;
import dev.wasm4j.model.ValType;

/** Struct, array and exception instructions (GC and exception handling proposals, spec 4.4.x). */
final class GcOps {
    private static final long MASK32 = 0xFFFF_FFFFL;
    /** Largest array the engine allocates, in elements. */
    static final long MAX_ARRAY_LENGTH = 1L << 28;

    private GcOps() {
    }

    static int execute(int op, ExecContext ctx, ModuleInstance inst, int[] ins, int pc, int sp) {
        long[] s = ctx.stack;
        Object[] r = ctx.refs;
        switch (op) {
            case Ops.STRUCT_NEW, Ops.STRUCT_NEW_DEFAULT -> {
                DefType t = inst.types[ins[pc]];
                StructLayout layout = StructLayout.of(t);
                StructObject o = new StructObject(t, layout);
                if (op == Ops.STRUCT_NEW) {
                    int slots = 0;
                    for (int f = 0; f < layout.fieldCount(); f++) {
                        slots += layout.kind(f) == StorageKind.V128 ? 2 : 1;
                    }
                    sp -= slots;
                    int at = sp;
                    for (int f = 0; f < layout.fieldCount(); f++) {
                        at = storeField(o, layout, f, s, r, at);
                    }
                }
                r[sp++] = o;
            }
            case Ops.STRUCT_GET, Ops.STRUCT_GET_S, Ops.STRUCT_GET_U -> {
                StructObject o = struct(r[sp - 1]);
                r[sp - 1] = null;
                StructLayout layout = StructLayout.of(inst.types[ins[pc]]);
                int f = ins[pc + 1];
                int kind = layout.kind(f);
                int slot = layout.slot(f);
                switch (kind) {
                    case StorageKind.REF -> r[sp - 1] = o.refs[slot];
                    case StorageKind.V128 -> {
                        s[sp - 1] = o.nums[slot];
                        s[sp] = o.nums[slot + 1];
                        sp++;
                    }
                    default -> s[sp - 1] = unpack(kind, o.nums[slot], op == Ops.STRUCT_GET_S);
                }
            }
            case Ops.STRUCT_SET -> {
                StructLayout layout = StructLayout.of(inst.types[ins[pc]]);
                int f = ins[pc + 1];
                int kind = layout.kind(f);
                int valueSlots = kind == StorageKind.V128 ? 2 : 1;
                sp -= valueSlots + 1;
                storeField(struct(r[sp]), layout, f, s, r, sp + 1);
            }
            case Ops.ARRAY_NEW, Ops.ARRAY_NEW_DEFAULT -> {
                DefType t = inst.types[ins[pc]];
                sp--;
                ArrayObject a = new ArrayObject(t, length(s[sp]));
                if (op == Ops.ARRAY_NEW) {
                    int valueSlots = a.kind == StorageKind.V128 ? 2 : 1;
                    sp -= valueSlots;
                    a.fill(0, a.length, s[sp], a.kind == StorageKind.V128 ? s[sp + 1] : 0, r[sp]);
                }
                r[sp++] = a;
            }
            case Ops.ARRAY_NEW_FIXED -> {
                DefType t = inst.types[ins[pc]];
                int n = ins[pc + 1];
                ArrayObject a = new ArrayObject(t, n);
                int valueSlots = a.kind == StorageKind.V128 ? 2 : 1;
                sp -= n * valueSlots;
                for (int i = 0; i < n; i++) {
                    storeElement(a, i, s, r, sp + i * valueSlots);
                }
                r[sp++] = a;
            }
            case Ops.ARRAY_NEW_DATA -> {
                DefType t = inst.types[ins[pc]];
                int d = ins[pc + 1];
                sp -= 2;
                long from = s[sp] & MASK32;
                long n = s[sp + 1] & MASK32;
                ArrayObject a = new ArrayObject(t, checkedLength(n, elementBytes(t), from, inst.dataLength[d]));
                a.initFromData(0, inst.dataBytes[d], inst.dataStart[d], inst.dataLength[d], from, n);
                r[sp++] = a;
            }
            case Ops.ARRAY_NEW_ELEM -> {
                DefType t = inst.types[ins[pc]];
                Object[] seg = inst.elems[ins[pc + 1]];
                sp -= 2;
                long from = s[sp] & MASK32;
                long n = s[sp + 1] & MASK32;
                if (from + n > seg.length) {
                    throw new TrapException(TableInstance.OUT_OF_BOUNDS);
                }
                ArrayObject a = new ArrayObject(t, (int) n);
                System.arraycopy(seg, (int) from, a.data, 0, (int) n);
                r[sp++] = a;
            }
            case Ops.ARRAY_GET, Ops.ARRAY_GET_S, Ops.ARRAY_GET_U -> {
                sp--;
                ArrayObject a = array(r[sp - 1]);
                r[sp - 1] = null;
                int i = element(a, s[sp]);
                switch (a.kind) {
                    case StorageKind.REF -> r[sp - 1] = a.getRef(i);
                    case StorageKind.V128 -> {
                        s[sp - 1] = a.getV128Low(i);
                        s[sp] = a.getV128High(i);
                        sp++;
                    }
                    default -> s[sp - 1] = unpack(a.kind, a.getNum(i), op == Ops.ARRAY_GET_S);
                }
            }
            case Ops.ARRAY_SET -> {
                // The value's size depends on the element kind, known from the type immediate.
                int valueSlots = elementKind(inst.types[ins[pc]]) == StorageKind.V128 ? 2 : 1;
                sp -= valueSlots + 2;
                ArrayObject a = array(r[sp]);
                storeElement(a, element(a, s[sp + 1]), s, r, sp + 2);
            }
            case Ops.ARRAY_LEN -> {
                ArrayObject a = array(r[sp - 1]);
                r[sp - 1] = null;
                s[sp - 1] = a.length;
            }
            case Ops.ARRAY_FILL -> {
                int valueSlots = elementKind(inst.types[ins[pc]]) == StorageKind.V128 ? 2 : 1;
                sp -= 3 + valueSlots;
                ArrayObject a = array(r[sp]);
                long from = s[sp + 1] & MASK32;
                long n = s[sp + 2 + valueSlots] & MASK32;
                range(a, from, n);
                a.fill((int) from, (int) n, s[sp + 2], valueSlots == 2 ? s[sp + 3] : 0, r[sp + 2]);
            }
            case Ops.ARRAY_COPY -> {
                sp -= 5;
                ArrayObject dst = array(r[sp]);
                ArrayObject src = array(r[sp + 2]);
                long di = s[sp + 1] & MASK32;
                long si = s[sp + 3] & MASK32;
                long n = s[sp + 4] & MASK32;
                range(dst, di, n);
                range(src, si, n);
                dst.copyFrom(src, (int) si, (int) di, (int) n);
            }
            case Ops.ARRAY_INIT_DATA -> {
                int d = ins[pc + 1];
                sp -= 4;
                ArrayObject a = array(r[sp]);
                long di = s[sp + 1] & MASK32;
                long from = s[sp + 2] & MASK32;
                long n = s[sp + 3] & MASK32;
                range(a, di, n);
                a.initFromData((int) di, inst.dataBytes[d], inst.dataStart[d], inst.dataLength[d], from, n);
            }
            case Ops.ARRAY_INIT_ELEM -> {
                Object[] seg = inst.elems[ins[pc + 1]];
                sp -= 4;
                ArrayObject a = array(r[sp]);
                long di = s[sp + 1] & MASK32;
                long from = s[sp + 2] & MASK32;
                long n = s[sp + 3] & MASK32;
                range(a, di, n);
                if (from + n > seg.length) {
                    throw new TrapException(TableInstance.OUT_OF_BOUNDS);
                }
                System.arraycopy(seg, (int) from, a.data, (int) di, (int) n);
            }
            default -> throw new IllegalStateException("no handler for op " + Ops.name(op));
        }
        return sp;
    }

    private static StructObject struct(Object ref) {
        if (ref == null) {
            throw new TrapException("null structure reference");
        }
        return (StructObject) ref;
    }

    private static ArrayObject array(Object ref) {
        if (ref == null) {
            throw new TrapException("null array reference");
        }
        return (ArrayObject) ref;
    }

    private static int element(ArrayObject a, long slot) {
        long i = slot & MASK32;
        if (i >= a.length) {
            throw new TrapException("out of bounds array access");
        }
        return (int) i;
    }

    private static void range(ArrayObject a, long from, long n) {
        if (from + n > a.length) {
            throw new TrapException("out of bounds array access");
        }
    }

    private static int length(long slot) {
        long n = slot & MASK32;
        if (n > MAX_ARRAY_LENGTH) {
            throw new TrapException("out of memory: array of " + n + " elements");
        }
        return (int) n;
    }

    private static int checkedLength(long n, int elementBytes, long from, int dataLength) {
        if (from + n * elementBytes > dataLength) {
            throw LinearMemory.outOfBounds();
        }
        return length(n);
    }

    static long unpack(int kind, long stored, boolean signed) {
        return switch (kind) {
            case StorageKind.I8 -> signed ? (byte) stored : stored & 0xFF;
            case StorageKind.I16 -> signed ? (short) stored : stored & 0xFFFF;
            default -> stored;
        };
    }

    private static int storeField(StructObject o, StructLayout layout, int f, long[] s, Object[] r, int at) {
        int kind = layout.kind(f);
        int slot = layout.slot(f);
        switch (kind) {
            case StorageKind.REF -> o.refs[slot] = r[at];
            case StorageKind.V128 -> {
                o.nums[slot] = s[at];
                o.nums[slot + 1] = s[at + 1];
                return at + 2;
            }
            default -> o.nums[slot] = StorageKind.wrap(kind, s[at]);
        }
        return at + 1;
    }

    private static void storeElement(ArrayObject a, int i, long[] s, Object[] r, int at) {
        switch (a.kind) {
            case StorageKind.REF -> a.setRef(i, r[at]);
            case StorageKind.V128 -> a.setV128(i, s[at], s[at + 1]);
            default -> a.setNum(i, s[at]);
        }
    }

    private static int elementKind(DefType arrayType) {
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


    /** A new exception of {@code tag} whose payload is the top of the stack. */
    static ExceptionObject newException(TagInstance tag, long[] s, Object[] r, int sp) {
        int slots = 0;
        for (ValType t : tag.funcType().params()) {
            slots += t.slots();
        }
        long[] nums = new long[slots];
        Object[] refs = new Object[slots];
        System.arraycopy(s, sp - slots, nums, 0, slots);
        System.arraycopy(r, sp - slots, refs, 0, slots);
        return new ExceptionObject(tag, nums, refs);
    }

    /**
     * Pushes at {@code at} an exception's payload (for a clause naming its tag, not a catch_all) and the exception
     * itself (for the _ref clauses); returns the new stack pointer.
     */
    static int pushPayload(long[] s, Object[] r, int at, ExceptionObject exn, boolean withPayload, boolean pushRef) {
        if (withPayload) {
            int n = exn.nums.length;
            System.arraycopy(exn.nums, 0, s, at, n);
            System.arraycopy(exn.refs, 0, r, at, n);
            at += n;
        }
        if (pushRef) {
            r[at++] = exn;
        }
        return at;
    }
}
