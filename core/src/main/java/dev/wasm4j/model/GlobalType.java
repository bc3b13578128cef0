package dev.wasm4j.model;

/**
 * A global type (spec 2.3.14): value type and mutability.
 *
 * @param valType the val type
 * @param mutable the mutable
 */
public record GlobalType(ValType valType, boolean mutable) implements ExternType {

    /**
     * A global type.
     *
     * @return the type
     */
    public static GlobalType of(ValType valType, boolean mutable) {
        return new GlobalType(valType, mutable);
    }

    @Override
    public ExternKind kind() {
        return ExternKind.GLOBAL;
    }
}
