package dev.wasm4j.exec;

import dev.wasm4j.Value;
import dev.wasm4j.exec.gc.RefTest;
import dev.wasm4j.model.HeapType;
import dev.wasm4j.model.NumType;
import dev.wasm4j.model.RefType;
import dev.wasm4j.model.ValType;
import dev.wasm4j.model.VecType;

/**
 * Converts between API {@link Value}s and raw slots (a number, or two for a v128, in a long array; a
 * reference in the parallel object array), as both execution tiers keep values.
 */
public final class ValueSlots {
    private ValueSlots() {
    }

    /** Writes {@code v} (checked against {@code t}) at slot {@code at}; returns the next free slot. */
    public static int write(long[] s, Object[] r, int at, ValType t, Value v) {
        // instanceof rather than pattern switches: each pattern switch spins a class on first use, and every
        // program's first host call comes here
        if (t instanceof NumType n) {
            s[at] = numBits(n, v);
            r[at] = null;
            return at + 1;
        }
        if (t instanceof VecType) {
            if (!(v instanceof Value.V128 x)) {
                throw new IllegalArgumentException("expected v128, got " + v);
            }
            s[at] = x.low();
            s[at + 1] = x.high();
            return at + 2;
        }
        RefType rt = (RefType) t;
        // A reference to a defined type must be one: the engine relies on it (a frozen type's value
        // is frozen, a struct has the layout of its type).
        if (!(v instanceof Value.Ref ref)
                || rt.heapType() instanceof HeapType.Defined && !RefTest.matches(ref.ref(), rt)) {
            throw new IllegalArgumentException("expected " + t + ", got " + v);
        }
        r[at] = ref.ref();
        return at + 1;
    }

    private static long numBits(NumType n, Value v) {
        if (v instanceof Value.I32 i && n == NumType.I32) {
            return i.value();
        }
        if (v instanceof Value.I64 i && n == NumType.I64) {
            return i.value();
        }
        if (v instanceof Value.F32 f && n == NumType.F32) {
            return f.bits();
        }
        if (v instanceof Value.F64 f && n == NumType.F64) {
            return f.bits();
        }
        throw new IllegalArgumentException("expected " + n + ", got " + v);
    }

    /** Reads a value of type {@code t} at slot {@code at}. */
    public static Value read(long[] s, Object[] r, int at, ValType t) {
        if (t instanceof NumType n) {
            return switch (n) {
                case I32 -> Value.i32((int) s[at]);
                case I64 -> Value.i64(s[at]);
                case F32 -> Value.f32Bits((int) s[at]);
                case F64 -> Value.f64Bits(s[at]);
            };
        }
        return t instanceof VecType ? Value.v128(s[at], s[at + 1]) : new Value.Ref((RefType) t, r[at]);
    }
}
