package dev.wasm4j.exec.gc;

/**
 * An external (host) value brought into the {@code any} hierarchy by {@code any.convert_extern}; converting
 * back with {@code extern.convert_any} gives the original value.
 */
public record HostAnyRef(Object extern) {
}
