package dev.wasm4j;

import dev.wasm4j.model.NumType;
import dev.wasm4j.model.RefType;
import dev.wasm4j.model.ValType;
import dev.wasm4j.model.VecType;

/**
 * A Wasm value at the boundary between the host and the engine (spec 4.2.1). Inside the engine values are
 * raw slots; this type appears only where Java code passes or receives them. Floats are held as their raw
 * IEEE bits so that NaN payloads survive exactly.
 *
 * <p>Thread safety: immutable.
 */
public sealed interface Value {

    /**
     * The value's type; for references the one they were made with.
     *
     * @return the type
     */
    ValType type();

    /**
     * An i32.
     *
     * @param value the value (signedness is the operations' business)
     */
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

    /**
     * An i64.
     *
     * @param value the value (signedness is the operations' business)
     */
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

    /**
     * An f32 as its raw bits.
     *
     * @param bits the IEEE 754 bits
     */
    record F32(int bits) implements Value {
        /**
         * The value as a Java float (a NaN's payload may change).
         *
         * @return the value
         */
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

    /**
     * An f64 as its raw bits.
     *
     * @param bits the IEEE 754 bits
     */
    record F64(long bits) implements Value {
        /**
         * The value as a Java double.
         *
         * @return the value
         */
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

    /**
     * A v128.
     *
     * @param low bytes 0..7 (byte 0 in its low bits)
     * @param high bytes 8..15
     */
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
     *
     * @param refType the reference's type
     * @param ref the engine object or host object, or null
     */
    record Ref(RefType refType, Object ref) implements Value {
        /**
         * Whether this is a null reference.
         *
         * @return true for null
         */
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

    /**
     * An i32.
     *
     * @param v the value
     * @return the value
     */
    static Value i32(int v) {
        return new I32(v);
    }

    /**
     * An i64.
     *
     * @param v the value
     * @return the value
     */
    static Value i64(long v) {
        return new I64(v);
    }

    /**
     * An f32.
     *
     * @param v the value
     * @return the value
     */
    static Value f32(float v) {
        return new F32(Float.floatToRawIntBits(v));
    }

    /**
     * An f64.
     *
     * @param v the value
     * @return the value
     */
    static Value f64(double v) {
        return new F64(Double.doubleToRawLongBits(v));
    }

    /**
     * An f32 from its bits.
     *
     * @param bits the IEEE 754 bits
     * @return the value
     */
    static Value f32Bits(int bits) {
        return new F32(bits);
    }

    /**
     * An f64 from its bits.
     *
     * @param bits the IEEE 754 bits
     * @return the value
     */
    static Value f64Bits(long bits) {
        return new F64(bits);
    }

    /**
     * A v128.
     *
     * @param low bytes 0..7
     * @param high bytes 8..15
     * @return the value
     */
    static Value v128(long low, long high) {
        return new V128(low, high);
    }

    /**
     * A host object as an externref.
     *
     * @param o the object, or null for the null externref
     * @return the reference
     */
    static Value externRef(Object o) {
        return new Ref(RefType.EXTERNREF, o);
    }

    /**
     * A function reference.
     *
     * @param f a function obtained from wasm4j, or null
     * @return the reference
     */
    static Value funcRef(Object f) {
        return new Ref(RefType.FUNCREF, f);
    }

    /**
     * The zero value of a type (spec 4.2.1 "default value"): 0, +0.0, or a null reference.
     *
     * @param t the type
     * @return its default value
     */
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

    /**
     * This value as an int: i32 value or f32 bits.
     *
     * @return the int
     * @throws IllegalStateException for other types
     */
    default int asInt() {
        // instanceof rather than pattern switches: each pattern switch spins a class on first use, and every
        // program's first host call comes here
        if (this instanceof I32 v) {
            return v.value();
        }
        if (this instanceof F32 v) {
            return v.bits();
        }
        throw new IllegalStateException("not an i32: " + this);
    }

    /**
     * This value as a long: i64 value, f64 bits, or a sign-extended i32.
     *
     * @return the long
     * @throws IllegalStateException for other types
     */
    default long asLong() {
        if (this instanceof I64 v) {
            return v.value();
        }
        if (this instanceof F64 v) {
            return v.bits();
        }
        if (this instanceof I32 v) {
            return v.value();
        }
        throw new IllegalStateException("not an i64: " + this);
    }
}
