package dev.wasm4j;

import dev.wasm4j.exec.GlobalInstance;
import dev.wasm4j.model.GlobalType;

/**
 * A global variable (spec 4.2.10): exported by an instance, or created by the host to be imported.
 *
 * <p>Thread safety: reads and writes are not synchronized; a global shared between threads is ordered by the
 * guest's or host's own means.
 */
public interface Global {

    /**
     * The global's type.
     *
     * @return the value type and mutability
     */
    GlobalType type();

    /**
     * The current value.
     *
     * @return the value
     */
    Value get();

    /**
     * Sets a mutable global.
     *
     * @param value a value of the global's type
     * @throws IllegalStateException when the global is immutable
     */
    void set(Value value);

    /**
     * A new host global of a type without concrete references, holding {@code value}.
     *
     * @param type the global's type
     * @param value its initial value
     * @return the global, to give a {@link Linker}
     */
    static Global of(GlobalType type, Value value) {
        GlobalInstance g = new GlobalInstance(type);
        g.setRaw(value);
        return g;
    }
}
