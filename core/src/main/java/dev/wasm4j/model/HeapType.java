package dev.wasm4j.model;

/**
 * A heap type (spec 2.3.3): an abstract one such as {@code func} or {@code any}; a concrete one naming a
 * defined type by its index in the module's type section ({@link Concrete}, module-relative, what the
 * decoder produces); or a closed one naming a canonical {@link DefType} ({@link Defined}, what the validator
 * produces for use across modules and at run time).
 */
public sealed interface HeapType permits AbsHeapType, HeapType.Concrete, HeapType.Defined {

    /**
     * A concrete heap type: the type at {@code typeIndex} of the enclosing module.
     *
     * @param typeIndex the type index
     */
    record Concrete(int typeIndex) implements HeapType {
        @Override
        public String toString() {
            return Integer.toString(typeIndex);
        }
    }

    /**
     * A closed concrete heap type: a canonical defined type, comparable across modules by identity.
     *
     * @param type the type
     */
    record Defined(DefType type) implements HeapType {
        @Override
        public String toString() {
            return type.toString();
        }
    }

    /**
     * A concrete heap type naming a type index of the module.
     *
     * @param typeIndex the type index
     * @return the heap type
     */
    static HeapType of(int typeIndex) {
        return new Concrete(typeIndex);
    }
}
