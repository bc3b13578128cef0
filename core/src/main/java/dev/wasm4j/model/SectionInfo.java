package dev.wasm4j.model;

/**
 * Where a section lies in the module's binary (spec 5.5.2), for tools such as {@code wasm4j inspect}:
 * its id, its name ({@code "type"}, {@code "code"}, ..., or a custom section's own name), the offset of its
 * content (just after the size) and the content's size in bytes.
 *
 * <p>Part of the decoded module's structure, shared by the engine's packages; not API (see module-info).
 *
 * @hidden
 *
 * @param id the id
 * @param name the name
 * @param offset the offset
 * @param size the size
 */
public record SectionInfo(int id, String name, int offset, int size) {
}
