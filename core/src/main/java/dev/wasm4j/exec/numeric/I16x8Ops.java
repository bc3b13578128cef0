package dev.wasm4j.exec.numeric;

import static dev.wasm4j.exec.numeric.Lanes.satS16;
import static dev.wasm4j.exec.numeric.Lanes.satU16;

/**
 * The {@code i16x8.*} instructions (spec 4.3.5, "Vector Operations"), in place on the operand stack as
 * {@link V128Ops} describes. Lanes 0..3 are the four 16-bit fields of {@code lo}, low bits first; lanes 4..7
 * those of {@code hi}.
 */
public final class I16x8Ops {
    /** The top bit of every lane. */
    private static final long H = 0x8000_8000_8000_8000L;
    /** The low bit of every lane; multiplying a lane value by it copies it to every lane. */
    private static final long L = 0x0001_0001_0001_0001L;

    private I16x8Ops() {
    }

    // ---- lanes ----

    /** {@code i16x8.splat}: {@code i32 -> v128}, the low 16 bits in every lane. */
    public static void splat(long[] s, int sp) {
        long v = (s[sp - 1] & 0xFFFF) * L;
        s[sp - 1] = v;
        s[sp] = v;
    }

    /** {@code i16x8.extract_lane_s}: {@code v128 -> i32}, sign-extended. */
    public static void extractLaneS(long[] s, int sp, int lane) {
        s[sp - 2] = (short) (s[sp - 2 + (lane >>> 2)] >>> ((lane & 3) * 16));
    }

    /** {@code i16x8.extract_lane_u}: {@code v128 -> i32}, zero-extended. */
    public static void extractLaneU(long[] s, int sp, int lane) {
        s[sp - 2] = (s[sp - 2 + (lane >>> 2)] >>> ((lane & 3) * 16)) & 0xFFFF;
    }

    /** {@code i16x8.replace_lane}: {@code v128 i32 -> v128}, the low 16 bits of the i32. */
    public static void replaceLane(long[] s, int sp, int lane) {
        int i = sp - 3 + (lane >>> 2);
        int shift = (lane & 3) * 16;
        s[i] = (s[i] & ~(0xFFFFL << shift)) | ((s[sp - 1] & 0xFFFF) << shift);
    }

    // ---- comparisons: all ones where true ----

    private static void compare(long[] s, int sp, int op) {
        for (int h = 0; h < 2; h++) {
            long a = s[sp - 4 + h];
            long b = s[sp - 2 + h];
            long r = 0;
            for (int i = 0; i < 64; i += 16) {
                if (Lanes.holds(op, (short) (a >>> i), (short) (b >>> i))) {
                    r |= 0xFFFFL << i;
                }
            }
            s[sp - 4 + h] = r;
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

    /** {@code i16x8.abs}: {@code abs(-32768)} is -32768. */
    public static void abs(long[] s, int sp) {
        for (int h = sp - 2; h < sp; h++) {
            long v = s[h];
            long r = 0;
            for (int i = 0; i < 64; i += 16) {
                r |= (Math.abs((short) (v >>> i)) & 0xFFFFL) << i;
            }
            s[h] = r;
        }
    }

    public static void neg(long[] s, int sp) {
        s[sp - 2] = sub(0, s[sp - 2]);
        s[sp - 1] = sub(0, s[sp - 1]);
    }

    /** {@code i16x8.all_true}: {@code v128 -> i32}, 1 if no lane is zero. */
    public static void allTrue(long[] s, int sp) {
        s[sp - 2] = hasZeroLane(s[sp - 2]) || hasZeroLane(s[sp - 1]) ? 0 : 1;
    }

    /** Exact zero-lane test (a borrow can only start at a zero lane). */
    private static boolean hasZeroLane(long v) {
        return ((v - L) & ~v & H) != 0;
    }

    /** {@code i16x8.bitmask}: {@code v128 -> i32}, bit {@code i} is the top bit of lane {@code i}. */
    public static void bitmask(long[] s, int sp) {
        s[sp - 2] = Long.compress(s[sp - 2], H) | (Long.compress(s[sp - 1], H) << 4);
    }

    /** {@code i16x8.extadd_pairwise_i8x16_s}: unary, lane {@code i} = a[2i] + a[2i+1], bytes sign-extended. */
    public static void extaddPairwiseI8x16S(long[] s, int sp) {
        for (int h = sp - 2; h < sp; h++) {
            long v = s[h];
            long r = 0;
            for (int i = 0; i < 4; i++) {
                int sum = (byte) (v >>> (16 * i)) + (byte) (v >>> (16 * i + 8));
                r |= (sum & 0xFFFFL) << (16 * i);
            }
            s[h] = r;
        }
    }

    /** {@code i16x8.extadd_pairwise_i8x16_u}: unary, bytes zero-extended. */
    public static void extaddPairwiseI8x16U(long[] s, int sp) {
        for (int h = sp - 2; h < sp; h++) {
            long v = s[h];
            s[h] = (v & 0x00FF_00FF_00FF_00FFL) + ((v >>> 8) & 0x00FF_00FF_00FF_00FFL); // at most 0x1FE per lane
        }
    }

    // ---- widening: extend and extmul (spec extend_s, extend_u) ----

    /** {@code i16x8.extend_low_i8x16_s}: unary, lanes 0..7 sign-extended. */
    public static void extendLowI8x16S(long[] s, int sp) {
        extend(s, sp, s[sp - 2], true);
    }

    /** {@code i16x8.extend_high_i8x16_s}: unary, lanes 8..15 sign-extended. */
    public static void extendHighI8x16S(long[] s, int sp) {
        extend(s, sp, s[sp - 1], true);
    }

    /** {@code i16x8.extend_low_i8x16_u}: unary, lanes 0..7 zero-extended. */
    public static void extendLowI8x16U(long[] s, int sp) {
        extend(s, sp, s[sp - 2], false);
    }

    /** {@code i16x8.extend_high_i8x16_u}: unary, lanes 8..15 zero-extended. */
    public static void extendHighI8x16U(long[] s, int sp) {
        extend(s, sp, s[sp - 1], false);
    }

    private static void extend(long[] s, int sp, long bytes, boolean signed) {
        s[sp - 2] = widen(bytes, signed);
        s[sp - 1] = widen(bytes >>> 32, signed);
    }

    /** Bytes 0..3 of {@code v} as four i16 lanes. */
    private static long widen(long v, boolean signed) {
        long r = 0;
        for (int i = 0; i < 4; i++) {
            int x = signed ? (byte) (v >>> (8 * i)) : (int) (v >>> (8 * i)) & 0xFF;
            r |= (x & 0xFFFFL) << (16 * i);
        }
        return r;
    }

    /** {@code i16x8.extmul_low_i8x16_s}: binary, the products of lanes 0..7 sign-extended. */
    public static void extmulLowI8x16S(long[] s, int sp) {
        extmul(s, sp, s[sp - 4], s[sp - 2], true);
    }

    public static void extmulHighI8x16S(long[] s, int sp) {
        extmul(s, sp, s[sp - 3], s[sp - 1], true);
    }

    public static void extmulLowI8x16U(long[] s, int sp) {
        extmul(s, sp, s[sp - 4], s[sp - 2], false);
    }

    public static void extmulHighI8x16U(long[] s, int sp) {
        extmul(s, sp, s[sp - 3], s[sp - 1], false);
    }

    private static void extmul(long[] s, int sp, long a, long b, boolean signed) {
        s[sp - 4] = mul(widen(a, signed), widen(b, signed));
        s[sp - 3] = mul(widen(a >>> 32, signed), widen(b >>> 32, signed));
    }

    // ---- narrowing (spec narrow_s, narrow_u): lanes 0..3 from a, 4..7 from b ----

    /** {@code i16x8.narrow_i32x4_s}: binary, each i32 lane saturated to a signed i16. */
    public static void narrowI32x4S(long[] s, int sp) {
        long a = narrowHalf(s[sp - 4], s[sp - 3], true);
        s[sp - 3] = narrowHalf(s[sp - 2], s[sp - 1], true);
        s[sp - 4] = a;
    }

    /** {@code i16x8.narrow_i32x4_u}: binary, each signed i32 lane saturated to an unsigned i16. */
    public static void narrowI32x4U(long[] s, int sp) {
        long a = narrowHalf(s[sp - 4], s[sp - 3], false);
        s[sp - 3] = narrowHalf(s[sp - 2], s[sp - 1], false);
        s[sp - 4] = a;
    }

    private static long narrowHalf(long lo, long hi, boolean signed) {
        long r = 0;
        for (int i = 0; i < 4; i++) {
            int x = (int) ((i < 2 ? lo : hi) >>> ((i & 1) * 32));
            r |= ((signed ? satS16(x) : satU16(x)) & 0xFFFFL) << (i * 16);
        }
        return r;
    }

    // ---- shifts: count modulo 16 ----

    public static void shl(long[] s, int sp) {
        int n = (int) s[sp - 1] & 15;
        long keep = ((0xFFFF << n) & 0xFFFF) * L;
        s[sp - 3] = (s[sp - 3] << n) & keep;
        s[sp - 2] = (s[sp - 2] << n) & keep;
    }

    public static void shrU(long[] s, int sp) {
        int n = (int) s[sp - 1] & 15;
        long keep = (0xFFFF >>> n) * L;
        s[sp - 3] = (s[sp - 3] >>> n) & keep;
        s[sp - 2] = (s[sp - 2] >>> n) & keep;
    }

    public static void shrS(long[] s, int sp) {
        int n = (int) s[sp - 1] & 15;
        for (int h = sp - 3; h < sp - 1; h++) {
            long v = s[h];
            long r = 0;
            for (int i = 0; i < 64; i += 16) {
                r |= (((short) (v >>> i) >> n) & 0xFFFFL) << i;
            }
            s[h] = r;
        }
    }

    // ---- arithmetic ----

    private static long add(long a, long b) {
        return ((a & ~H) + (b & ~H)) ^ ((a ^ b) & H);
    }

    private static long sub(long a, long b) {
        return ((a | H) - (b & ~H)) ^ ((a ^ ~b) & H);
    }

    private static long mul(long a, long b) {
        long r = 0;
        for (int i = 0; i < 64; i += 16) {
            r |= (((a >>> i) * (b >>> i)) & 0xFFFFL) << i; // the low 16 bits of a product need only the low 16 bits
        }
        return r;
    }

    public static void add(long[] s, int sp) {
        s[sp - 4] = add(s[sp - 4], s[sp - 2]);
        s[sp - 3] = add(s[sp - 3], s[sp - 1]);
    }

    public static void sub(long[] s, int sp) {
        s[sp - 4] = sub(s[sp - 4], s[sp - 2]);
        s[sp - 3] = sub(s[sp - 3], s[sp - 1]);
    }

    public static void mul(long[] s, int sp) {
        s[sp - 4] = mul(s[sp - 4], s[sp - 2]);
        s[sp - 3] = mul(s[sp - 3], s[sp - 1]);
    }

    private static final int ADD_SAT_S = 0;
    private static final int ADD_SAT_U = 1;
    private static final int SUB_SAT_S = 2;
    private static final int SUB_SAT_U = 3;
    private static final int MIN_S = 4;
    private static final int MIN_U = 5;
    private static final int MAX_S = 6;
    private static final int MAX_U = 7;
    private static final int AVGR_U = 8;
    private static final int Q15MULR_SAT_S = 9;
    private static final int DOT_SAT_S = 10;

    private static void lanewise(long[] s, int sp, int op) {
        for (int h = 0; h < 2; h++) {
            long a = s[sp - 4 + h];
            long b = s[sp - 2 + h];
            long r = 0;
            for (int i = 0; i < 64; i += 16) {
                r |= (lane(op, (short) (a >>> i), (short) (b >>> i)) & 0xFFFFL) << i;
            }
            s[sp - 4 + h] = r;
        }
    }

    private static int lane(int op, int x, int y) {
        int ux = x & 0xFFFF;
        int uy = y & 0xFFFF;
        return switch (op) {
            case ADD_SAT_S -> satS16(x + y);
            case ADD_SAT_U -> satU16(ux + uy);
            case SUB_SAT_S -> satS16(x - y);
            case SUB_SAT_U -> satU16(ux - uy);
            case MIN_S -> Math.min(x, y);
            case MIN_U -> Math.min(ux, uy);
            case MAX_S -> Math.max(x, y);
            case MAX_U -> Math.max(ux, uy);
            case AVGR_U -> (ux + uy + 1) >>> 1;
            case Q15MULR_SAT_S -> satS16((x * y + 0x4000) >> 15);
            // the lane pairs of two i8x16 lanes: signed products of bytes, summed with signed saturation
            case DOT_SAT_S -> satS16((byte) x * (byte) y + (x >> 8) * (y >> 8));
            default -> throw new IllegalArgumentException("lane operator " + op);
        };
    }

    public static void addSatS(long[] s, int sp) {
        lanewise(s, sp, ADD_SAT_S);
    }

    public static void addSatU(long[] s, int sp) {
        lanewise(s, sp, ADD_SAT_U);
    }

    public static void subSatS(long[] s, int sp) {
        lanewise(s, sp, SUB_SAT_S);
    }

    public static void subSatU(long[] s, int sp) {
        lanewise(s, sp, SUB_SAT_U);
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

    public static void avgrU(long[] s, int sp) {
        lanewise(s, sp, AVGR_U);
    }

    /** {@code i16x8.q15mulr_sat_s}: Q15 product rounded, {@code sat_s((a * b + 2^14) >> 15)} (spec iq15mulrsat_s). */
    public static void q15mulrSatS(long[] s, int sp) {
        lanewise(s, sp, Q15MULR_SAT_S);
    }

    /** {@code i16x8.relaxed_q15mulr_s}: as {@link #q15mulrSatS} (deterministic profile). */
    public static void relaxedQ15mulrS(long[] s, int sp) {
        lanewise(s, sp, Q15MULR_SAT_S);
    }

    /**
     * {@code i16x8.relaxed_dot_i8x16_i7x16_s}: binary, lane {@code i} = {@code sat_s(a[2i]*b[2i] +
     * a[2i+1]*b[2i+1])} over i8x16 lanes. Deterministic profile: b is signed, the pair sum saturates (spec
     * {@code ivdot_sat}).
     */
    public static void relaxedDotI8x16I7x16S(long[] s, int sp) {
        lanewise(s, sp, DOT_SAT_S);
    }

    /** {@code i16x8.relaxed_laneselect}: as {@link V128Ops#bitselect} (deterministic profile). */
    public static void relaxedLaneselect(long[] s, int sp) {
        V128Ops.bitselect(s, sp);
    }
}
