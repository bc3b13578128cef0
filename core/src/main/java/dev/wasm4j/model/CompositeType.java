package dev.wasm4j.model;

/** A composite type (spec 2.3.8): the shape of a defined type. */
public sealed interface CompositeType permits FuncType, StructType, ArrayType {
}
