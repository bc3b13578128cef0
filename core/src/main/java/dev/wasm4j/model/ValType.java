package dev.wasm4j.model;

/** A value type (spec 2.3.4): number, vector or reference. */
public sealed interface ValType extends StorageType permits NumType, VecType, RefType {

    /**
     * Operand-stack slots one value of this type takes in the engine: 2 for v128, else 1.
     *
     * @return the slots
     */
    default int slots() {
        return this == VecType.V128 ? 2 : 1;
    }

    /**
     * Whether ref.
     *
     * @return whether ref holds
     */
    default boolean isRef() {
        return this instanceof RefType;
    }

    @Override
    default ValType unpacked() {
        return this;
    }
}
