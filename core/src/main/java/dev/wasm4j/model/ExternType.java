package dev.wasm4j.model;

/** The type of an import or export (spec 2.3.13). */
public sealed interface ExternType permits ExternType.Func, TableType, MemoryType, GlobalType, TagType {

    /**
     * The kind.
     *
     * @return the kind
     */
    ExternKind kind();

    /**
     * A function import: its type is the func type at {@code typeIndex}.
     *
     * @param typeIndex the type index
     */
    record Func(int typeIndex) implements ExternType {
        @Override
        public ExternKind kind() {
            return ExternKind.FUNC;
        }
    }
}
