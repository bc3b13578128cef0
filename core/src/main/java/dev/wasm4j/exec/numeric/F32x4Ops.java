package dev.wasm4j.exec.numeric;

import static dev.wasm4j.exec.numeric.Lanes.pack;

/**
 * The {@code f32x4.*} instructions (spec 4.3.5, "Vector Operations": the scalar operators of {@link F32Ops}
 * lane by lane), in place on the operand stack as {@link V128Ops} describes. Lane 0 is the low half of
 * {@code lo}, lane 1 its high half, lanes 2 and 3 the halves of {@code hi}; each lane is f32 bits.
 */
public final class F32x4Ops {
    private static final long SIGNS = 0x8000_0000_8000_0000L;

    private F32x4Ops() {
    }

    private static int lo(long v) {
        return (int) v;
    }

    private static int hi(long v) {
        return (int) (v >>> 32);
    }

    // ---- lanes ----

    /** {@code f32x4.splat}: {@code f32 -> v128}. */
    public static void splat(long[] s, int sp) {
        int x = (int) s[sp - 1];
        long v = pack(x, x);
        s[sp - 1] = v;
        s[sp] = v;
    }

    /** {@code f32x4.extract_lane}: {@code v128 -> f32}, bits unchanged. */
    public static void extractLane(long[] s, int sp, int lane) {
        s[sp - 2] = (int) (s[sp - 2 + (lane >>> 1)] >>> ((lane & 1) * 32));
    }

    /** {@code f32x4.replace_lane}: {@code v128 f32 -> v128}. */
    public static void replaceLane(long[] s, int sp, int lane) {
        I32x4Ops.replaceLane(s, sp, lane);
    }

    // ---- comparisons: all ones where true ----

    private static final int EQ = 0;
    private static final int NE = 1;
    private static final int LT = 2;
    private static final int GT = 3;
    private static final int LE = 4;
    private static final int GE = 5;

    private static void compare(long[] s, int sp, int op) {
        for (int h = 0; h < 2; h++) {
            long a = s[sp - 4 + h];
            long b = s[sp - 2 + h];
            s[sp - 4 + h] = pack(-holds(op, lo(a), lo(b)), -holds(op, hi(a), hi(b)));
        }
    }

    private static int holds(int op, int x, int y) {
        return switch (op) {
            case EQ -> F32Ops.eq(x, y);
            case NE -> F32Ops.ne(x, y);
            case LT -> F32Ops.lt(x, y);
            case GT -> F32Ops.gt(x, y);
            case LE -> F32Ops.le(x, y);
            case GE -> F32Ops.ge(x, y);
            default -> throw new IllegalArgumentException("comparison " + op);
        };
    }

    public static void eq(long[] s, int sp) {
        compare(s, sp, EQ);
    }

    public static void ne(long[] s, int sp) {
        compare(s, sp, NE);
    }

    public static void lt(long[] s, int sp) {
        compare(s, sp, LT);
    }

    public static void gt(long[] s, int sp) {
        compare(s, sp, GT);
    }

    public static void le(long[] s, int sp) {
        compare(s, sp, LE);
    }

    public static void ge(long[] s, int sp) {
        compare(s, sp, GE);
    }

    // ---- unary ----

    public static void abs(long[] s, int sp) {
        s[sp - 2] &= ~SIGNS;
        s[sp - 1] &= ~SIGNS;
    }

    public static void neg(long[] s, int sp) {
        s[sp - 2] ^= SIGNS;
        s[sp - 1] ^= SIGNS;
    }

    private static final int SQRT = 0;
    private static final int CEIL = 1;
    private static final int FLOOR = 2;
    private static final int TRUNC = 3;
    private static final int NEAREST = 4;
    private static final int CONVERT_S = 5;
    private static final int CONVERT_U = 6;

    private static void unary(long[] s, int sp, int op) {
        for (int h = sp - 2; h < sp; h++) {
            long v = s[h];
            s[h] = pack(unary(op, lo(v)), unary(op, hi(v)));
        }
    }

    private static int unary(int op, int x) {
        return switch (op) {
            case SQRT -> F32Ops.sqrt(x);
            case CEIL -> F32Ops.ceil(x);
            case FLOOR -> F32Ops.floor(x);
            case TRUNC -> F32Ops.trunc(x);
            case NEAREST -> F32Ops.nearest(x);
            case CONVERT_S -> Conversions.f32ConvertI32S(x);
            case CONVERT_U -> Conversions.f32ConvertI32U(x);
            default -> throw new IllegalArgumentException("unary operator " + op);
        };
    }

    public static void sqrt(long[] s, int sp) {
        unary(s, sp, SQRT);
    }

    public static void ceil(long[] s, int sp) {
        unary(s, sp, CEIL);
    }

    public static void floor(long[] s, int sp) {
        unary(s, sp, FLOOR);
    }

    public static void trunc(long[] s, int sp) {
        unary(s, sp, TRUNC);
    }

    public static void nearest(long[] s, int sp) {
        unary(s, sp, NEAREST);
    }

    /** {@code f32x4.convert_i32x4_s}: unary, each signed i32 lane correctly rounded to f32. */
    public static void convertI32x4S(long[] s, int sp) {
        unary(s, sp, CONVERT_S);
    }

    /** {@code f32x4.convert_i32x4_u}: unary, each unsigned i32 lane correctly rounded to f32. */
    public static void convertI32x4U(long[] s, int sp) {
        unary(s, sp, CONVERT_U);
    }

    /** {@code f32x4.demote_f64x2_zero}: unary, the two f64 lanes demoted into lanes 0 and 1; lanes 2, 3 are +0. */
    public static void demoteF64x2Zero(long[] s, int sp) {
        s[sp - 2] = pack(Conversions.f32DemoteF64(s[sp - 2]), Conversions.f32DemoteF64(s[sp - 1]));
        s[sp - 1] = 0;
    }

    // ---- binary ----

    private static final int ADD = 0;
    private static final int SUB = 1;
    private static final int MUL = 2;
    private static final int DIV = 3;
    private static final int MIN = 4;
    private static final int MAX = 5;
    private static final int PMIN = 6;
    private static final int PMAX = 7;

    private static void binary(long[] s, int sp, int op) {
        for (int h = 0; h < 2; h++) {
            long a = s[sp - 4 + h];
            long b = s[sp - 2 + h];
            s[sp - 4 + h] = pack(binary(op, lo(a), lo(b)), binary(op, hi(a), hi(b)));
        }
    }

    private static int binary(int op, int x, int y) {
        return switch (op) {
            case ADD -> F32Ops.add(x, y);
            case SUB -> F32Ops.sub(x, y);
            case MUL -> F32Ops.mul(x, y);
            case DIV -> F32Ops.div(x, y);
            case MIN -> F32Ops.min(x, y);
            case MAX -> F32Ops.max(x, y);
            case PMIN -> F32Ops.pmin(x, y);
            case PMAX -> F32Ops.pmax(x, y);
            default -> throw new IllegalArgumentException("binary operator " + op);
        };
    }

    public static void add(long[] s, int sp) {
        binary(s, sp, ADD);
    }

    public static void sub(long[] s, int sp) {
        binary(s, sp, SUB);
    }

    public static void mul(long[] s, int sp) {
        binary(s, sp, MUL);
    }

    public static void div(long[] s, int sp) {
        binary(s, sp, DIV);
    }

    public static void min(long[] s, int sp) {
        binary(s, sp, MIN);
    }

    public static void max(long[] s, int sp) {
        binary(s, sp, MAX);
    }

    /** {@code f32x4.pmin}: {@code b < a ? b : a} per lane, bits unchanged (spec fpmin). */
    public static void pmin(long[] s, int sp) {
        binary(s, sp, PMIN);
    }

    /** {@code f32x4.pmax}: {@code a < b ? b : a} per lane, bits unchanged (spec fpmax). */
    public static void pmax(long[] s, int sp) {
        binary(s, sp, PMAX);
    }

    /** {@code f32x4.relaxed_min}: as {@link #min} (deterministic profile). */
    public static void relaxedMin(long[] s, int sp) {
        binary(s, sp, MIN);
    }

    /** {@code f32x4.relaxed_max}: as {@link #max} (deterministic profile). */
    public static void relaxedMax(long[] s, int sp) {
        binary(s, sp, MAX);
    }

    // ---- ternary ----

    /**
     * {@code f32x4.relaxed_madd}: ternary, {@code a * b + c} per lane. Deterministic profile: unfused, two
     * roundings ({@code fadd(fmul(a, b), c)}), with the usual NaN rules for each step.
     */
    public static void relaxedMadd(long[] s, int sp) {
        for (int h = 0; h < 2; h++) {
            long a = s[sp - 6 + h];
            long b = s[sp - 4 + h];
            long c = s[sp - 2 + h];
            s[sp - 6 + h] = pack(madd(lo(a), lo(b), lo(c)), madd(hi(a), hi(b), hi(c)));
        }
    }

    /** {@code f32x4.relaxed_nmadd}: ternary, {@code -(a * b) + c} per lane, computed as {@code relaxed_madd(-a, b, c)}. */
    public static void relaxedNmadd(long[] s, int sp) {
        for (int h = 0; h < 2; h++) {
            long a = s[sp - 6 + h] ^ SIGNS;
            long b = s[sp - 4 + h];
            long c = s[sp - 2 + h];
            s[sp - 6 + h] = pack(madd(lo(a), lo(b), lo(c)), madd(hi(a), hi(b), hi(c)));
        }
    }

    private static int madd(int a, int b, int c) {
        return F32Ops.add(F32Ops.mul(a, b), c);
    }
}
