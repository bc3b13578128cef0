package dev.wasm4j.model;

import java.util.List;

/**
 * A struct type: a sequence of fields (spec 2.3.8).
 *
 * @param fields the fields
 */
public record StructType(List<FieldType> fields) implements CompositeType {

    /**
     * Checks and normalizes the components.
     */
    public StructType {
        fields = List.copyOf(fields);
    }
}
