package dev.wasm4j.model;

/** The type of a structured instruction (spec 2.4.8): empty, a single result, or a type index.
 *
 * <p>Part of the decoded module's structure, shared by the engine's packages; not API (see module-info).
 *
 * @hidden
 */
public sealed interface BlockType {

    /**
     * Creates one.
     */
    BlockType EMPTY = new Empty();

    /** {@code [] -> []}. */
    record Empty() implements BlockType {
    }

    /**
     * {@code [] -> [type]}.
     *
     * @param type the type
     */
    record Value(ValType type) implements BlockType {
    }

    /**
     * The function type at {@code typeIndex}.
     *
     * @param typeIndex the type index
     */
    record TypeIndex(int typeIndex) implements BlockType {
    }
}
