package dev.wasm4j.model;

/** A tag definition (exception handling).
 *
 * <p>Part of the decoded module's structure, shared by the engine's packages; not API (see module-info).
 *
 * @hidden
 *
 * @param type the type
 */
public record Tag(TagType type) {
}
