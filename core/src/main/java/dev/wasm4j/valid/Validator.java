package dev.wasm4j.valid;

import dev.wasm4j.model.Features;
import dev.wasm4j.model.Module;

/** STUB placeholder until the validator lands. */
public final class Validator {
    private Validator() {
    }

    public static ValidModule validate(Module module, Features features) {
        throw new UnsupportedOperationException();
    }
}
