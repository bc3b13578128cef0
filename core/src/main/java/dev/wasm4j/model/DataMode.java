package dev.wasm4j.model;

/** The mode of a data segment (spec 2.5.8).
 *
 * <p>Part of the decoded module's structure, shared by the engine's packages; not API (see module-info).
 *
 * @hidden
 */
public sealed interface DataMode {
    /** Available to {@code memory.init}, until dropped. */
    record Passive() implements DataMode {
    }

    /**
     * Copied into memory {@code memory} at {@code offset} during instantiation, then dropped.
     *
     * @param memory the memory
     * @param offset the offset
     */
    record Active(int memory, Expr offset) implements DataMode {
    }
}
