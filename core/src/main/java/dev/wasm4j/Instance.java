package dev.wasm4j;

import dev.wasm4j.exec.ExternVal;
import dev.wasm4j.exec.ModuleInstance;
import dev.wasm4j.memory.LinearMemory;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;

/**
 * An instantiated module (spec 4.2.5). Its exports are reached by name. Closing the instance frees the
 * memories it defined (not imported ones); using it afterwards is an error.
 */
public final class Instance implements AutoCloseable {
    private final ModuleInstance instance;
    private final Set<LinearMemory> owned;

    Instance(ModuleInstance instance, Set<LinearMemory> owned) {
        this.instance = instance;
        this.owned = owned;
    }

    /** The engine-level instance, for tools inside wasm4j. */
    public ModuleInstance internal() {
        return instance;
    }

    /** Names of all exports, in the module's order. */
    public Set<String> exportNames() {
        return instance.exports().keySet();
    }

    /** The exported function {@code name}; throws IllegalArgumentException when there is none. */
    public Function function(String name) {
        if (instance.export(name) instanceof ExternVal.Func f) {
            return f.function();
        }
        throw new IllegalArgumentException("no exported function \"" + name + "\"");
    }

    public Memory memory(String name) {
        if (instance.export(name) instanceof ExternVal.Memory m) {
            return m.memory();
        }
        throw new IllegalArgumentException("no exported memory \"" + name + "\"");
    }

    public Global global(String name) {
        if (instance.export(name) instanceof ExternVal.Global g) {
            return g.global();
        }
        throw new IllegalArgumentException("no exported global \"" + name + "\"");
    }

    public Table table(String name) {
        if (instance.export(name) instanceof ExternVal.Table t) {
            return t.table();
        }
        throw new IllegalArgumentException("no exported table \"" + name + "\"");
    }

    /** Calls the exported function {@code name}. */
    public Value[] call(String name, Value... args) {
        return function(name).call(args);
    }

    Map<String, ExternVal> exports() {
        return instance.exports();
    }

    @Override
    public void close() {
        owned.forEach(LinearMemory::close);
    }

    @Override
    public String toString() {
        return "Instance" + Arrays.toString(exportNames().toArray());
    }
}
