package dev.wasm4j.model;

/** The type of an import or export (spec 2.3.13). */
public sealed interface ExternType permits ExternType.Func, TableType, MemoryType, GlobalType, TagType {

    ExternKind kind();

    /** A function import: its type is the func type at {@code typeIndex}. */
    record Func(int typeIndex) implements ExternType {
        @Override
        public ExternKind kind() {
            return ExternKind.FUNC;
        }
    }
}
