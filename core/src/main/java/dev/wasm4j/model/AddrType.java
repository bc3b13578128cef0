package dev.wasm4j.model;

/** The address type of a memory or table (spec 2.3.12): i32, or i64 with memory64. */
public enum AddrType {
    /** {@code i32}. */
    I32,
    /** {@code i64}. */
    I64;

    /**
     * The val type.
     *
     * @return the val type
     */
    public NumType valType() {
        return this == I32 ? NumType.I32 : NumType.I64;
    }

    @Override
    public String toString() {
        return name().toLowerCase();
    }
}
