package dev.wasm4j.valid;

import dev.wasm4j.model.DefType;
import dev.wasm4j.model.FuncType;

/** STUB placeholder until the validator lands. */
public final class TypeRegistry {
    private TypeRegistry() {
    }

    public static DefType funcType(FuncType closed) {
        throw new UnsupportedOperationException();
    }
}
