package dev.wasm4j.model;

/**
 * An array type: one element field type (spec 2.3.8).
 *
 * @param element the element
 */
public record ArrayType(FieldType element) implements CompositeType {
}
