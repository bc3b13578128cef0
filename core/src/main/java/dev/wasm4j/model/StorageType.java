package dev.wasm4j.model;

/** A field's storage type: a value type or a packed type (spec 2.3.8 "Aggregate Types"). */
public sealed interface StorageType permits ValType, PackedType {

    /**
     * The value type a stored value is read as: packed types unpack to i32.
     *
     * @return the unpacked
     */
    ValType unpacked();
}
