package dev.wasm4j.wast;

import dev.wasm4j.Value;

import java.util.List;

/** An action of a script: invoke an export, or read an exported global. */
public sealed interface Action {

    /** Module name ({@code $id}) or null for the most recently defined module. */
    String moduleId();

    String exportName();

    record Invoke(String moduleId, String exportName, List<Value> args) implements Action {
        public Invoke {
            args = List.copyOf(args);
        }
    }

    record Get(String moduleId, String exportName) implements Action {
    }
}
