package dev.wasm4j;

import dev.wasm4j.model.NumType;
import dev.wasm4j.model.RefType;
import dev.wasm4j.model.ValType;
import dev.wasm4j.model.VecType;

/**
 * A Wasm value at the boundary between the host and the engine (spec 4.2.1). Inside the engine values are
 * raw slots; this type appears only where Java code passes or receives them. Floats are held as their raw
 * IEEE bits so that NaN payloads survive exactly.
 */
public sealed interface Value {

    /** The value's type; for references the most general one (funcref, externref, anyref, exnref). */
    ValType type();

    record I32(int value) implements Value {
        @Override
        public ValType type() {
            return NumType.I32;
        }

        @Override
        public String toString() {
            return value + ":i32";
        }
    }

    record I64(long value) implements Value {
        @Override
        public ValType type() {
            return NumType.I64;
        }

        @Override
        public String toString() {
            return value + ":i64";
        }
    }

    /** An f32 as its raw bits. */
    record F32(int bits) implements Value {
        public float value() {
            return Float.intBitsToFloat(bits);
        }

        @Override
        public ValType type() {
            return NumType.F32;
        }

        @Override
        public String toString() {
            return value() + ":f32";
        }
    }

    /** An f64 as its raw bits. */
    record F64(long bits) implements Value {
        public double value() {
            return Double.longBitsToDouble(bits);
        }

        @Override
        public ValType type() {
            return NumType.F64;
        }

        @Override
        public String toString() {
            return value() + ":f64";
        }
    }

    /** A v128: {@code low} holds bytes 0..7 (byte 0 in its low bits), {@code high} bytes 8..15. */
    record V128(long low, long high) implements Value {
        @Override
        public ValType type() {
            return VecType.V128;
        }

        @Override
        public String toString() {
            return String.format("v128:%016x%016x", high, low);
        }
    }

    /**
     * A reference: null, a function, a GC object, an exception, or a host object (externref). {@code type}
     * says which hierarchy it belongs to, which matters for null.
     */
    record Ref(RefType refType, Object ref) implements Value {
        public boolean isNull() {
            return ref == null;
        }

        @Override
        public ValType type() {
            return refType;
        }

        @Override
        public String toString() {
            return ref == null ? "null:" + refType : ref + ":" + refType;
        }
    }

    static Value i32(int v) {
        return new I32(v);
    }

    static Value i64(long v) {
        return new I64(v);
    }

    static Value f32(float v) {
        return new F32(Float.floatToRawIntBits(v));
    }

    static Value f64(double v) {
        return new F64(Double.doubleToRawLongBits(v));
    }

    static Value f32Bits(int bits) {
        return new F32(bits);
    }

    static Value f64Bits(long bits) {
        return new F64(bits);
    }

    static Value v128(long low, long high) {
        return new V128(low, high);
    }

    /** A host object as an externref (null for the null externref). */
    static Value externRef(Object o) {
        return new Ref(RefType.EXTERNREF, o);
    }

    /** A function reference (an engine function object, or null). */
    static Value funcRef(Object f) {
        return new Ref(RefType.FUNCREF, f);
    }

    /** The zero value of a type (spec 4.2.1 "default value"): 0, +0.0, or a null reference. */
    static Value defaultOf(ValType t) {
        return switch (t) {
            case NumType n -> switch (n) {
                case I32 -> new I32(0);
                case I64 -> new I64(0);
                case F32 -> new F32(0);
                case F64 -> new F64(0);
            };
            case VecType v -> new V128(0, 0);
            case RefType r -> new Ref(r, null);
        };
    }

    /** This value as an int: i32 value or f32 bits. */
    default int asInt() {
        return switch (this) {
            case I32 v -> v.value();
            case F32 v -> v.bits();
            default -> throw new IllegalStateException("not an i32: " + this);
        };
    }

    /** This value as a long: i64 value or f64 bits. */
    default long asLong() {
        return switch (this) {
            case I64 v -> v.value();
            case F64 v -> v.bits();
            case I32 v -> v.value();
            default -> throw new IllegalStateException("not an i64: " + this);
        };
    }
}
