package dev.wasm4j.exec.numeric;

/** Helpers shared by the vector operators: packing lanes, lane comparisons, saturation (spec sat_s, sat_u). */
final class Lanes {
    // Integer lane comparisons, applied to lanes sign-extended to int. Sign extension keeps the unsigned
    // order of the lanes, so Integer.compareUnsigned on the extended values compares the lanes unsigned.
    static final int EQ = 0;
    static final int NE = 1;
    static final int LT_S = 2;
    static final int LT_U = 3;
    static final int GT_S = 4;
    static final int GT_U = 5;
    static final int LE_S = 6;
    static final int LE_U = 7;
    static final int GE_S = 8;
    static final int GE_U = 9;

    private Lanes() {
    }

    /** True when the comparison {@code op} holds between the sign-extended lanes {@code x} and {@code y}. */
    static boolean holds(int op, int x, int y) {
        return switch (op) {
            case EQ -> x == y;
            case NE -> x != y;
            case LT_S -> x < y;
            case LT_U -> Integer.compareUnsigned(x, y) < 0;
            case GT_S -> x > y;
            case GT_U -> Integer.compareUnsigned(x, y) > 0;
            case LE_S -> x <= y;
            case LE_U -> Integer.compareUnsigned(x, y) <= 0;
            case GE_S -> x >= y;
            case GE_U -> Integer.compareUnsigned(x, y) >= 0;
            default -> throw new IllegalArgumentException("comparison " + op);
        };
    }

    /** Packs two 32-bit lanes into a 64-bit half, {@code lo} in the low bits. */
    static long pack(int lo, int hi) {
        return (lo & 0xFFFF_FFFFL) | ((long) hi << 32);
    }

    /** Signed saturation to 8 bits (spec {@code sat_s}). */
    static int satS8(int x) {
        return Math.clamp(x, Byte.MIN_VALUE, Byte.MAX_VALUE);
    }

    /** Unsigned saturation to 8 bits (spec {@code sat_u}). */
    static int satU8(int x) {
        return Math.clamp(x, 0, 0xFF);
    }

    static int satS16(int x) {
        return Math.clamp(x, Short.MIN_VALUE, Short.MAX_VALUE);
    }

    static int satU16(int x) {
        return Math.clamp(x, 0, 0xFFFF);
    }
}
