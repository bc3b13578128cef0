package dev.wasm4j.model;

import java.util.List;

/**
 * A sub type (spec 2.3.9): a composite type with its declared super types (type indices) and whether it
 * is final. A type written without {@code sub} is final with no super types. {@code freeze} is the frozen
 * proposal's clause ({@code freezable} or {@code (freeze x)}), {@link FreezeClause#NONE} for other types.
 *
 * @param isFinal the is final
 * @param supertypes the supertypes
 * @param composite the composite
 * @param freeze the freeze
 */
public record SubType(boolean isFinal, List<Integer> supertypes, CompositeType composite, FreezeClause freeze) {

    /**
     * Checks and normalizes the components.
     */
    public SubType {
        supertypes = List.copyOf(supertypes);
    }

    /**
     * A sub type without freeze clause.
     *
     * @param isFinal the is final
     * @param supertypes the supertypes
     * @param composite the composite
     */
    public SubType(boolean isFinal, List<Integer> supertypes, CompositeType composite) {
        this(isFinal, supertypes, composite, FreezeClause.NONE);
    }

    /**
     * A final type with no super types: what {@code (type (func ...))} means.
     *
     * @param composite the composite
     * @return the sub type
     */
    public static SubType of(CompositeType composite) {
        return new SubType(true, List.of(), composite);
    }
}
