package dev.wasm4j.model;

import java.util.List;

/**
 * A sub type (spec 2.3.9): a composite type with its declared super types (type indices) and whether it
 * is final. A type written without {@code sub} is final with no super types. {@code freeze} is the frozen
 * proposal's clause ({@code freezable} or {@code (freeze x)}), {@link FreezeClause#NONE} for other types.
 */
public record SubType(boolean isFinal, List<Integer> supertypes, CompositeType composite, FreezeClause freeze) {

    public SubType {
        supertypes = List.copyOf(supertypes);
    }

    public SubType(boolean isFinal, List<Integer> supertypes, CompositeType composite) {
        this(isFinal, supertypes, composite, FreezeClause.NONE);
    }

    /** A final type with no super types: what {@code (type (func ...))} means. */
    public static SubType of(CompositeType composite) {
        return new SubType(true, List.of(), composite);
    }
}
