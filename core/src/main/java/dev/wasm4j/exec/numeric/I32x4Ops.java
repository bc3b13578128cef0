package dev.wasm4j.exec.numeric;

import static dev.wasm4j.exec.numeric.Lanes.pack;

/**
 * The {@code i32x4.*} instructions (spec 4.3.5, "Vector Operations"), in place on the operand stack as
 * {@link V128Ops} describes. Lane 0 is the low half of {@code lo}, lane 1 its high half, lanes 2 and 3 the
 * halves of {@code hi}.
 */
public final class I32x4Ops {
    private I32x4Ops() {
    }

    // ---- lanes ----

    /** {@code i32x4.splat}: {@code i32 -> v128}. */
    public static void splat(long[] s, int sp) {
        int x = (int) s[sp - 1];
        long v = pack(x, x);
        s[sp - 1] = v;
        s[sp] = v;
    }

    /** {@code i32x4.extract_lane}: {@code v128 -> i32}. */
    public static void extractLane(long[] s, int sp, int lane) {
        s[sp - 2] = (int) (s[sp - 2 + (lane >>> 1)] >>> ((lane & 1) * 32));
    }

    /** {@code i32x4.replace_lane}: {@code v128 i32 -> v128}. */
    public static void replaceLane(long[] s, int sp, int lane) {
        int i = sp - 3 + (lane >>> 1);
        int shift = (lane & 1) * 32;
        s[i] = (s[i] & ~(0xFFFF_FFFFL << shift)) | ((s[sp - 1] & 0xFFFF_FFFFL) << shift);
    }

    // ---- comparisons: all ones where true ----

    private static void compare(long[] s, int sp, int op) {
        for (int h = 0; h < 2; h++) {
            long a = s[sp - 4 + h];
            long b = s[sp - 2 + h];
            int lo = Lanes.holds(op, (int) a, (int) b) ? -1 : 0;
            int hi = Lanes.holds(op, (int) (a >>> 32), (int) (b >>> 32)) ? -1 : 0;
            s[sp - 4 + h] = pack(lo, hi);
        }
    }

    public static void eq(long[] s, int sp) {
        compare(s, sp, Lanes.EQ);
    }

    public static void ne(long[] s, int sp) {
        compare(s, sp, Lanes.NE);
    }

    public static void ltS(long[] s, int sp) {
        compare(s, sp, Lanes.LT_S);
    }

    public static void ltU(long[] s, int sp) {
        compare(s, sp, Lanes.LT_U);
    }

    public static void gtS(long[] s, int sp) {
        compare(s, sp, Lanes.GT_S);
    }

    public static void gtU(long[] s, int sp) {
        compare(s, sp, Lanes.GT_U);
    }

    public static void leS(long[] s, int sp) {
        compare(s, sp, Lanes.LE_S);
    }

    public static void leU(long[] s, int sp) {
        compare(s, sp, Lanes.LE_U);
    }

    public static void geS(long[] s, int sp) {
        compare(s, sp, Lanes.GE_S);
    }

    public static void geU(long[] s, int sp) {
        compare(s, sp, Lanes.GE_U);
    }

    // ---- unary ----

    /** {@code i32x4.abs}: {@code abs(MIN_VALUE)} is {@code MIN_VALUE}. */
    public static void abs(long[] s, int sp) {
        for (int h = sp - 2; h < sp; h++) {
            long v = s[h];
            s[h] = pack(Math.abs((int) v), Math.abs((int) (v >>> 32)));
        }
    }

    public static void neg(long[] s, int sp) {
        for (int h = sp - 2; h < sp; h++) {
            long v = s[h];
            s[h] = pack(-(int) v, -(int) (v >>> 32));
        }
    }

    /** {@code i32x4.all_true}: {@code v128 -> i32}, 1 if no lane is zero. */
    public static void allTrue(long[] s, int sp) {
        long lo = s[sp - 2];
        long hi = s[sp - 1];
        s[sp - 2] = (int) lo != 0 && (lo >>> 32) != 0 && (int) hi != 0 && (hi >>> 32) != 0 ? 1 : 0;
    }

    /** {@code i32x4.bitmask}: {@code v128 -> i32}, bit {@code i} is the top bit of lane {@code i}. */
    public static void bitmask(long[] s, int sp) {
        long top = 0x8000_0000_8000_0000L;
        s[sp - 2] = Long.compress(s[sp - 2], top) | (Long.compress(s[sp - 1], top) << 2);
    }

    /** {@code i32x4.extadd_pairwise_i16x8_s}: unary, lane {@code i} = a[2i] + a[2i+1], i16 lanes sign-extended. */
    public static void extaddPairwiseI16x8S(long[] s, int sp) {
        for (int h = sp - 2; h < sp; h++) {
            long v = s[h];
            s[h] = pack((short) v + (short) (v >>> 16), (short) (v >>> 32) + (short) (v >>> 48));
        }
    }

    /** {@code i32x4.extadd_pairwise_i16x8_u}: unary, i16 lanes zero-extended. */
    public static void extaddPairwiseI16x8U(long[] s, int sp) {
        for (int h = sp - 2; h < sp; h++) {
            long v = s[h];
            s[h] = (v & 0x0000_FFFF_0000_FFFFL) + ((v >>> 16) & 0x0000_FFFF_0000_FFFFL); // at most 0x1FFFE per lane
        }
    }

    // ---- widening (spec extend_s, extend_u) ----

    /** {@code i32x4.extend_low_i16x8_s}: unary, i16 lanes 0..3 sign-extended. */
    public static void extendLowI16x8S(long[] s, int sp) {
        extend(s, sp, s[sp - 2], true);
    }

    public static void extendHighI16x8S(long[] s, int sp) {
        extend(s, sp, s[sp - 1], true);
    }

    public static void extendLowI16x8U(long[] s, int sp) {
        extend(s, sp, s[sp - 2], false);
    }

    public static void extendHighI16x8U(long[] s, int sp) {
        extend(s, sp, s[sp - 1], false);
    }

    private static void extend(long[] s, int sp, long v, boolean signed) {
        s[sp - 2] = pack(lane16(v, 0, signed), lane16(v, 1, signed));
        s[sp - 1] = pack(lane16(v, 2, signed), lane16(v, 3, signed));
    }

    private static int lane16(long v, int i, boolean signed) {
        int x = (int) (v >>> (16 * i));
        return signed ? (short) x : x & 0xFFFF;
    }

    /** {@code i32x4.extmul_low_i16x8_s}: binary, products of i16 lanes 0..3 sign-extended (wrapping i32). */
    public static void extmulLowI16x8S(long[] s, int sp) {
        extmul(s, sp, s[sp - 4], s[sp - 2], true);
    }

    public static void extmulHighI16x8S(long[] s, int sp) {
        extmul(s, sp, s[sp - 3], s[sp - 1], true);
    }

    public static void extmulLowI16x8U(long[] s, int sp) {
        extmul(s, sp, s[sp - 4], s[sp - 2], false);
    }

    public static void extmulHighI16x8U(long[] s, int sp) {
        extmul(s, sp, s[sp - 3], s[sp - 1], false);
    }

    private static void extmul(long[] s, int sp, long a, long b, boolean signed) {
        s[sp - 4] = pack(lane16(a, 0, signed) * lane16(b, 0, signed), lane16(a, 1, signed) * lane16(b, 1, signed));
        s[sp - 3] = pack(lane16(a, 2, signed) * lane16(b, 2, signed), lane16(a, 3, signed) * lane16(b, 3, signed));
    }

    /** {@code i32x4.dot_i16x8_s}: binary, lane {@code i} = a[2i]*b[2i] + a[2i+1]*b[2i+1], signed, wrapping. */
    public static void dotI16x8S(long[] s, int sp) {
        for (int h = 0; h < 2; h++) {
            long a = s[sp - 4 + h];
            long b = s[sp - 2 + h];
            int lo = lane16(a, 0, true) * lane16(b, 0, true) + lane16(a, 1, true) * lane16(b, 1, true);
            int hi = lane16(a, 2, true) * lane16(b, 2, true) + lane16(a, 3, true) * lane16(b, 3, true);
            s[sp - 4 + h] = pack(lo, hi);
        }
    }

    /**
     * {@code i32x4.relaxed_dot_i8x16_i7x16_add_s}: ternary, {@code i16x8.relaxed_dot_i8x16_i7x16_s} of a and b,
     * then {@code extadd_pairwise_s}, plus c (spec 4.3.5). Deterministic profile: b is signed and the i16 pair
     * sums saturate.
     */
    public static void relaxedDotI8x16I7x16AddS(long[] s, int sp) {
        for (int h = 0; h < 2; h++) {
            long a = s[sp - 6 + h];
            long b = s[sp - 4 + h];
            long c = s[sp - 2 + h];
            int lo = dot4(a, b, 0) + (int) c;
            int hi = dot4(a, b, 32) + (int) (c >>> 32);
            s[sp - 6 + h] = pack(lo, hi);
        }
    }

    /** The sum of the two saturated i16 pair sums of the four signed byte products at bit {@code at}. */
    private static int dot4(long a, long b, int at) {
        int sum = 0;
        for (int pair = at; pair < at + 32; pair += 16) {
            int p = (byte) (a >>> pair) * (byte) (b >>> pair) + (byte) (a >>> (pair + 8)) * (byte) (b >>> (pair + 8));
            sum += Lanes.satS16(p);
        }
        return sum;
    }

    // ---- shifts: count modulo 32 ----

    public static void shl(long[] s, int sp) {
        int n = (int) s[sp - 1];
        for (int h = sp - 3; h < sp - 1; h++) {
            long v = s[h];
            s[h] = pack((int) v << n, (int) (v >>> 32) << n);
        }
    }

    public static void shrS(long[] s, int sp) {
        int n = (int) s[sp - 1];
        for (int h = sp - 3; h < sp - 1; h++) {
            long v = s[h];
            s[h] = pack((int) v >> n, (int) (v >>> 32) >> n);
        }
    }

    public static void shrU(long[] s, int sp) {
        int n = (int) s[sp - 1];
        for (int h = sp - 3; h < sp - 1; h++) {
            long v = s[h];
            s[h] = pack((int) v >>> n, (int) (v >>> 32) >>> n);
        }
    }

    // ---- arithmetic ----

    private static final int ADD = 0;
    private static final int SUB = 1;
    private static final int MUL = 2;
    private static final int MIN_S = 3;
    private static final int MIN_U = 4;
    private static final int MAX_S = 5;
    private static final int MAX_U = 6;

    private static void lanewise(long[] s, int sp, int op) {
        for (int h = 0; h < 2; h++) {
            long a = s[sp - 4 + h];
            long b = s[sp - 2 + h];
            s[sp - 4 + h] = pack(lane(op, (int) a, (int) b), lane(op, (int) (a >>> 32), (int) (b >>> 32)));
        }
    }

    private static int lane(int op, int x, int y) {
        return switch (op) {
            case ADD -> x + y;
            case SUB -> x - y;
            case MUL -> x * y;
            case MIN_S -> Math.min(x, y);
            case MIN_U -> Integer.compareUnsigned(x, y) <= 0 ? x : y;
            case MAX_S -> Math.max(x, y);
            case MAX_U -> Integer.compareUnsigned(x, y) >= 0 ? x : y;
            default -> throw new IllegalArgumentException("lane operator " + op);
        };
    }

    public static void add(long[] s, int sp) {
        lanewise(s, sp, ADD);
    }

    public static void sub(long[] s, int sp) {
        lanewise(s, sp, SUB);
    }

    public static void mul(long[] s, int sp) {
        lanewise(s, sp, MUL);
    }

    public static void minS(long[] s, int sp) {
        lanewise(s, sp, MIN_S);
    }

    public static void minU(long[] s, int sp) {
        lanewise(s, sp, MIN_U);
    }

    public static void maxS(long[] s, int sp) {
        lanewise(s, sp, MAX_S);
    }

    public static void maxU(long[] s, int sp) {
        lanewise(s, sp, MAX_U);
    }

    // ---- float to int (spec trunc_sat_s, trunc_sat_u) ----

    /** {@code i32x4.trunc_sat_f32x4_s}: unary, each f32 lane truncated with signed saturation (NaN to 0). */
    public static void truncSatF32x4S(long[] s, int sp) {
        for (int h = sp - 2; h < sp; h++) {
            long v = s[h];
            s[h] = pack(Conversions.i32TruncSatF32S((int) v), Conversions.i32TruncSatF32S((int) (v >>> 32)));
        }
    }

    /** {@code i32x4.trunc_sat_f32x4_u}: unary, unsigned saturation. */
    public static void truncSatF32x4U(long[] s, int sp) {
        for (int h = sp - 2; h < sp; h++) {
            long v = s[h];
            s[h] = pack(Conversions.i32TruncSatF32U((int) v), Conversions.i32TruncSatF32U((int) (v >>> 32)));
        }
    }

    /** {@code i32x4.trunc_sat_f64x2_s_zero}: unary, the two f64 lanes into i32 lanes 0 and 1; lanes 2, 3 are 0. */
    public static void truncSatF64x2SZero(long[] s, int sp) {
        s[sp - 2] = pack(Conversions.i32TruncSatF64S(s[sp - 2]), Conversions.i32TruncSatF64S(s[sp - 1]));
        s[sp - 1] = 0;
    }

    /** {@code i32x4.trunc_sat_f64x2_u_zero}: as {@link #truncSatF64x2SZero}, unsigned. */
    public static void truncSatF64x2UZero(long[] s, int sp) {
        s[sp - 2] = pack(Conversions.i32TruncSatF64U(s[sp - 2]), Conversions.i32TruncSatF64U(s[sp - 1]));
        s[sp - 1] = 0;
    }

    /** {@code i32x4.relaxed_trunc_f32x4_s}: as {@link #truncSatF32x4S} (deterministic profile). */
    public static void relaxedTruncF32x4S(long[] s, int sp) {
        truncSatF32x4S(s, sp);
    }

    /** {@code i32x4.relaxed_trunc_f32x4_u}: as {@link #truncSatF32x4U} (deterministic profile). */
    public static void relaxedTruncF32x4U(long[] s, int sp) {
        truncSatF32x4U(s, sp);
    }

    /** {@code i32x4.relaxed_trunc_f64x2_s_zero}: as {@link #truncSatF64x2SZero} (deterministic profile). */
    public static void relaxedTruncF64x2SZero(long[] s, int sp) {
        truncSatF64x2SZero(s, sp);
    }

    /** {@code i32x4.relaxed_trunc_f64x2_u_zero}: as {@link #truncSatF64x2UZero} (deterministic profile). */
    public static void relaxedTruncF64x2UZero(long[] s, int sp) {
        truncSatF64x2UZero(s, sp);
    }

    /** {@code i32x4.relaxed_laneselect}: as {@link V128Ops#bitselect} (deterministic profile). */
    public static void relaxedLaneselect(long[] s, int sp) {
        V128Ops.bitselect(s, sp);
    }
}
