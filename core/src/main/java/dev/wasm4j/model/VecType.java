package dev.wasm4j.model;

/** Vector types (spec 2.3.2). */
public enum VecType implements ValType {
    /** {@code v128}. */
    V128;

    /**
     * The binary encoding byte.
     *
     * @return the code
     */
    public int code() {
        return 0x7B;
    }

    @Override
    public String toString() {
        return "v128";
    }
}
