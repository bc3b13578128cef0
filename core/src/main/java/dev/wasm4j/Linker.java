package dev.wasm4j;

import dev.wasm4j.exec.ExternVal;
import dev.wasm4j.exec.Fuel;
import dev.wasm4j.exec.FunctionInstance;
import dev.wasm4j.exec.GlobalInstance;
import dev.wasm4j.exec.HostFunctionInstance;
import dev.wasm4j.exec.Instantiator;
import dev.wasm4j.exec.ModuleInstance;
import dev.wasm4j.exec.TableInstance;
import dev.wasm4j.memory.LinearMemory;
import dev.wasm4j.model.FuncType;
import dev.wasm4j.valid.TypeRegistry;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Resolves imports by module and item name (spec 7.1.4 {@code module_instantiate}): host functions,
 * memories, tables and globals defined here, and the exports of instances registered under a module name.
 * A Linker is not thread-safe while it is being filled; instantiation through it is.
 *
 * <pre>{@code
 * Linker linker = new Linker()
 *     .define("env", "log", FuncType.of(List.of(NumType.I32), List.of()),
 *             (caller, args) -> { System.out.println(args[0]); return null; });
 * Instance instance = linker.instantiate(module);
 * }</pre>
 */
public final class Linker {
    private final Map<String, Map<String, ExternVal>> definitions = new HashMap<>();
    private final EngineConfig config;
    /** The fuel budget shared by this linker's instances, or null. */
    private final Fuel fuel;

    /** A linker whose instances run with the default engine ({@link EngineConfig#DEFAULT}). */
    public Linker() {
        this(EngineConfig.DEFAULT);
    }

    /** A linker whose instances run as {@code config} says. */
    public Linker(EngineConfig config) {
        this.config = java.util.Objects.requireNonNull(config, "config");
        this.fuel = config.metered() ? new Fuel(config.fuel()) : null;
    }

    public EngineConfig config() {
        return config;
    }

    /** Fuel left for this linker's instances, or -1 when execution is not metered. */
    public long remainingFuel() {
        return fuel == null ? -1 : fuel.remaining();
    }

    /** Defines a host function; {@code type} may only use abstract reference types. */
    public Linker define(String module, String name, FuncType type, HostFunction function) {
        var f = new HostFunctionInstance(TypeRegistry.global().funcType(type), function, module + "." + name);
        return put(module, name, new ExternVal.Func(f));
    }

    /** Defines a function (for example another instance's export). */
    public Linker define(String module, String name, Function function) {
        return put(module, name, new ExternVal.Func((FunctionInstance) function));
    }

    public Linker define(String module, String name, Memory memory) {
        return put(module, name, new ExternVal.Memory((LinearMemory) memory));
    }

    public Linker define(String module, String name, Global global) {
        return put(module, name, new ExternVal.Global((GlobalInstance) global));
    }

    public Linker define(String module, String name, Table table) {
        return put(module, name, new ExternVal.Table((TableInstance) table));
    }

    /** Makes every export of {@code instance} importable under {@code module}. */
    public Linker register(String module, Instance instance) {
        instance.exports().forEach((name, value) -> put(module, name, value));
        return this;
    }

    /** Defines an engine-level external value (used by the script runner for tags). */
    public Linker defineExtern(String module, String name, ExternVal value) {
        return put(module, name, value);
    }

    private Linker put(String module, String name, ExternVal value) {
        definitions.computeIfAbsent(module, k -> new HashMap<>()).put(name, value);
        return this;
    }

    /**
     * Instantiates {@code module} with this linker's definitions.
     *
     * @throws LinkException when an import is missing or has an incompatible type
     * @throws TrapException when initialization or the start function traps
     */
    public Instance instantiate(WasmModule module) {
        // Fuel is metered by the interpreter: a metered linker interprets whatever engine it names.
        java.util.function.Consumer<ModuleInstance> tier = fuel != null ? inst -> inst.fuel = fuel : switch (config.engine()) {
            case INTERPRETER -> null;
            case COMPILER -> module.compiled()::attach;
            case AUTO -> module.precompiled() ? module.compiled()::attach : module.auto()::attach;
        };
        ModuleInstance inst = Instantiator.instantiate(module.valid(),
                imp -> definitions.getOrDefault(imp.module(), Map.of()).get(imp.name()), tier);
        Set<LinearMemory> owned = new HashSet<>();
        int imported = module.valid().module().importedMemoryCount();
        for (int i = imported; i < inst.memories.length; i++) {
            owned.add(inst.memories[i]);
        }
        return new Instance(inst, owned);
    }
}
