package dev.wasm4j.model;

/** A tag definition (exception handling). */
public record Tag(TagType type) {
}
