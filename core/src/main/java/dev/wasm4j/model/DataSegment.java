package dev.wasm4j.model;

/**
 * A data segment (spec 2.5.8): bytes {@code [start, start + length)} of {@code bytes} (the module's binary,
 * shared, never written) and a mode.
 *
 * <p>Part of the decoded module's structure, shared by the engine's packages; not API (see module-info).
 *
 * @hidden
 *
 * @param mode the mode
 * @param bytes the bytes
 * @param start the start
 * @param length the length
 */
public record DataSegment(DataMode mode, byte[] bytes, int start, int length) {
}
