package dev.wasm4j.model;

/**
 * A table definition (spec 2.5.4). {@code init} is the constant expression that fills new elements, or
 * null for the default {@code ref.null} of the element type.
 *
 * <p>Part of the decoded module's structure, shared by the engine's packages; not API (see module-info).
 *
 * @hidden
 *
 * @param type the type
 * @param init the init
 */
public record Table(TableType type, Expr init) {
}
