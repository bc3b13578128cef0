package dev.wasm4j;

import dev.wasm4j.exec.GlobalInstance;
import dev.wasm4j.model.GlobalType;

/** A global variable (spec 4.2.10): exported by an instance, or created by the host to be imported. */
public interface Global {

    GlobalType type();

    Value get();

    /** Sets a mutable global; throws IllegalStateException for an immutable one. */
    void set(Value value);

    /** A new host global of a type without concrete references, holding {@code value}. */
    static Global of(GlobalType type, Value value) {
        GlobalInstance g = new GlobalInstance(type);
        g.setRaw(value);
        return g;
    }
}
