package dev.wasm4j;

/**
 * An import cannot be satisfied: {@code unknown import} or {@code incompatible import type} (spec 4.5.4),
 * what {@code assert_unlinkable} expects.
 */
public final class LinkException extends WasmException {

    public LinkException(String message) {
        super(message);
    }
}
