package dev.wasm4j.model;

/** Number types (spec 2.3.1). */
public enum NumType implements ValType {
    /** {@code i32}. */
    I32(0x7F),
    /** {@code i64}. */
    I64(0x7E),
    /** {@code f32}. */
    F32(0x7D),
    /** {@code f64}. */
    F64(0x7C);

    private final int code;

    NumType(int code) {
        this.code = code;
    }

    /**
     * The binary encoding byte.
     *
     * @return the code
     */
    public int code() {
        return code;
    }

    @Override
    public String toString() {
        return name().toLowerCase();
    }
}
