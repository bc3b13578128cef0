package dev.wasm4j.model;

/**
 * An instruction sequence in binary form, ending with its {@code end} opcode: bytes {@code [start, end)} of
 * {@code bytes}. Offsets are those of the module's binary, so errors can name them. The array is shared
 * and must never be written.
 *
 * <p>Part of the decoded module's structure, shared by the engine's packages; not API (see module-info).
 *
 * @hidden
 *
 * @param bytes the bytes
 * @param start the start
 * @param end the end
 */
public record Expr(byte[] bytes, int start, int end) {

    public int length() {
        return end - start;
    }

    @Override
    public String toString() {
        return "Expr[" + start + ".." + end + "]";
    }
}
