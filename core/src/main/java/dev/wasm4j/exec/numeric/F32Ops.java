package dev.wasm4j.exec.numeric;

/**
 * The {@code f32} instructions (spec 4.3.3, "Floating-Point Operations", with N = 32). Every value is the
 * raw IEEE 754 binary32 bit pattern in an {@code int}; comparisons return an {@code i32} 1 or 0.
 *
 * <p>Arithmetic is done with Java {@code float}s, which the JVM rounds exactly as IEEE 754 prescribes
 * (round to nearest, ties to even, subnormals kept). A NaN result is then replaced by the NaN wasm4j chooses
 * (see the package description): the first NaN operand made quiet, else the canonical NaN. That makes the
 * result independent of how the JVM and the hardware treat signalling NaNs and payloads.
 */
public final class F32Ops {
    /** The positive canonical NaN: quiet bit only. */
    public static final int CANONICAL_NAN = 0x7FC0_0000;
    static final int SIGN = 0x8000_0000;
    static final int QUIET = 0x0040_0000;

    private F32Ops() {
    }

    /** True when the bits are a NaN (exponent all ones, payload non-zero). */
    public static boolean isNaN(int a) {
        return (a & ~SIGN) > 0x7F80_0000;
    }

    /** The NaN result of a unary operator applied to {@code a} (spec {@code nans_N{z}}). */
    static int nan(int a) {
        return isNaN(a) ? a | QUIET : CANONICAL_NAN;
    }

    /** The NaN result of a binary operator applied to {@code a} and {@code b} (spec {@code nans_N{z1, z2}}). */
    static int nan(int a, int b) {
        if (isNaN(a)) {
            return a | QUIET;
        }
        return isNaN(b) ? b | QUIET : CANONICAL_NAN;
    }

    private static float f(int bits) {
        return Float.intBitsToFloat(bits);
    }

    /** The bits of an arithmetic result, with a NaN replaced by {@code nans{a, b}}. */
    private static int result(float r, int a, int b) {
        return r != r ? nan(a, b) : Float.floatToRawIntBits(r);
    }

    private static int result(float r, int a) {
        return r != r ? nan(a) : Float.floatToRawIntBits(r);
    }

    // ---- sign operators: pure bit operations, NaN payloads untouched (spec fabs, fneg, fcopysign) ----

    public static int abs(int a) {
        return a & ~SIGN;
    }

    public static int neg(int a) {
        return a ^ SIGN;
    }

    /** {@code f32.copysign}: the magnitude of {@code a} with the sign of {@code b}. */
    public static int copysign(int a, int b) {
        return (a & ~SIGN) | (b & SIGN);
    }

    // ---- rounding to integral (exact: every f32 is a double, and an integral f32 result is exact) ----

    public static int ceil(int a) {
        return isNaN(a) ? a | QUIET : Float.floatToRawIntBits((float) Math.ceil(f(a)));
    }

    public static int floor(int a) {
        return isNaN(a) ? a | QUIET : Float.floatToRawIntBits((float) Math.floor(f(a)));
    }

    /** {@code f32.trunc}: rounds toward zero, keeping the sign ({@code trunc(-0.5) = -0}). */
    public static int trunc(int a) {
        if (isNaN(a)) {
            return a | QUIET;
        }
        double d = f(a);
        return Float.floatToRawIntBits((float) (d < 0 ? Math.ceil(d) : Math.floor(d)));
    }

    /** {@code f32.nearest}: rounds to the nearest integral value, ties to even ({@code Math.rint}, not {@code round}). */
    public static int nearest(int a) {
        return isNaN(a) ? a | QUIET : Float.floatToRawIntBits((float) Math.rint(f(a)));
    }

    /**
     * {@code f32.sqrt}, correctly rounded: the double square root of a float rounded to float is the
     * correctly rounded float square root (53 >= 2 * 24 + 2, so the double rounding is innocuous).
     */
    public static int sqrt(int a) {
        return result((float) Math.sqrt(f(a)), a);
    }

    // ---- arithmetic ----

    public static int add(int a, int b) {
        return result(f(a) + f(b), a, b);
    }

    public static int sub(int a, int b) {
        return result(f(a) - f(b), a, b);
    }

    public static int mul(int a, int b) {
        return result(f(a) * f(b), a, b);
    }

    public static int div(int a, int b) {
        return result(f(a) / f(b), a, b);
    }

    /** {@code f32.min}: a NaN operand gives a NaN; {@code -0} is less than {@code +0}. */
    public static int min(int a, int b) {
        float x = f(a);
        float y = f(b);
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

    /** {@code f32.max}: a NaN operand gives a NaN; {@code +0} is greater than {@code -0}. */
    public static int max(int a, int b) {
        float x = f(a);
        float y = f(b);
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

    /** Pseudo-minimum (spec {@code fpmin}, used by {@code f32x4.pmin}): {@code b < a ? b : a}, bits unchanged. */
    public static int pmin(int a, int b) {
        return f(b) < f(a) ? b : a;
    }

    /** Pseudo-maximum (spec {@code fpmax}, used by {@code f32x4.pmax}): {@code a < b ? b : a}, bits unchanged. */
    public static int pmax(int a, int b) {
        return f(a) < f(b) ? b : a;
    }

    // ---- comparisons (IEEE: NaN is unordered, +0 equals -0) ----

    public static int eq(int a, int b) {
        return f(a) == f(b) ? 1 : 0;
    }

    public static int ne(int a, int b) {
        return f(a) != f(b) ? 1 : 0;
    }

    public static int lt(int a, int b) {
        return f(a) < f(b) ? 1 : 0;
    }

    public static int gt(int a, int b) {
        return f(a) > f(b) ? 1 : 0;
    }

    public static int le(int a, int b) {
        return f(a) <= f(b) ? 1 : 0;
    }

    public static int ge(int a, int b) {
        return f(a) >= f(b) ? 1 : 0;
    }
}
