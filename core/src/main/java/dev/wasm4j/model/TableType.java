package dev.wasm4j.model;

/**
 * A table type (spec 2.3.12): address type, limits in elements, element reference type.
 *
 * @param addrType the addr type
 * @param limits the limits
 * @param elemType the elem type
 */
public record TableType(AddrType addrType, Limits limits, RefType elemType) implements ExternType {

    /**
     * A table type with i32 addresses.
     *
     * @param limits the limits
     * @param elemType the elem type
     * @return the type
     */
    public static TableType of(Limits limits, RefType elemType) {
        return new TableType(AddrType.I32, limits, elemType);
    }

    @Override
    public ExternKind kind() {
        return ExternKind.TABLE;
    }
}
