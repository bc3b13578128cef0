package dev.wasm4j.exec.numeric;

import static dev.wasm4j.exec.numeric.Lanes.satS8;
import static dev.wasm4j.exec.numeric.Lanes.satU8;

/**
 * The {@code i8x16.*} instructions (spec 4.3.5, "Vector Operations"), in place on the operand stack as
 * {@link V128Ops} describes. Lane {@code i} is byte {@code i}: bits {@code 8*i..8*i+7} of {@code lo} for
 * {@code i < 8}, of {@code hi} for the others.
 */
public final class I8x16Ops {
    /** The top bit of every byte. */
    private static final long H = 0x8080_8080_8080_8080L;
    /** The low bit of every byte; multiplying a byte by it copies the byte to every lane. */
    private static final long L = 0x0101_0101_0101_0101L;

    private I8x16Ops() {
    }

    // ---- lanes: shuffle, swizzle, splat, extract, replace ----

    /**
     * {@code i8x16.shuffle}: binary; result lane {@code i} is lane {@code lanes[i]} of the 32 lanes of a then b.
     * Byte {@code i} of {@code lanesLo}/{@code lanesHi} is {@code lanes[i]} (validated to be below 32).
     */
    public static void shuffle(long[] s, int sp, long lanesLo, long lanesHi) {
        long a0 = s[sp - 4];
        long a1 = s[sp - 3];
        long b0 = s[sp - 2];
        long b1 = s[sp - 1];
        s[sp - 4] = shuffleHalf(lanesLo, a0, a1, b0, b1);
        s[sp - 3] = shuffleHalf(lanesHi, a0, a1, b0, b1);
    }

    private static long shuffleHalf(long lanes, long a0, long a1, long b0, long b1) {
        long r = 0;
        for (int i = 0; i < 64; i += 8) {
            int idx = (int) (lanes >>> i) & 31;
            long src = switch (idx >>> 3) {
                case 0 -> a0;
                case 1 -> a1;
                case 2 -> b0;
                default -> b1;
            };
            r |= ((src >>> ((idx & 7) * 8)) & 0xFF) << i;
        }
        return r;
    }

    /** {@code i8x16.swizzle}: binary; result lane {@code i} is lane {@code b[i]} of a, or 0 if {@code b[i] >= 16}. */
    public static void swizzle(long[] s, int sp) {
        long a0 = s[sp - 4];
        long a1 = s[sp - 3];
        s[sp - 4] = swizzleHalf(s[sp - 2], a0, a1);
        s[sp - 3] = swizzleHalf(s[sp - 1], a0, a1);
    }

    private static long swizzleHalf(long indices, long a0, long a1) {
        long r = 0;
        for (int i = 0; i < 64; i += 8) {
            int idx = (int) (indices >>> i) & 0xFF;
            if (idx < 16) {
                long src = idx < 8 ? a0 : a1;
                r |= ((src >>> ((idx & 7) * 8)) & 0xFF) << i;
            }
        }
        return r;
    }

    /** {@code i8x16.relaxed_swizzle}: as {@link #swizzle} (deterministic profile). */
    public static void relaxedSwizzle(long[] s, int sp) {
        swizzle(s, sp);
    }

    /** {@code i8x16.splat}: {@code i32 -> v128}, the low 8 bits in every lane. */
    public static void splat(long[] s, int sp) {
        long v = (s[sp - 1] & 0xFF) * L;
        s[sp - 1] = v;
        s[sp] = v;
    }

    /** {@code i8x16.extract_lane_s}: {@code v128 -> i32}, sign-extended. */
    public static void extractLaneS(long[] s, int sp, int lane) {
        s[sp - 2] = (byte) (s[sp - 2 + (lane >>> 3)] >>> ((lane & 7) * 8));
    }

    /** {@code i8x16.extract_lane_u}: {@code v128 -> i32}, zero-extended. */
    public static void extractLaneU(long[] s, int sp, int lane) {
        s[sp - 2] = (s[sp - 2 + (lane >>> 3)] >>> ((lane & 7) * 8)) & 0xFF;
    }

    /** {@code i8x16.replace_lane}: {@code v128 i32 -> v128}, the low 8 bits of the i32. */
    public static void replaceLane(long[] s, int sp, int lane) {
        int i = sp - 3 + (lane >>> 3);
        int shift = (lane & 7) * 8;
        s[i] = (s[i] & ~(0xFFL << shift)) | ((s[sp - 1] & 0xFF) << shift);
    }

    // ---- comparisons: all ones where true ----

    private static void compare(long[] s, int sp, int op) {
        for (int h = 0; h < 2; h++) {
            long a = s[sp - 4 + h];
            long b = s[sp - 2 + h];
            long r = 0;
            for (int i = 0; i < 64; i += 8) {
                if (Lanes.holds(op, (byte) (a >>> i), (byte) (b >>> i))) {
                    r |= 0xFFL << i;
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

    /** {@code i8x16.abs}: {@code abs(-128)} is -128. */
    public static void abs(long[] s, int sp) {
        for (int h = sp - 2; h < sp; h++) {
            long v = s[h];
            long r = 0;
            for (int i = 0; i < 64; i += 8) {
                r |= (Math.abs((byte) (v >>> i)) & 0xFFL) << i;
            }
            s[h] = r;
        }
    }

    public static void neg(long[] s, int sp) {
        s[sp - 2] = sub(0, s[sp - 2]);
        s[sp - 1] = sub(0, s[sp - 1]);
    }

    /** {@code i8x16.popcnt}: set bits per lane (SWAR: pairs, nibbles, then bytes). */
    public static void popcnt(long[] s, int sp) {
        for (int h = sp - 2; h < sp; h++) {
            long v = s[h];
            v -= (v >>> 1) & 0x5555_5555_5555_5555L;
            v = (v & 0x3333_3333_3333_3333L) + ((v >>> 2) & 0x3333_3333_3333_3333L);
            s[h] = (v + (v >>> 4)) & 0x0F0F_0F0F_0F0F_0F0FL;
        }
    }

    /** {@code i8x16.all_true}: {@code v128 -> i32}, 1 if no lane is zero. */
    public static void allTrue(long[] s, int sp) {
        s[sp - 2] = hasZeroByte(s[sp - 2]) || hasZeroByte(s[sp - 1]) ? 0 : 1;
    }

    /** Exact zero-byte test: a borrow can only start at a zero byte, so the result is nonzero iff one exists. */
    private static boolean hasZeroByte(long v) {
        return ((v - L) & ~v & H) != 0;
    }

    /** {@code i8x16.bitmask}: {@code v128 -> i32}, bit {@code i} is the top bit of lane {@code i}. */
    public static void bitmask(long[] s, int sp) {
        s[sp - 2] = Long.compress(s[sp - 2], H) | (Long.compress(s[sp - 1], H) << 8);
    }

    // ---- narrowing: lanes 0..7 from a, 8..15 from b (spec narrow_s, narrow_u) ----

    /** {@code i8x16.narrow_i16x8_s}: binary, each i16 lane saturated to a signed byte. */
    public static void narrowI16x8S(long[] s, int sp) {
        long a = narrowHalf(s[sp - 4], s[sp - 3], true);
        s[sp - 3] = narrowHalf(s[sp - 2], s[sp - 1], true);
        s[sp - 4] = a;
    }

    /** {@code i8x16.narrow_i16x8_u}: binary, each signed i16 lane saturated to an unsigned byte. */
    public static void narrowI16x8U(long[] s, int sp) {
        long a = narrowHalf(s[sp - 4], s[sp - 3], false);
        s[sp - 3] = narrowHalf(s[sp - 2], s[sp - 1], false);
        s[sp - 4] = a;
    }

    /** The 8 i16 lanes of {@code (lo, hi)} narrowed into 8 bytes. */
    private static long narrowHalf(long lo, long hi, boolean signed) {
        long r = 0;
        for (int i = 0; i < 8; i++) {
            int x = (short) ((i < 4 ? lo : hi) >>> ((i & 3) * 16));
            r |= ((signed ? satS8(x) : satU8(x)) & 0xFFL) << (i * 8);
        }
        return r;
    }

    // ---- shifts: count modulo 8 ----

    /** {@code i8x16.shl}: {@code v128 i32 -> v128}. */
    public static void shl(long[] s, int sp) {
        int n = (int) s[sp - 1] & 7;
        long keep = ((0xFF << n) & 0xFF) * L; // the bits that stay inside their lane
        s[sp - 3] = (s[sp - 3] << n) & keep;
        s[sp - 2] = (s[sp - 2] << n) & keep;
    }

    /** {@code i8x16.shr_u}: {@code v128 i32 -> v128}. */
    public static void shrU(long[] s, int sp) {
        int n = (int) s[sp - 1] & 7;
        long keep = (0xFF >>> n) * L;
        s[sp - 3] = (s[sp - 3] >>> n) & keep;
        s[sp - 2] = (s[sp - 2] >>> n) & keep;
    }

    /** {@code i8x16.shr_s}: {@code v128 i32 -> v128}. */
    public static void shrS(long[] s, int sp) {
        int n = (int) s[sp - 1] & 7;
        for (int h = sp - 3; h < sp - 1; h++) {
            long v = s[h];
            long r = 0;
            for (int i = 0; i < 64; i += 8) {
                r |= (((byte) (v >>> i) >> n) & 0xFFL) << i;
            }
            s[h] = r;
        }
    }

    // ---- arithmetic ----

    /** Lanewise wrapping sum (SWAR: add the low 7 bits, then put the top bits back with xor). */
    private static long add(long a, long b) {
        return ((a & ~H) + (b & ~H)) ^ ((a ^ b) & H);
    }

    /** Lanewise wrapping difference (SWAR: borrow-proof by setting every top bit of a first). */
    private static long sub(long a, long b) {
        return ((a | H) - (b & ~H)) ^ ((a ^ ~b) & H);
    }

    public static void add(long[] s, int sp) {
        s[sp - 4] = add(s[sp - 4], s[sp - 2]);
        s[sp - 3] = add(s[sp - 3], s[sp - 1]);
    }

    public static void sub(long[] s, int sp) {
        s[sp - 4] = sub(s[sp - 4], s[sp - 2]);
        s[sp - 3] = sub(s[sp - 3], s[sp - 1]);
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

    /** A binary operator applied lane by lane; lanes are given to {@link #lane} as signed and unsigned ints. */
    private static void lanewise(long[] s, int sp, int op) {
        for (int h = 0; h < 2; h++) {
            long a = s[sp - 4 + h];
            long b = s[sp - 2 + h];
            long r = 0;
            for (int i = 0; i < 64; i += 8) {
                r |= (lane(op, (byte) (a >>> i), (byte) (b >>> i)) & 0xFFL) << i;
            }
            s[sp - 4 + h] = r;
        }
    }

    private static int lane(int op, int x, int y) {
        int ux = x & 0xFF;
        int uy = y & 0xFF;
        return switch (op) {
            case ADD_SAT_S -> satS8(x + y);
            case ADD_SAT_U -> satU8(ux + uy);
            case SUB_SAT_S -> satS8(x - y);
            case SUB_SAT_U -> satU8(ux - uy);
            case MIN_S -> Math.min(x, y);
            case MIN_U -> Math.min(ux, uy);
            case MAX_S -> Math.max(x, y);
            case MAX_U -> Math.max(ux, uy);
            case AVGR_U -> (ux + uy + 1) >>> 1;
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

    /** {@code i8x16.avgr_u}: unsigned average rounding up, {@code (a + b + 1) / 2}. */
    public static void avgrU(long[] s, int sp) {
        lanewise(s, sp, AVGR_U);
    }

    /** {@code i8x16.relaxed_laneselect}: as {@link V128Ops#bitselect} (deterministic profile). */
    public static void relaxedLaneselect(long[] s, int sp) {
        V128Ops.bitselect(s, sp);
    }
}
