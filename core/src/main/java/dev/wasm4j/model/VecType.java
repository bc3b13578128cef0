package dev.wasm4j.model;

/** Vector types (spec 2.3.2). */
public enum VecType implements ValType {
    V128;

    public int code() {
        return 0x7B;
    }

    @Override
    public String toString() {
        return "v128";
    }
}
