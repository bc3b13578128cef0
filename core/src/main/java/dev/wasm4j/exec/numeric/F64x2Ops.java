package dev.wasm4j.exec.numeric;

/**
 * The {@code f64x2.*} instructions (spec 4.3.5, "Vector Operations": the scalar operators of {@link F64Ops}
 * lane by lane), in place on the operand stack as {@link V128Ops} describes. Lane 0 is {@code lo}, lane 1 is
 * {@code hi}; each lane is f64 bits.
 */
public final class F64x2Ops {
    private F64x2Ops() {
    }

    // ---- lanes ----

    /** {@code f64x2.splat}: {@code f64 -> v128}. */
    public static void splat(long[] s, int sp) {
        s[sp] = s[sp - 1];
    }

    /** {@code f64x2.extract_lane}: {@code v128 -> f64}, bits unchanged. */
    public static void extractLane(long[] s, int sp, int lane) {
        s[sp - 2] = s[sp - 2 + lane];
    }

    /** {@code f64x2.replace_lane}: {@code v128 f64 -> v128}. */
    public static void replaceLane(long[] s, int sp, int lane) {
        s[sp - 3 + lane] = s[sp - 1];
    }

    // ---- comparisons: all ones where true ----

    public static void eq(long[] s, int sp) {
        s[sp - 4] = -F64Ops.eq(s[sp - 4], s[sp - 2]);
        s[sp - 3] = -F64Ops.eq(s[sp - 3], s[sp - 1]);
    }

    public static void ne(long[] s, int sp) {
        s[sp - 4] = -F64Ops.ne(s[sp - 4], s[sp - 2]);
        s[sp - 3] = -F64Ops.ne(s[sp - 3], s[sp - 1]);
    }

    public static void lt(long[] s, int sp) {
        s[sp - 4] = -F64Ops.lt(s[sp - 4], s[sp - 2]);
        s[sp - 3] = -F64Ops.lt(s[sp - 3], s[sp - 1]);
    }

    public static void gt(long[] s, int sp) {
        s[sp - 4] = -F64Ops.gt(s[sp - 4], s[sp - 2]);
        s[sp - 3] = -F64Ops.gt(s[sp - 3], s[sp - 1]);
    }

    public static void le(long[] s, int sp) {
        s[sp - 4] = -F64Ops.le(s[sp - 4], s[sp - 2]);
        s[sp - 3] = -F64Ops.le(s[sp - 3], s[sp - 1]);
    }

    public static void ge(long[] s, int sp) {
        s[sp - 4] = -F64Ops.ge(s[sp - 4], s[sp - 2]);
        s[sp - 3] = -F64Ops.ge(s[sp - 3], s[sp - 1]);
    }

    // ---- unary ----

    public static void abs(long[] s, int sp) {
        s[sp - 2] = F64Ops.abs(s[sp - 2]);
        s[sp - 1] = F64Ops.abs(s[sp - 1]);
    }

    public static void neg(long[] s, int sp) {
        s[sp - 2] = F64Ops.neg(s[sp - 2]);
        s[sp - 1] = F64Ops.neg(s[sp - 1]);
    }

    public static void sqrt(long[] s, int sp) {
        s[sp - 2] = F64Ops.sqrt(s[sp - 2]);
        s[sp - 1] = F64Ops.sqrt(s[sp - 1]);
    }

    public static void ceil(long[] s, int sp) {
        s[sp - 2] = F64Ops.ceil(s[sp - 2]);
        s[sp - 1] = F64Ops.ceil(s[sp - 1]);
    }

    public static void floor(long[] s, int sp) {
        s[sp - 2] = F64Ops.floor(s[sp - 2]);
        s[sp - 1] = F64Ops.floor(s[sp - 1]);
    }

    public static void trunc(long[] s, int sp) {
        s[sp - 2] = F64Ops.trunc(s[sp - 2]);
        s[sp - 1] = F64Ops.trunc(s[sp - 1]);
    }

    public static void nearest(long[] s, int sp) {
        s[sp - 2] = F64Ops.nearest(s[sp - 2]);
        s[sp - 1] = F64Ops.nearest(s[sp - 1]);
    }

    /** {@code f64x2.promote_low_f32x4}: unary, f32 lanes 0 and 1 promoted. */
    public static void promoteLowF32x4(long[] s, int sp) {
        long v = s[sp - 2];
        s[sp - 2] = Conversions.f64PromoteF32((int) v);
        s[sp - 1] = Conversions.f64PromoteF32((int) (v >>> 32));
    }

    /** {@code f64x2.convert_low_i32x4_s}: unary, signed i32 lanes 0 and 1 converted (exactly). */
    public static void convertLowI32x4S(long[] s, int sp) {
        long v = s[sp - 2];
        s[sp - 2] = Conversions.f64ConvertI32S((int) v);
        s[sp - 1] = Conversions.f64ConvertI32S((int) (v >>> 32));
    }

    /** {@code f64x2.convert_low_i32x4_u}: unary, unsigned i32 lanes 0 and 1 converted (exactly). */
    public static void convertLowI32x4U(long[] s, int sp) {
        long v = s[sp - 2];
        s[sp - 2] = Conversions.f64ConvertI32U((int) v);
        s[sp - 1] = Conversions.f64ConvertI32U((int) (v >>> 32));
    }

    // ---- binary ----

    public static void add(long[] s, int sp) {
        s[sp - 4] = F64Ops.add(s[sp - 4], s[sp - 2]);
        s[sp - 3] = F64Ops.add(s[sp - 3], s[sp - 1]);
    }

    public static void sub(long[] s, int sp) {
        s[sp - 4] = F64Ops.sub(s[sp - 4], s[sp - 2]);
        s[sp - 3] = F64Ops.sub(s[sp - 3], s[sp - 1]);
    }

    public static void mul(long[] s, int sp) {
        s[sp - 4] = F64Ops.mul(s[sp - 4], s[sp - 2]);
        s[sp - 3] = F64Ops.mul(s[sp - 3], s[sp - 1]);
    }

    public static void div(long[] s, int sp) {
        s[sp - 4] = F64Ops.div(s[sp - 4], s[sp - 2]);
        s[sp - 3] = F64Ops.div(s[sp - 3], s[sp - 1]);
    }

    public static void min(long[] s, int sp) {
        s[sp - 4] = F64Ops.min(s[sp - 4], s[sp - 2]);
        s[sp - 3] = F64Ops.min(s[sp - 3], s[sp - 1]);
    }

    public static void max(long[] s, int sp) {
        s[sp - 4] = F64Ops.max(s[sp - 4], s[sp - 2]);
        s[sp - 3] = F64Ops.max(s[sp - 3], s[sp - 1]);
    }

    /** {@code f64x2.pmin}: {@code b < a ? b : a} per lane, bits unchanged (spec fpmin). */
    public static void pmin(long[] s, int sp) {
        s[sp - 4] = F64Ops.pmin(s[sp - 4], s[sp - 2]);
        s[sp - 3] = F64Ops.pmin(s[sp - 3], s[sp - 1]);
    }

    /** {@code f64x2.pmax}: {@code a < b ? b : a} per lane, bits unchanged (spec fpmax). */
    public static void pmax(long[] s, int sp) {
        s[sp - 4] = F64Ops.pmax(s[sp - 4], s[sp - 2]);
        s[sp - 3] = F64Ops.pmax(s[sp - 3], s[sp - 1]);
    }

    /** {@code f64x2.relaxed_min}: as {@link #min} (deterministic profile). */
    public static void relaxedMin(long[] s, int sp) {
        min(s, sp);
    }

    /** {@code f64x2.relaxed_max}: as {@link #max} (deterministic profile). */
    public static void relaxedMax(long[] s, int sp) {
        max(s, sp);
    }

    // ---- ternary ----

    /**
     * {@code f64x2.relaxed_madd}: ternary, {@code a * b + c} per lane. Deterministic profile: unfused, two
     * roundings ({@code fadd(fmul(a, b), c)}).
     */
    public static void relaxedMadd(long[] s, int sp) {
        s[sp - 6] = F64Ops.add(F64Ops.mul(s[sp - 6], s[sp - 4]), s[sp - 2]);
        s[sp - 5] = F64Ops.add(F64Ops.mul(s[sp - 5], s[sp - 3]), s[sp - 1]);
    }

    /** {@code f64x2.relaxed_nmadd}: ternary, {@code -(a * b) + c} per lane, computed as {@code relaxed_madd(-a, b, c)}. */
    public static void relaxedNmadd(long[] s, int sp) {
        s[sp - 6] = F64Ops.add(F64Ops.mul(F64Ops.neg(s[sp - 6]), s[sp - 4]), s[sp - 2]);
        s[sp - 5] = F64Ops.add(F64Ops.mul(F64Ops.neg(s[sp - 5]), s[sp - 3]), s[sp - 1]);
    }
}
