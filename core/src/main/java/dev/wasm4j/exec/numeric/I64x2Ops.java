package dev.wasm4j.exec.numeric;

/**
 * The {@code i64x2.*} instructions (spec 4.3.5, "Vector Operations"), in place on the operand stack as
 * {@link V128Ops} describes. Lane 0 is {@code lo}, lane 1 is {@code hi}.
 */
public final class I64x2Ops {
    private I64x2Ops() {
    }

    // ---- lanes ----

    /** {@code i64x2.splat}: {@code i64 -> v128}. */
    public static void splat(long[] s, int sp) {
        s[sp] = s[sp - 1];
    }

    /** {@code i64x2.extract_lane}: {@code v128 -> i64}. */
    public static void extractLane(long[] s, int sp, int lane) {
        s[sp - 2] = s[sp - 2 + lane];
    }

    /** {@code i64x2.replace_lane}: {@code v128 i64 -> v128}. */
    public static void replaceLane(long[] s, int sp, int lane) {
        s[sp - 3 + lane] = s[sp - 1];
    }

    // ---- comparisons (signed only): all ones where true ----

    public static void eq(long[] s, int sp) {
        s[sp - 4] = s[sp - 4] == s[sp - 2] ? -1 : 0;
        s[sp - 3] = s[sp - 3] == s[sp - 1] ? -1 : 0;
    }

    public static void ne(long[] s, int sp) {
        s[sp - 4] = s[sp - 4] != s[sp - 2] ? -1 : 0;
        s[sp - 3] = s[sp - 3] != s[sp - 1] ? -1 : 0;
    }

    public static void ltS(long[] s, int sp) {
        s[sp - 4] = s[sp - 4] < s[sp - 2] ? -1 : 0;
        s[sp - 3] = s[sp - 3] < s[sp - 1] ? -1 : 0;
    }

    public static void gtS(long[] s, int sp) {
        s[sp - 4] = s[sp - 4] > s[sp - 2] ? -1 : 0;
        s[sp - 3] = s[sp - 3] > s[sp - 1] ? -1 : 0;
    }

    public static void leS(long[] s, int sp) {
        s[sp - 4] = s[sp - 4] <= s[sp - 2] ? -1 : 0;
        s[sp - 3] = s[sp - 3] <= s[sp - 1] ? -1 : 0;
    }

    public static void geS(long[] s, int sp) {
        s[sp - 4] = s[sp - 4] >= s[sp - 2] ? -1 : 0;
        s[sp - 3] = s[sp - 3] >= s[sp - 1] ? -1 : 0;
    }

    // ---- unary ----

    /** {@code i64x2.abs}: {@code abs(MIN_VALUE)} is {@code MIN_VALUE}. */
    public static void abs(long[] s, int sp) {
        s[sp - 2] = Math.abs(s[sp - 2]);
        s[sp - 1] = Math.abs(s[sp - 1]);
    }

    public static void neg(long[] s, int sp) {
        s[sp - 2] = -s[sp - 2];
        s[sp - 1] = -s[sp - 1];
    }

    /** {@code i64x2.all_true}: {@code v128 -> i32}, 1 if no lane is zero. */
    public static void allTrue(long[] s, int sp) {
        s[sp - 2] = s[sp - 2] != 0 && s[sp - 1] != 0 ? 1 : 0;
    }

    /** {@code i64x2.bitmask}: {@code v128 -> i32}, bit {@code i} is the top bit of lane {@code i}. */
    public static void bitmask(long[] s, int sp) {
        s[sp - 2] = (s[sp - 2] >>> 63) | ((s[sp - 1] >>> 63) << 1);
    }

    // ---- widening (spec extend_s, extend_u) ----

    /** {@code i64x2.extend_low_i32x4_s}: unary, i32 lanes 0 and 1 sign-extended. */
    public static void extendLowI32x4S(long[] s, int sp) {
        long v = s[sp - 2];
        s[sp - 2] = (int) v;
        s[sp - 1] = v >> 32;
    }

    public static void extendHighI32x4S(long[] s, int sp) {
        long v = s[sp - 1];
        s[sp - 2] = (int) v;
        s[sp - 1] = v >> 32;
    }

    public static void extendLowI32x4U(long[] s, int sp) {
        long v = s[sp - 2];
        s[sp - 2] = v & 0xFFFF_FFFFL;
        s[sp - 1] = v >>> 32;
    }

    public static void extendHighI32x4U(long[] s, int sp) {
        long v = s[sp - 1];
        s[sp - 2] = v & 0xFFFF_FFFFL;
        s[sp - 1] = v >>> 32;
    }

    /** {@code i64x2.extmul_low_i32x4_s}: binary, products of i32 lanes 0 and 1 sign-extended. */
    public static void extmulLowI32x4S(long[] s, int sp) {
        long a = s[sp - 4];
        long b = s[sp - 2];
        s[sp - 4] = (long) (int) a * (int) b;
        s[sp - 3] = (a >> 32) * (b >> 32);
    }

    public static void extmulHighI32x4S(long[] s, int sp) {
        long a = s[sp - 3];
        long b = s[sp - 1];
        s[sp - 4] = (long) (int) a * (int) b;
        s[sp - 3] = (a >> 32) * (b >> 32);
    }

    public static void extmulLowI32x4U(long[] s, int sp) {
        long a = s[sp - 4];
        long b = s[sp - 2];
        s[sp - 4] = (a & 0xFFFF_FFFFL) * (b & 0xFFFF_FFFFL);
        s[sp - 3] = (a >>> 32) * (b >>> 32);
    }

    public static void extmulHighI32x4U(long[] s, int sp) {
        long a = s[sp - 3];
        long b = s[sp - 1];
        s[sp - 4] = (a & 0xFFFF_FFFFL) * (b & 0xFFFF_FFFFL);
        s[sp - 3] = (a >>> 32) * (b >>> 32);
    }

    // ---- shifts: count modulo 64 ----

    public static void shl(long[] s, int sp) {
        int n = (int) s[sp - 1];
        s[sp - 3] <<= n;
        s[sp - 2] <<= n;
    }

    public static void shrS(long[] s, int sp) {
        int n = (int) s[sp - 1];
        s[sp - 3] >>= n;
        s[sp - 2] >>= n;
    }

    public static void shrU(long[] s, int sp) {
        int n = (int) s[sp - 1];
        s[sp - 3] >>>= n;
        s[sp - 2] >>>= n;
    }

    // ---- arithmetic ----

    public static void add(long[] s, int sp) {
        s[sp - 4] += s[sp - 2];
        s[sp - 3] += s[sp - 1];
    }

    public static void sub(long[] s, int sp) {
        s[sp - 4] -= s[sp - 2];
        s[sp - 3] -= s[sp - 1];
    }

    public static void mul(long[] s, int sp) {
        s[sp - 4] *= s[sp - 2];
        s[sp - 3] *= s[sp - 1];
    }

    /** {@code i64x2.relaxed_laneselect}: as {@link V128Ops#bitselect} (deterministic profile). */
    public static void relaxedLaneselect(long[] s, int sp) {
        V128Ops.bitselect(s, sp);
    }
}
