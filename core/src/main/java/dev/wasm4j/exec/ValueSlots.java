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
        switch (t) {
            case NumType n -> {
                long raw = switch (v) {
                    case Value.I32 i when n == NumType.I32 -> i.value();
                    case Value.I64 i when n == NumType.I64 -> i.value();
                    case Value.F32 f when n == NumType.F32 -> f.bits();
                    case Value.F64 f when n == NumType.F64 -> f.bits();
                    default -> throw new IllegalArgumentException("expected " + t + ", got " + v);
                };
                s[at] = raw;
                r[at] = null;
                return at + 1;
            }
            case VecType vec -> {
                if (!(v instanceof Value.V128 x)) {
                    throw new IllegalArgumentException("expected v128, got " + v);
                }
                s[at] = x.low();
                s[at + 1] = x.high();
                return at + 2;
            }
            case RefType rt -> {
                // A reference to a defined type must be one: the engine relies on it (a frozen type's value
                // is frozen, a struct has the layout of its type).
                if (!(v instanceof Value.Ref ref)
                        || rt.heapType() instanceof HeapType.Defined && !RefTest.matches(ref.ref(), rt)) {
                    throw new IllegalArgumentException("expected " + t + ", got " + v);
                }
                r[at] = ref.ref();
                return at + 1;
            }
        }
    }

    /** Reads a value of type {@code t} at slot {@code at}. */
    public static Value read(long[] s, Object[] r, int at, ValType t) {
        return switch (t) {
            case NumType n -> switch (n) {
                case I32 -> Value.i32((int) s[at]);
                case I64 -> Value.i64(s[at]);
                case F32 -> Value.f32Bits((int) s[at]);
                case F64 -> Value.f64Bits(s[at]);
            };
            case VecType vec -> Value.v128(s[at], s[at + 1]);
            case RefType rt -> new Value.Ref(rt, r[at]);
        };
    }
}
