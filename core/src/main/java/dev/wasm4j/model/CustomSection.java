package dev.wasm4j.model;

/** A custom section (spec 5.5.3): its name and its content, bytes {@code [start, end)} of {@code bytes}.
 *
 * <p>Part of the decoded module's structure, shared by the engine's packages; not API (see module-info).
 *
 * @hidden
 *
 * @param name the name
 * @param bytes the bytes
 * @param start the start
 * @param end the end
 */
public record CustomSection(String name, byte[] bytes, int start, int end) {

    public int length() {
        return end - start;
    }
}
