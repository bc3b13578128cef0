package dev.wasm4j.exec.interp;

import dev.wasm4j.TrapException;

/** Integer division and remainder with the traps of spec 4.3.2 ({@code idiv_s}, {@code irem_u}, ...). */
final class Arith {
    static final String DIVIDE_BY_ZERO = "integer divide by zero";
    static final String OVERFLOW = "integer overflow";

    private Arith() {
    }

    static int i32DivS(int a, int b) {
        if (b == 0) {
            throw new TrapException(DIVIDE_BY_ZERO);
        }
        if (a == Integer.MIN_VALUE && b == -1) {
            throw new TrapException(OVERFLOW);
        }
        return a / b;
    }

    static int i32DivU(int a, int b) {
        if (b == 0) {
            throw new TrapException(DIVIDE_BY_ZERO);
        }
        return Integer.divideUnsigned(a, b);
    }

    static int i32RemS(int a, int b) {
        if (b == 0) {
            throw new TrapException(DIVIDE_BY_ZERO);
        }
        return b == -1 ? 0 : a % b;
    }

    static int i32RemU(int a, int b) {
        if (b == 0) {
            throw new TrapException(DIVIDE_BY_ZERO);
        }
        return Integer.remainderUnsigned(a, b);
    }

    static long i64DivS(long a, long b) {
        if (b == 0) {
            throw new TrapException(DIVIDE_BY_ZERO);
        }
        if (a == Long.MIN_VALUE && b == -1) {
            throw new TrapException(OVERFLOW);
        }
        return a / b;
    }

    static long i64DivU(long a, long b) {
        if (b == 0) {
            throw new TrapException(DIVIDE_BY_ZERO);
        }
        return Long.divideUnsigned(a, b);
    }

    static long i64RemS(long a, long b) {
        if (b == 0) {
            throw new TrapException(DIVIDE_BY_ZERO);
        }
        return b == -1 ? 0 : a % b;
    }

    static long i64RemU(long a, long b) {
        if (b == 0) {
            throw new TrapException(DIVIDE_BY_ZERO);
        }
        return Long.remainderUnsigned(a, b);
    }
}
