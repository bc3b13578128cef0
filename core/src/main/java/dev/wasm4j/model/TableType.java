package dev.wasm4j.model;

/** A table type (spec 2.3.12): address type, limits in elements, element reference type. */
public record TableType(AddrType addrType, Limits limits, RefType elemType) implements ExternType {

    public static TableType of(Limits limits, RefType elemType) {
        return new TableType(AddrType.I32, limits, elemType);
    }

    @Override
    public ExternKind kind() {
        return ExternKind.TABLE;
    }
}
