package dev.wasm4j.model;

/** Packed storage types of struct and array fields. */
public enum PackedType implements StorageType {
    I8(1), I16(2);

    private final int byteSize;

    PackedType(int byteSize) {
        this.byteSize = byteSize;
    }

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
