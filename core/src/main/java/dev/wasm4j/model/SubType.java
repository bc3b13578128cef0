package dev.wasm4j.model;

import java.util.List;

/**
 * A sub type (spec 2.3.9): a composite type with its declared super types (type indices) and whether it
 * is final. A type written without {@code sub} is final with no super types.
 */
public record SubType(boolean isFinal, List<Integer> supertypes, CompositeType composite) {

    public SubType {
        supertypes = List.copyOf(supertypes);
    }

    /** A final type with no super types: what {@code (type (func ...))} means. */
    public static SubType of(CompositeType composite) {
        return new SubType(true, List.of(), composite);
    }
}
