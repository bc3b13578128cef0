package dev.wasm4j.exec.numeric;

/**
 * The {@code f64} instructions (spec 4.3.3, "Floating-Point Operations", with N = 64). Every value is the
 * raw IEEE 754 binary64 bit pattern in a {@code long}; comparisons return an {@code i32} 1 or 0.
 *
 * <p>Arithmetic is done with Java {@code double}s, which the JVM rounds exactly as IEEE 754 prescribes. A NaN
 * result is then replaced by the NaN wasm4j chooses (see the package description): the first NaN operand
 * made quiet, else the canonical NaN.
 */
public final class F64Ops {
    /** The positive canonical NaN: quiet bit only. */
    public static final long CANONICAL_NAN = 0x7FF8_0000_0000_0000L;
    static final long SIGN = 0x8000_0000_0000_0000L;
    static final long QUIET = 0x0008_0000_0000_0000L;

    private F64Ops() {
    }

    /** True when the bits are a NaN (exponent all ones, payload non-zero). */
    public static boolean isNaN(long a) {
        return (a & ~SIGN) > 0x7FF0_0000_0000_0000L;
    }

    /** The NaN result of a unary operator applied to {@code a} (spec {@code nans_N{z}}). */
    static long nan(long a) {
        return isNaN(a) ? a | QUIET : CANONICAL_NAN;
    }

    /** The NaN result of a binary operator applied to {@code a} and {@code b} (spec {@code nans_N{z1, z2}}). */
    static long nan(long a, long b) {
        if (isNaN(a)) {
            return a | QUIET;
        }
        return isNaN(b) ? b | QUIET : CANONICAL_NAN;
    }

    private static double d(long bits) {
        return Double.longBitsToDouble(bits);
    }

    private static long result(double r, long a, long b) {
        return r != r ? nan(a, b) : Double.doubleToRawLongBits(r);
    }

    private static long result(double r, long a) {
        return r != r ? nan(a) : Double.doubleToRawLongBits(r);
    }

    // ---- sign operators: pure bit operations, NaN payloads untouched ----

    public static long abs(long a) {
        return a & ~SIGN;
    }

    public static long neg(long a) {
        return a ^ SIGN;
    }

    /** {@code f64.copysign}: the magnitude of {@code a} with the sign of {@code b}. */
    public static long copysign(long a, long b) {
        return (a & ~SIGN) | (b & SIGN);
    }

    // ---- rounding to integral ----

    public static long ceil(long a) {
        return isNaN(a) ? a | QUIET : Double.doubleToRawLongBits(Math.ceil(d(a)));
    }

    public static long floor(long a) {
        return isNaN(a) ? a | QUIET : Double.doubleToRawLongBits(Math.floor(d(a)));
    }

    /** {@code f64.trunc}: rounds toward zero, keeping the sign ({@code trunc(-0.5) = -0}). */
    public static long trunc(long a) {
        if (isNaN(a)) {
            return a | QUIET;
        }
        double x = d(a);
        return Double.doubleToRawLongBits(x < 0 ? Math.ceil(x) : Math.floor(x));
    }

    /** {@code f64.nearest}: rounds to the nearest integral value, ties to even ({@code Math.rint}, not {@code round}). */
    public static long nearest(long a) {
        return isNaN(a) ? a | QUIET : Double.doubleToRawLongBits(Math.rint(d(a)));
    }

    public static long sqrt(long a) {
        return result(Math.sqrt(d(a)), a);
    }

    // ---- arithmetic ----

    public static long add(long a, long b) {
        return result(d(a) + d(b), a, b);
    }

    public static long sub(long a, long b) {
        return result(d(a) - d(b), a, b);
    }

    public static long mul(long a, long b) {
        return result(d(a) * d(b), a, b);
    }

    public static long div(long a, long b) {
        return result(d(a) / d(b), a, b);
    }

    /** {@code f64.min}: a NaN operand gives a NaN; {@code -0} is less than {@code +0}. */
    public static long min(long a, long b) {
        double x = d(a);
        double y = d(b);
        if (x < y) {
            return a;
        }
        if (y < x) {
            return b;
        }
        if (x == y) {
            return a | b; // equal values have equal bits, except +0 and -0, whose minimum is -0
        }
        return nan(a, b);
    }

    /** {@code f64.max}: a NaN operand gives a NaN; {@code +0} is greater than {@code -0}. */
    public static long max(long a, long b) {
        double x = d(a);
        double y = d(b);
        if (x > y) {
            return a;
        }
        if (y > x) {
            return b;
        }
        if (x == y) {
            return a & b; // +0 and -0 give +0
        }
        return nan(a, b);
    }

    /** Pseudo-minimum (spec {@code fpmin}, used by {@code f64x2.pmin}): {@code b < a ? b : a}, bits unchanged. */
    public static long pmin(long a, long b) {
        return d(b) < d(a) ? b : a;
    }

    /** Pseudo-maximum (spec {@code fpmax}, used by {@code f64x2.pmax}): {@code a < b ? b : a}, bits unchanged. */
    public static long pmax(long a, long b) {
        return d(a) < d(b) ? b : a;
    }

    // ---- comparisons (IEEE: NaN is unordered, +0 equals -0) ----

    public static int eq(long a, long b) {
        return d(a) == d(b) ? 1 : 0;
    }

    public static int ne(long a, long b) {
        return d(a) != d(b) ? 1 : 0;
    }

    public static int lt(long a, long b) {
        return d(a) < d(b) ? 1 : 0;
    }

    public static int gt(long a, long b) {
        return d(a) > d(b) ? 1 : 0;
    }

    public static int le(long a, long b) {
        return d(a) <= d(b) ? 1 : 0;
    }

    public static int ge(long a, long b) {
        return d(a) >= d(b) ? 1 : 0;
    }
}
