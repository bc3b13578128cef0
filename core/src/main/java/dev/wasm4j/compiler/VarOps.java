package dev.wasm4j.compiler;

import dev.wasm4j.TrapException;
import dev.wasm4j.exec.GlobalInstance;

/** Global writes and the plain traps, as small static methods for compiled code. */
final class VarOps {
    private VarOps() {
    }

    static void setI32(int v, GlobalInstance g) {
        g.value = v;
    }

    static void setI64(long v, GlobalInstance g) {
        g.value = v;
    }

    static void setRef(Object v, GlobalInstance g) {
        g.ref = v;
    }

    static void setV128(long lo, long hi, GlobalInstance g) {
        g.value = lo;
        g.high = hi;
    }

    static RuntimeException unreachable() {
        return new TrapException("unreachable");
    }

    static RuntimeException trap(String message) {
        return new TrapException(message);
    }
}
