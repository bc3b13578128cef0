package dev.wasm4j.model;

/**
 * A tag type (exception handling, spec 2.3.15): the index of a function type with empty results.
 *
 * @param typeIndex the type index
 */
public record TagType(int typeIndex) implements ExternType {

    @Override
    public ExternKind kind() {
        return ExternKind.TAG;
    }
}
