package dev.wasm4j.exec.numeric;

/**
 * The scalar conversion instructions (spec 4.3.4, "Conversions"): wrap, extend, trunc (trapping and
 * saturating), convert, demote, promote and reinterpret. Method names are the whole mnemonic in camel case
 * ({@code i64.trunc_sat_f32_u} is {@link #i64TruncSatF32U}); floats are raw bits ({@code int} for f32,
 * {@code long} for f64).
 *
 * <p>Truncations work on {@code double}: widening an f32 to double is exact and the range conditions are
 * conditions on the real value, so one check serves both source types. Trapping truncations throw
 * {@code invalid conversion to integer} for a NaN and {@code integer overflow} when the truncated value does
 * not fit (infinities included).
 *
 * <p>Int-to-float conversions are correctly rounded (round to nearest, ties to even). Java's {@code (float)}
 * and {@code (double)} casts of an {@code int} or {@code long} are (JLS 5.1.2); the unsigned 64-bit cases
 * halve the value first, keeping the lost bit as a sticky bit so the single rounding is unchanged, then double
 * the result. Going through {@code double} on the way to {@code float} would round twice and is avoided.
 */
public final class Conversions {
    private static final double TWO_63 = 0x1p63;
    private static final double TWO_64 = 0x1p64;

    private Conversions() {
    }

    private static double f32(int bits) {
        return Float.intBitsToFloat(bits);
    }

    private static double f64(long bits) {
        return Double.longBitsToDouble(bits);
    }

    private static int bits(float f) {
        return Float.floatToRawIntBits(f);
    }

    private static long bits(double d) {
        return Double.doubleToRawLongBits(d);
    }

    // ---- integer width ----

    /** {@code i32.wrap_i64}: the low 32 bits. */
    public static int i32WrapI64(long a) {
        return (int) a;
    }

    public static long i64ExtendI32S(int a) {
        return a;
    }

    public static long i64ExtendI32U(int a) {
        return a & 0xFFFF_FFFFL;
    }

    // ---- trapping truncation (spec trunc_u, trunc_s: partial, the instruction traps where undefined) ----

    private static int truncI32S(double x) {
        if (x > -2147483649.0 && x < 2147483648.0) {
            return (int) x;
        }
        throw x != x ? Trap.invalidConversion() : Trap.overflow();
    }

    private static int truncI32U(double x) {
        if (x > -1.0 && x < 4294967296.0) {
            return (int) (long) x;
        }
        throw x != x ? Trap.invalidConversion() : Trap.overflow();
    }

    private static long truncI64S(double x) {
        if (x >= -TWO_63 && x < TWO_63) {
            return (long) x;
        }
        throw x != x ? Trap.invalidConversion() : Trap.overflow();
    }

    private static long truncI64U(double x) {
        if (x > -1.0 && x < TWO_64) {
            return toU64(x);
        }
        throw x != x ? Trap.invalidConversion() : Trap.overflow();
    }

    /** The unsigned 64-bit truncation of {@code x}, for {@code -1 < x < 2^64}. */
    private static long toU64(double x) {
        // x - 2^63 is exact for 2^63 <= x < 2^64 (same binade)
        return x < TWO_63 ? (long) x : (long) (x - TWO_63) ^ Long.MIN_VALUE;
    }

    public static int i32TruncF32S(int a) {
        return truncI32S(f32(a));
    }

    public static int i32TruncF32U(int a) {
        return truncI32U(f32(a));
    }

    public static int i32TruncF64S(long a) {
        return truncI32S(f64(a));
    }

    public static int i32TruncF64U(long a) {
        return truncI32U(f64(a));
    }

    public static long i64TruncF32S(int a) {
        return truncI64S(f32(a));
    }

    public static long i64TruncF32U(int a) {
        return truncI64U(f32(a));
    }

    public static long i64TruncF64S(long a) {
        return truncI64S(f64(a));
    }

    public static long i64TruncF64U(long a) {
        return truncI64U(f64(a));
    }

    // ---- saturating truncation (spec trunc_sat_u, trunc_sat_s): NaN gives 0, out of range clamps ----

    /** Signed: Java's narrowing cast is exactly {@code trunc_sat_s} (NaN to 0, rounding toward zero, clamping). */
    static int truncSatI32S(double x) {
        return (int) x;
    }

    static int truncSatI32U(double x) {
        if (!(x > 0)) {
            return 0; // NaN, negatives and values truncating to zero
        }
        return x >= 4294967296.0 ? -1 : (int) (long) x;
    }

    static long truncSatI64S(double x) {
        return (long) x;
    }

    static long truncSatI64U(double x) {
        if (!(x > 0)) {
            return 0;
        }
        return x >= TWO_64 ? -1L : toU64(x);
    }

    public static int i32TruncSatF32S(int a) {
        return truncSatI32S(f32(a));
    }

    public static int i32TruncSatF32U(int a) {
        return truncSatI32U(f32(a));
    }

    public static int i32TruncSatF64S(long a) {
        return truncSatI32S(f64(a));
    }

    public static int i32TruncSatF64U(long a) {
        return truncSatI32U(f64(a));
    }

    public static long i64TruncSatF32S(int a) {
        return truncSatI64S(f32(a));
    }

    public static long i64TruncSatF32U(int a) {
        return truncSatI64U(f32(a));
    }

    public static long i64TruncSatF64S(long a) {
        return truncSatI64S(f64(a));
    }

    public static long i64TruncSatF64U(long a) {
        return truncSatI64U(f64(a));
    }

    // ---- int to float (spec convert_u, convert_s: correctly rounded) ----

    public static int f32ConvertI32S(int a) {
        return bits((float) a);
    }

    public static int f32ConvertI32U(int a) {
        return bits((float) (a & 0xFFFF_FFFFL));
    }

    public static int f32ConvertI64S(long a) {
        return bits((float) a);
    }

    /** Correctly rounded; a value with the top bit set is halved with a sticky bit, converted, then doubled. */
    public static int f32ConvertI64U(long a) {
        if (a >= 0) {
            return bits((float) a);
        }
        return bits((float) ((a >>> 1) | (a & 1)) * 2.0f);
    }

    public static long f64ConvertI32S(int a) {
        return bits((double) a);
    }

    public static long f64ConvertI32U(int a) {
        return bits((double) (a & 0xFFFF_FFFFL));
    }

    public static long f64ConvertI64S(long a) {
        return bits((double) a);
    }

    /** Correctly rounded; see {@link #f32ConvertI64U(long)}. */
    public static long f64ConvertI64U(long a) {
        if (a >= 0) {
            return bits((double) a);
        }
        return bits((double) ((a >>> 1) | (a & 1)) * 2.0);
    }

    // ---- float to float (spec demote, promote) ----

    /**
     * {@code f32.demote_f64}: correctly rounded (a single rounding: Java's {@code (float)} cast). A NaN keeps its
     * sign and the top 23 bits of its payload, with the quiet bit set, so a canonical NaN stays canonical.
     */
    public static int f32DemoteF64(long a) {
        if (F64Ops.isNaN(a)) {
            return ((int) (a >>> 32) & F32Ops.SIGN) | F32Ops.CANONICAL_NAN | ((int) (a >>> 29) & 0x7F_FFFF);
        }
        return bits((float) f64(a));
    }

    /**
     * {@code f64.promote_f32}: exact. A NaN keeps its sign and payload (shifted to the top of the wider payload),
     * with the quiet bit set, so a canonical NaN stays canonical.
     */
    public static long f64PromoteF32(int a) {
        if (F32Ops.isNaN(a)) {
            return ((long) (a & F32Ops.SIGN) << 32) | F64Ops.CANONICAL_NAN | ((long) (a & 0x7F_FFFF) << 29);
        }
        return bits((double) Float.intBitsToFloat(a));
    }

    // ---- reinterpret: the same bits (spec reinterpret) ----

    public static int i32ReinterpretF32(int a) {
        return a;
    }

    public static long i64ReinterpretF64(long a) {
        return a;
    }

    public static int f32ReinterpretI32(int a) {
        return a;
    }

    public static long f64ReinterpretI64(long a) {
        return a;
    }
}
