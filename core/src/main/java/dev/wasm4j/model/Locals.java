package dev.wasm4j.model;

/** A run of {@code count} locals of one type, as the code section declares them. */
public record Locals(long count, ValType type) {
}
