package dev.wasm4j.exec.interp;

import dev.wasm4j.model.Opcode;

/**
 * Bridges interpreter ops to the numerics library ({@code dev.wasm4j.exec.numeric}). Until that library
 * lands these are straightforward implementations.
 */
final class Numerics {
    private Numerics() {
    }

    static long unary(int op, long a) {
        throw new UnsupportedOperationException("float op " + Ops.name(op) + " not wired yet");
    }

    static long binary(int op, long a, long b) {
        throw new UnsupportedOperationException("float op " + Ops.name(op) + " not wired yet");
    }

    static long convert(Opcode op, long a) {
        throw new UnsupportedOperationException("conversion " + op + " not wired yet");
    }

    static int wide(Opcode op, long[] s, int sp) {
        throw new UnsupportedOperationException("wide arithmetic " + op + " not wired yet");
    }
}
