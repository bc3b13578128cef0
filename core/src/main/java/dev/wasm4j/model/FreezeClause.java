package dev.wasm4j.model;

/**
 * What a type or global definition says about freezing (frozen proposal, docs/proposals/frozen.md): nothing;
 * {@code freezable} (values of the type, or the value of the global, may be frozen later); or
 * {@code (freeze x)}, the frozen counterpart of the freezable type or global {@code x} (a type index in a
 * type definition, a global index in a global definition).
 */
public sealed interface FreezeClause permits FreezeClause.None, FreezeClause.Freezable, FreezeClause.FreezeOf {

    /** An ordinary definition. */
    None NONE = new None();

    /** {@code freezable}. */
    Freezable FREEZABLE = new Freezable();

    /** An ordinary definition. */
    record None() implements FreezeClause {
    }

    /** {@code freezable}: mutable while it is built, frozen afterwards. */
    record Freezable() implements FreezeClause {
    }

    /**
     * {@code (freeze x)}: the frozen counterpart of the freezable definition {@code x}.
     *
     * @param index the index
     */
    record FreezeOf(int index) implements FreezeClause {
    }
}
