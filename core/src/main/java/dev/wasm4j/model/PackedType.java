package dev.wasm4j.model;

/** Packed storage types of struct and array fields. */
public enum PackedType implements StorageType {
    /** {@code i8}. */
    I8(1),
    /** {@code i16}. */
    I16(2);

    private final int byteSize;

    PackedType(int byteSize) {
        this.byteSize = byteSize;
    }

    /**
     * The byte size.
     *
     * @return the byte size
     */
    public int byteSize() {
        return byteSize;
    }

    @Override
    public ValType unpacked() {
        return NumType.I32;
    }

    @Override
    public String toString() {
        return name().toLowerCase();
    }
}
