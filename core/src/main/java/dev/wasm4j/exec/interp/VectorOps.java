package dev.wasm4j.exec.interp;

import dev.wasm4j.exec.ModuleInstance;
import dev.wasm4j.model.Opcode;

/** SIMD instructions: dispatched to the numerics library's v128 operations. */
final class VectorOps {
    private VectorOps() {
    }

    /** {@code ins[at..at+3]} hold the op's 4 immediate ints (lane, memarg or constant bytes). */
    static int execute(Opcode op, ModuleInstance inst, int[] ins, int at, long[] s, int sp) {
        throw new UnsupportedOperationException("SIMD " + op + " not wired yet");
    }
}
