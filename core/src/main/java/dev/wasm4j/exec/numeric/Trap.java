package dev.wasm4j.exec.numeric;

import dev.wasm4j.TrapException;

/**
 * The traps of the partial numeric operators (spec 4.3.2 and 4.3.4: where an operator is undefined, the
 * instruction traps), with the spec testsuite's messages.
 */
final class Trap {
    static final String DIVIDE_BY_ZERO = "integer divide by zero";
    static final String OVERFLOW = "integer overflow";
    static final String INVALID_CONVERSION = "invalid conversion to integer";

    private Trap() {
    }

    static TrapException divideByZero() {
        return new TrapException(DIVIDE_BY_ZERO);
    }

    static TrapException overflow() {
        return new TrapException(OVERFLOW);
    }

    static TrapException invalidConversion() {
        return new TrapException(INVALID_CONVERSION);
    }
}
