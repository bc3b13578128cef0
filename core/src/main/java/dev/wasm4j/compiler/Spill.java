package dev.wasm4j.compiler;

import dev.wasm4j.valid.CodeState;

/**
 * The top operands of an instruction moved into temporary locals, to be pushed back one by one in their
 * original order, possibly converted: for library calls whose parameters differ from the operands (an i32
 * address widened to a long) or that need values in another order.
 */
final class Spill {
    private final FunctionCompiler fc;
    final JvmType[] types;
    final int[] slots;

    private Spill(FunctionCompiler fc, JvmType[] types, int[] slots) {
        this.fc = fc;
        this.types = types;
        this.slots = slots;
    }

    /** Pops the top {@code n} operands (operand 0 is the deepest of them). */
    static Spill of(FunctionCompiler fc, CodeState st, int n) {
        JvmType[] types = new JvmType[n];
        int[] slots = new int[n];
        int[] count = new int[JvmType.values().length];
        for (int i = 0; i < n; i++) {
            types[i] = JvmType.of(st.operandType(n - 1 - i));
            slots[i] = fc.temp(types[i], 8 + count[types[i].ordinal()]++);
        }
        for (int i = n - 1; i >= 0; i--) {
            fc.store(types[i], slots[i]);
        }
        return new Spill(fc, types, slots);
    }

    /** Pushes operand {@code i} as it was. */
    Spill reload(int i) {
        fc.load(types[i], slots[i]);
        return this;
    }

    /** Pushes operand {@code i} as a long: an i32 zero-extended. */
    Spill widen(int i) {
        fc.load(types[i], slots[i]);
        if (types[i] == JvmType.INT) {
            Descs.unsignedLong(fc.cb);
        }
        return this;
    }

    /** Pushes operand {@code i} as a long: an i32 sign-extended (a raw slot). */
    Spill asSlot(int i) {
        fc.load(types[i], slots[i]);
        if (types[i] == JvmType.INT) {
            fc.cb.i2l();
        }
        return this;
    }
}
