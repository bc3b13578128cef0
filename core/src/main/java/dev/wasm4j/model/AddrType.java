package dev.wasm4j.model;

/** The address type of a memory or table (spec 2.3.12): i32, or i64 with memory64. */
public enum AddrType {
    I32, I64;

    public NumType valType() {
        return this == I32 ? NumType.I32 : NumType.I64;
    }

    @Override
    public String toString() {
        return name().toLowerCase();
    }
}
