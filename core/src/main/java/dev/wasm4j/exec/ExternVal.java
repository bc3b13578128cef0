package dev.wasm4j.exec;

import dev.wasm4j.memory.LinearMemory;
import dev.wasm4j.model.ExternKind;

/** An external value (spec 4.2.11): what an instance exports and what an import is satisfied with. */
public sealed interface ExternVal {

    ExternKind kind();

    record Func(FunctionInstance function) implements ExternVal {
        @Override
        public ExternKind kind() {
            return ExternKind.FUNC;
        }
    }

    record Table(TableInstance table) implements ExternVal {
        @Override
        public ExternKind kind() {
            return ExternKind.TABLE;
        }
    }

    record Memory(LinearMemory memory) implements ExternVal {
        @Override
        public ExternKind kind() {
            return ExternKind.MEMORY;
        }
    }

    record Global(GlobalInstance global) implements ExternVal {
        @Override
        public ExternKind kind() {
            return ExternKind.GLOBAL;
        }
    }

    record Tag(TagInstance tag) implements ExternVal {
        @Override
        public ExternKind kind() {
            return ExternKind.TAG;
        }
    }
}
