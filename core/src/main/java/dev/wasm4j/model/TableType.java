package dev.wasm4j.model;

import dev.wasm4j.model.MemoryType.StaticProtection;

/**
 * A table type (spec 2.3.12): address type, limits in elements, element reference type. {@code protection}
 * carries the memory control proposal's limits extension (static-protection.md, "Tables"), which the binary
 * and text formats accept for tables too; validation requires both sizes to be zero, so a valid table's
 * protection is always {@link StaticProtection#NONE}.
 *
 * @param addrType the addr type
 * @param limits the limits
 * @param elemType the elem type
 * @param protection the no-access and read-only sizes (zero in a valid table)
 */
public record TableType(AddrType addrType, Limits limits, RefType elemType, StaticProtection protection)
        implements ExternType {

    /**
     * A table type without the limits extension.
     *
     * @param addrType the addr type
     * @param limits the limits
     * @param elemType the elem type
     */
    public TableType(AddrType addrType, Limits limits, RefType elemType) {
        this(addrType, limits, elemType, StaticProtection.NONE);
    }

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
