package dev.wasm4j.exec.numeric;

/**
 * The {@code i64} instructions (spec 4.3.2, "Integer Operations", with N = 64) and the wide-arithmetic
 * proposal's 128-bit operators. Values are Java {@code long}s; unsigned operators reinterpret them.
 * Comparisons and tests return an {@code i32} 1 or 0. Shift and rotate counts are taken modulo 64 (Java's
 * shift operators already do that; the count arrives as an {@code i64}).
 *
 * <p>The wide-arithmetic instructions have two results. They come in two forms: in place on the operand
 * stack (see {@link V128Ops} for the convention: {@code s} is the slot array, {@code sp} the index just past
 * the top), and as pure functions giving the high half (the low half is the plain wrapping {@code add},
 * {@code sub} or {@code mul}), for a compiler that keeps values in locals.
 */
public final class I64Ops {
    private I64Ops() {
    }

    // ---- tests and comparisons ----

    public static int eqz(long a) {
        return a == 0 ? 1 : 0;
    }

    public static int eq(long a, long b) {
        return a == b ? 1 : 0;
    }

    public static int ne(long a, long b) {
        return a != b ? 1 : 0;
    }

    public static int ltS(long a, long b) {
        return a < b ? 1 : 0;
    }

    public static int ltU(long a, long b) {
        return Long.compareUnsigned(a, b) < 0 ? 1 : 0;
    }

    public static int gtS(long a, long b) {
        return a > b ? 1 : 0;
    }

    public static int gtU(long a, long b) {
        return Long.compareUnsigned(a, b) > 0 ? 1 : 0;
    }

    public static int leS(long a, long b) {
        return a <= b ? 1 : 0;
    }

    public static int leU(long a, long b) {
        return Long.compareUnsigned(a, b) <= 0 ? 1 : 0;
    }

    public static int geS(long a, long b) {
        return a >= b ? 1 : 0;
    }

    public static int geU(long a, long b) {
        return Long.compareUnsigned(a, b) >= 0 ? 1 : 0;
    }

    // ---- unary ----

    /** {@code i64.clz}: leading zero bits, 64 for zero. */
    public static long clz(long a) {
        return Long.numberOfLeadingZeros(a);
    }

    /** {@code i64.ctz}: trailing zero bits, 64 for zero. */
    public static long ctz(long a) {
        return Long.numberOfTrailingZeros(a);
    }

    public static long popcnt(long a) {
        return Long.bitCount(a);
    }

    /** {@code i64.extend8_s}: sign-extends the low 8 bits (spec {@code iextend}). */
    public static long extend8S(long a) {
        return (byte) a;
    }

    public static long extend16S(long a) {
        return (short) a;
    }

    public static long extend32S(long a) {
        return (int) a;
    }

    // ---- binary ----

    public static long add(long a, long b) {
        return a + b;
    }

    public static long sub(long a, long b) {
        return a - b;
    }

    public static long mul(long a, long b) {
        return a * b;
    }

    /** {@code i64.div_s}: traps on a zero divisor and on {@code MIN_VALUE / -1}. */
    public static long divS(long a, long b) {
        if (b == 0) {
            throw Trap.divideByZero();
        }
        if (b == -1 && a == Long.MIN_VALUE) {
            throw Trap.overflow();
        }
        return a / b;
    }

    public static long divU(long a, long b) {
        if (b == 0) {
            throw Trap.divideByZero();
        }
        return Long.divideUnsigned(a, b);
    }

    /** {@code i64.rem_s}: traps only on a zero divisor; {@code MIN_VALUE rem_s -1} is 0. */
    public static long remS(long a, long b) {
        if (b == 0) {
            throw Trap.divideByZero();
        }
        return a % b;
    }

    public static long remU(long a, long b) {
        if (b == 0) {
            throw Trap.divideByZero();
        }
        return Long.remainderUnsigned(a, b);
    }

    public static long and(long a, long b) {
        return a & b;
    }

    public static long or(long a, long b) {
        return a | b;
    }

    public static long xor(long a, long b) {
        return a ^ b;
    }

    /** {@code i64.shl}: count modulo 64. */
    public static long shl(long a, long b) {
        return a << b;
    }

    public static long shrS(long a, long b) {
        return a >> b;
    }

    public static long shrU(long a, long b) {
        return a >>> b;
    }

    public static long rotl(long a, long b) {
        return Long.rotateLeft(a, (int) b);
    }

    public static long rotr(long a, long b) {
        return Long.rotateRight(a, (int) b);
    }

    // ---- wide arithmetic (proposal "wide-arithmetic") ----

    /**
     * {@code i64.add128}: {@code [aLo aHi bLo bHi] -> [lo hi]}, the 128-bit sum modulo 2^128. Reads
     * {@code s[sp-4..sp-1]}, writes {@code s[sp-4], s[sp-3]}; the caller then pops 2 slots.
     */
    public static void add128(long[] s, int sp) {
        long aLo = s[sp - 4];
        long bLo = s[sp - 2];
        s[sp - 3] = add128Hi(aLo, s[sp - 3], bLo, s[sp - 1]);
        s[sp - 4] = aLo + bLo;
    }

    /** High half of {@code i64.add128}; the low half is {@code aLo + bLo}. */
    public static long add128Hi(long aLo, long aHi, long bLo, long bHi) {
        long lo = aLo + bLo;
        long carry = Long.compareUnsigned(lo, aLo) < 0 ? 1 : 0;
        return aHi + bHi + carry;
    }

    /**
     * {@code i64.sub128}: {@code [aLo aHi bLo bHi] -> [lo hi]}, the 128-bit difference modulo 2^128. Same slots
     * as {@link #add128(long[], int)}.
     */
    public static void sub128(long[] s, int sp) {
        long aLo = s[sp - 4];
        long bLo = s[sp - 2];
        s[sp - 3] = sub128Hi(aLo, s[sp - 3], bLo, s[sp - 1]);
        s[sp - 4] = aLo - bLo;
    }

    /** High half of {@code i64.sub128}; the low half is {@code aLo - bLo}. */
    public static long sub128Hi(long aLo, long aHi, long bLo, long bHi) {
        long borrow = Long.compareUnsigned(aLo, bLo) < 0 ? 1 : 0;
        return aHi - bHi - borrow;
    }

    /**
     * {@code i64.mul_wide_s}: {@code [a b] -> [lo hi]}, the full signed 128-bit product. Reads and writes
     * {@code s[sp-2], s[sp-1]}; the stack height does not change.
     */
    public static void mulWideS(long[] s, int sp) {
        long a = s[sp - 2];
        long b = s[sp - 1];
        s[sp - 2] = a * b;
        s[sp - 1] = Math.multiplyHigh(a, b);
    }

    /** {@code i64.mul_wide_u}: the full unsigned 128-bit product; slots as {@link #mulWideS(long[], int)}. */
    public static void mulWideU(long[] s, int sp) {
        long a = s[sp - 2];
        long b = s[sp - 1];
        s[sp - 2] = a * b;
        s[sp - 1] = Math.unsignedMultiplyHigh(a, b);
    }

    /** High half of {@code i64.mul_wide_s}; the low half is {@code a * b}. */
    public static long mulWideSHi(long a, long b) {
        return Math.multiplyHigh(a, b);
    }

    /** High half of {@code i64.mul_wide_u}; the low half is {@code a * b}. */
    public static long mulWideUHi(long a, long b) {
        return Math.unsignedMultiplyHigh(a, b);
    }
}
