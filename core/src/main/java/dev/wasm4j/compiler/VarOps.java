package dev.wasm4j.compiler;

import dev.wasm4j.TrapException;
import dev.wasm4j.exec.GlobalInstance;

/** Global writes and the plain traps, as small static methods for compiled code. */
public final class VarOps {
    private VarOps() {
    }

    public static void setI32(int v, GlobalInstance g) {
        g.value = v;
    }

    public static void setI64(long v, GlobalInstance g) {
        g.value = v;
    }

    public static void setRef(Object v, GlobalInstance g) {
        g.ref = v;
    }

    public static void setV128(long lo, long hi, GlobalInstance g) {
        g.value = lo;
        g.high = hi;
    }

    public static RuntimeException unreachable() {
        return new TrapException("unreachable");
    }

    public static RuntimeException trap(String message) {
        return new TrapException(message);
    }
}
