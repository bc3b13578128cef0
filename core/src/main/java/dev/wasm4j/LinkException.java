package dev.wasm4j;

/**
 * The module and the host do not fit together: an import cannot be satisfied ({@code unknown import},
 * {@code incompatible import type}, spec 4.5.4, what {@code assert_unlinkable} expects), or the host asked
 * for an export the module does not have, or has with another kind or type.
 *
 * <p>Thread safety: immutable.
 */
public final class LinkException extends WasmException {

    /**
     * A link error.
     *
     * @param message what does not fit, naming the import or export
     */
    public LinkException(String message) {
        super(message);
    }
}
