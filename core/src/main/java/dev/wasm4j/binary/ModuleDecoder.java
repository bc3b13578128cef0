package dev.wasm4j.binary;

import dev.wasm4j.model.Features;
import dev.wasm4j.model.Module;

/** STUB placeholder until the decoder lands. */
public final class ModuleDecoder {
    private ModuleDecoder() {
    }

    public static Module decode(byte[] bytes, Features features) {
        throw new UnsupportedOperationException();
    }
}
