package dev.wasm4j.exec.numeric;

/**
 * The {@code i32} instructions (spec 4.3.2, "Integer Operations", with N = 32). Values are Java {@code int}s;
 * unsigned operators reinterpret them. Comparisons and tests return 1 or 0. Shift and rotate counts are taken
 * modulo 32, which is what Java's shift operators do already.
 */
public final class I32Ops {
    private I32Ops() {
    }

    // ---- tests and comparisons ----

    /** {@code i32.eqz}: 1 if {@code a} is zero. */
    public static int eqz(int a) {
        return a == 0 ? 1 : 0;
    }

    public static int eq(int a, int b) {
        return a == b ? 1 : 0;
    }

    public static int ne(int a, int b) {
        return a != b ? 1 : 0;
    }

    public static int ltS(int a, int b) {
        return a < b ? 1 : 0;
    }

    public static int ltU(int a, int b) {
        return Integer.compareUnsigned(a, b) < 0 ? 1 : 0;
    }

    public static int gtS(int a, int b) {
        return a > b ? 1 : 0;
    }

    public static int gtU(int a, int b) {
        return Integer.compareUnsigned(a, b) > 0 ? 1 : 0;
    }

    public static int leS(int a, int b) {
        return a <= b ? 1 : 0;
    }

    public static int leU(int a, int b) {
        return Integer.compareUnsigned(a, b) <= 0 ? 1 : 0;
    }

    public static int geS(int a, int b) {
        return a >= b ? 1 : 0;
    }

    public static int geU(int a, int b) {
        return Integer.compareUnsigned(a, b) >= 0 ? 1 : 0;
    }

    // ---- unary ----

    /** {@code i32.clz}: leading zero bits, 32 for zero. */
    public static int clz(int a) {
        return Integer.numberOfLeadingZeros(a);
    }

    /** {@code i32.ctz}: trailing zero bits, 32 for zero. */
    public static int ctz(int a) {
        return Integer.numberOfTrailingZeros(a);
    }

    public static int popcnt(int a) {
        return Integer.bitCount(a);
    }

    /** {@code i32.extend8_s}: sign-extends the low 8 bits (spec {@code iextend}). */
    public static int extend8S(int a) {
        return (byte) a;
    }

    /** {@code i32.extend16_s}: sign-extends the low 16 bits. */
    public static int extend16S(int a) {
        return (short) a;
    }

    // ---- binary ----

    public static int add(int a, int b) {
        return a + b;
    }

    public static int sub(int a, int b) {
        return a - b;
    }

    public static int mul(int a, int b) {
        return a * b;
    }

    /**
     * {@code i32.div_s}: quotient truncated toward zero. Traps on a zero divisor and on
     * {@code MIN_VALUE / -1}, whose quotient 2^31 is not representable.
     */
    public static int divS(int a, int b) {
        if (b == 0) {
            throw Trap.divideByZero();
        }
        if (b == -1 && a == Integer.MIN_VALUE) {
            throw Trap.overflow();
        }
        return a / b;
    }

    /** {@code i32.div_u}: traps on a zero divisor. */
    public static int divU(int a, int b) {
        if (b == 0) {
            throw Trap.divideByZero();
        }
        return Integer.divideUnsigned(a, b);
    }

    /**
     * {@code i32.rem_s}: the remainder has the sign of the dividend. Traps only on a zero divisor:
     * {@code MIN_VALUE rem_s -1} is 0 (Java's {@code %} already gives 0 there, without an exception).
     */
    public static int remS(int a, int b) {
        if (b == 0) {
            throw Trap.divideByZero();
        }
        return a % b;
    }

    /** {@code i32.rem_u}: traps on a zero divisor. */
    public static int remU(int a, int b) {
        if (b == 0) {
            throw Trap.divideByZero();
        }
        return Integer.remainderUnsigned(a, b);
    }

    public static int and(int a, int b) {
        return a & b;
    }

    public static int or(int a, int b) {
        return a | b;
    }

    public static int xor(int a, int b) {
        return a ^ b;
    }

    /** {@code i32.shl}: the count is taken modulo 32. */
    public static int shl(int a, int b) {
        return a << b;
    }

    /** {@code i32.shr_s}: arithmetic shift, count modulo 32. */
    public static int shrS(int a, int b) {
        return a >> b;
    }

    /** {@code i32.shr_u}: logical shift, count modulo 32. */
    public static int shrU(int a, int b) {
        return a >>> b;
    }

    /** {@code i32.rotl}: count modulo 32. */
    public static int rotl(int a, int b) {
        return Integer.rotateLeft(a, b);
    }

    /** {@code i32.rotr}: count modulo 32. */
    public static int rotr(int a, int b) {
        return Integer.rotateRight(a, b);
    }
}
