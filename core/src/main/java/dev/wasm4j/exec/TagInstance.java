package dev.wasm4j.exec;

import dev.wasm4j.model.DefType;
import dev.wasm4j.model.FuncType;

/** A tag instance (exception handling): identity plus the closed type of its payload. */
public final class TagInstance {
    private final DefType type;

    public TagInstance(DefType type) {
        this.type = type;
    }

    public DefType type() {
        return type;
    }

    public FuncType funcType() {
        return type.funcType();
    }
}
