package dev.wasm4j.model;

/**
 * An export (spec 2.5.10): a name and the index of the exported item in its index space.
 *
 * @param name the name
 * @param kind the kind
 * @param index the index
 */
public record Export(String name, ExternKind kind, int index) {
}
