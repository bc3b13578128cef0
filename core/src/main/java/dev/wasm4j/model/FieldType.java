package dev.wasm4j.model;

/**
 * A struct field or array element type (spec 2.3.8): storage type and mutability.
 *
 * @param storage the storage
 * @param mutable the mutable
 */
public record FieldType(StorageType storage, boolean mutable) {

    @Override
    public String toString() {
        return mutable ? "(mut " + storage + ")" : storage.toString();
    }
}
