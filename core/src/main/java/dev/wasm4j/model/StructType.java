package dev.wasm4j.model;

import java.util.List;

/** A struct type: a sequence of fields (spec 2.3.8). */
public record StructType(List<FieldType> fields) implements CompositeType {

    public StructType {
        fields = List.copyOf(fields);
    }
}
