package dev.wasm4j.model;

/** The mode of an element segment (spec 2.5.7).
 *
 * <p>Part of the decoded module's structure, shared by the engine's packages; not API (see module-info).
 *
 * @hidden
 */
public sealed interface ElemMode {
    /** Available to {@code table.init}, until dropped. */
    record Passive() implements ElemMode {
    }

    /** Only declares references for {@code ref.func}; dropped at instantiation. */
    record Declarative() implements ElemMode {
    }

    /**
     * Copied into table {@code table} at {@code offset} during instantiation, then dropped.
     *
     * @param table the table
     * @param offset the offset
     */
    record Active(int table, Expr offset) implements ElemMode {
    }
}
