package dev.wasm4j.model;

/** A run of {@code count} locals of one type, as the code section declares them.
 *
 * <p>Part of the decoded module's structure, shared by the engine's packages; not API (see module-info).
 *
 * @hidden
 *
 * @param count the count
 * @param type the type
 */
public record Locals(long count, ValType type) {
}
