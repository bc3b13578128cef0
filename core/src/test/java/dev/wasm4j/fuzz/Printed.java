package dev.wasm4j.fuzz;

import dev.wasm4j.Value;
import dev.wasm4j.exec.FunctionInstance;
import dev.wasm4j.exec.gc.ExternAnyRef;
import dev.wasm4j.exec.gc.HostAnyRef;
import dev.wasm4j.exec.gc.I31Ref;

import java.util.StringJoiner;

/**
 * Values as the differential fuzzer compares them: one token each, the same for wasm4j's values and for the
 * values binaryen's interpreter prints ({@link BinaryenOutput}). Every NaN is {@code nan}: the spec lets an
 * arithmetic result be any NaN (4.3.3, "NaN propagation"), so payloads and signs are not compared. An integral
 * float below 2^63 is its exact integer (as binaryen prints it), any other float Java's shortest decimal;
 * references only say what a JavaScript host could observe (null, a function, an opaque object, an i31
 * value, a host value), as binaryen does.
 */
final class Printed {

    /** The host value binaryen's harness uses for a JavaScript error. */
    static final int JS_ERROR_PAYLOAD = 0xbad;

    /** A host value the fuzz host hands to Wasm: an externref carrying a small number. */
    record HostValue(int payload) {
    }

    private Printed() {
    }

    static String value(Value v) {
        return switch (v) {
            case Value.I32 i -> Integer.toString(i.value());
            case Value.I64 l -> Long.toString(l.value());
            case Value.F32 f -> f32(f.bits());
            case Value.F64 d -> f64(d.bits());
            case Value.V128 x -> v128(x.low(), x.high());
            case Value.Ref r -> ref(r.ref());
        };
    }

    /** A value given to a logging import: an i64 as its two i32 halves, as binaryen logs it. */
    static String logged(Value v) {
        if (v instanceof Value.I64(long l)) {
            return (int) l + " " + (int) (l >> 32);
        }
        return value(v);
    }

    static String f32(int bits) {
        return number(Float.intBitsToFloat(bits));
    }

    static String f64(long bits) {
        return number(Double.longBitsToDouble(bits));
    }

    static String number(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        if (d == 0) {
            return Double.doubleToRawLongBits(d) < 0 ? "-0" : "0";
        }
        if (d == Math.rint(d) && d >= -0x1p63 && d < 0x1p63) {
            return Long.toString((long) d);
        }
        return Double.toString(d);
    }

    /** Four 32-bit lanes, lane 0 first, as binaryen prints a v128. */
    static String v128(long low, long high) {
        StringJoiner j = new StringJoiner(" ", "i32x4 ", "");
        for (long word : new long[] {low & 0xFFFFFFFFL, low >>> 32, high & 0xFFFFFFFFL, high >>> 32}) {
            j.add(String.format("0x%08x", word));
        }
        return j.toString();
    }

    static String ref(Object o) {
        return switch (o) {
            case null -> "null";
            case ExternAnyRef e -> ref(e.internal());
            case HostAnyRef h -> ref(h.extern());
            case HostValue h when h.payload() == JS_ERROR_PAYLOAD -> "jserror";
            case HostValue h -> "externref(" + h.payload() + ")";
            case I31Ref i -> "i31ref(" + i.signed() + ")";
            case FunctionInstance f -> "function";
            default -> "object(null)";
        };
    }
}
