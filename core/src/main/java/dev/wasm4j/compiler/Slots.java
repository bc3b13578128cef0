package dev.wasm4j.compiler;

import dev.wasm4j.Value;
import dev.wasm4j.model.NumType;
import dev.wasm4j.model.RefType;
import dev.wasm4j.model.ValType;
import dev.wasm4j.model.VecType;

/** Converts between API {@link Value}s and raw slots, as the interpreter lays them out. */
final class Slots {
    private Slots() {
    }

    /** Writes {@code v} (checked against {@code t}) at {@code at}; returns the next free slot. */
    static int write(long[] s, Object[] r, int at, ValType t, Value v) {
        switch (t) {
            case NumType n -> {
                s[at] = switch (v) {
                    case Value.I32 i when n == NumType.I32 -> i.value();
                    case Value.I64 i when n == NumType.I64 -> i.value();
                    case Value.F32 f when n == NumType.F32 -> f.bits();
                    case Value.F64 f when n == NumType.F64 -> f.bits();
                    default -> throw new IllegalArgumentException("expected " + t + ", got " + v);
                };
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
                if (!(v instanceof Value.Ref ref)) {
                    throw new IllegalArgumentException("expected " + t + ", got " + v);
                }
                r[at] = ref.ref();
                return at + 1;
            }
        }
    }

    static Value read(long[] s, Object[] r, int at, ValType t) {
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
