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
 *
 * <pre>{@code
 * Linker linker = new Linker()
 *     .define("env", "add", IntBinaryOperator.class, (a, b) -> a + b)           // typed by its signature
 *     .define("env", "log", FuncType.of(List.of(NumType.I32), List.of()),       // or by an explicit type
 *             (caller, args) -> { System.out.println(args[0]); return null; })
 *     .define("host", new MyHostFunctions());                                     // every @WasmExport method
 * Instance instance = linker.instantiate(module);
 * }</pre>
 *
 * <p>Thread safety: not thread-safe while it is being filled ({@code define}, {@code register}); once filled,
 * {@link #instantiate} may be called from any number of threads.
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

    /**
     * A linker whose instances run as {@code config} says.
     *
     * @param config the engine and its limits
     */
    public Linker(EngineConfig config) {
        this.config = java.util.Objects.requireNonNull(config, "config");
        this.fuel = config.metered() ? new Fuel(config.fuel()) : null;
    }

    /**
     * The configuration this linker's instances run with.
     *
     * @return the configuration
     */
    public EngineConfig config() {
        return config;
    }

    /**
     * Fuel left for this linker's instances.
     *
     * @return the units left, or -1 when execution is not metered
     */
    public long remainingFuel() {
        return fuel == null ? -1 : fuel.remaining();
    }

    /**
     * Defines a host function of an explicit type.
     *
     * @param module the import's module name
     * @param name the import's item name
     * @param type the function's type; it may only use abstract reference types
     * @param function the Java code, called with the arguments as {@link Value}s
     * @return this linker
     */
    public Linker define(String module, String name, FuncType type, HostFunction function) {
        var f = new HostFunctionInstance(TypeRegistry.global().funcType(type), function, module + "." + name);
        return put(module, name, new ExternVal.Func(f));
    }

    /**
     * Defines a host function from a lambda (or any implementation) of a functional interface, typed by the
     * interface method's signature: an optional leading {@link Caller}, then {@code int}, {@code long},
     * {@code float}, {@code double} or {@link Object} parameters (i32, i64, f32, f64, externref), and one
     * such result or {@code void}.
     *
     * <pre>{@code
     * linker.define("env", "add", IntBinaryOperator.class, (a, b) -> a + b);   // (i32, i32) -> i32
     * }</pre>
     *
     * @param module the import's module name
     * @param name the import's item name
     * @param type a public functional interface
     * @param implementation its implementation
     * @param <T> the interface
     * @return this linker
     * @throws IllegalArgumentException when a parameter or result has no Wasm type
     */
    public <T> Linker define(String module, String name, Class<T> type, T implementation) {
        HostBinding.Bound b = HostBinding.lambda(name, type, implementation);
        return define(module, name, b.type(), b.function());
    }

    /**
     * Defines every public method of {@code host} annotated {@link WasmExport} as a host function under
     * {@code module}, typed by its signature as for {@link #define(String, String, Class, Object)}.
     *
     * @param module the import's module name
     * @param host an object with {@code @WasmExport} methods
     * @return this linker
     * @throws IllegalArgumentException when it has none, or one has a parameter without a Wasm type
     */
    public Linker define(String module, Object host) {
        for (HostBinding.Bound b : HostBinding.annotated(host)) {
            define(module, b.name(), b.type(), b.function());
        }
        return this;
    }

    /**
     * Defines a function, for example another instance's export.
     *
     * @param module the import's module name
     * @param name the import's item name
     * @param function a function obtained from wasm4j
     * @return this linker
     */
    public Linker define(String module, String name, Function function) {
        if (function instanceof FunctionInstance f) {
            return put(module, name, new ExternVal.Func(f));
        }
        return define(module, name, function.type(), (caller, args) -> function.call(args));
    }

    /**
     * Defines a memory, for example one made by {@link Memory#allocate} or another instance's export.
     *
     * @param module the import's module name
     * @param name the import's item name
     * @param memory a memory obtained from wasm4j
     * @return this linker
     */
    public Linker define(String module, String name, Memory memory) {
        return put(module, name, new ExternVal.Memory(engineObject(LinearMemory.class, memory)));
    }

    /**
     * Defines a global, for example one made by {@link Global#of} or another instance's export.
     *
     * @param module the import's module name
     * @param name the import's item name
     * @param global a global obtained from wasm4j
     * @return this linker
     */
    public Linker define(String module, String name, Global global) {
        return put(module, name, new ExternVal.Global(engineObject(GlobalInstance.class, global)));
    }

    /**
     * Defines a table, for example one made by {@link Table#of} or another instance's export.
     *
     * @param module the import's module name
     * @param name the import's item name
     * @param table a table obtained from wasm4j
     * @return this linker
     */
    public Linker define(String module, String name, Table table) {
        return put(module, name, new ExternVal.Table(engineObject(TableInstance.class, table)));
    }

    /**
     * Makes every export of {@code instance} importable under {@code module}.
     *
     * @param module the module name other modules import them by
     * @param instance the instance whose exports to offer
     * @return this linker
     */
    public Linker register(String module, Instance instance) {
        instance.exports().forEach((name, value) -> put(module, name, value));
        return this;
    }

    /** Defines an engine-level external value (the script runner's tags). */
    Linker defineExtern(String module, String name, ExternVal value) {
        return put(module, name, value);
    }

    private static <T> T engineObject(Class<T> engineClass, Object o) {
        if (!engineClass.isInstance(o)) {
            throw new IllegalArgumentException(o + " was not made by wasm4j (use Memory.allocate, Global.of, "
                    + "Table.of or another instance's export)");
        }
        return engineClass.cast(o);
    }

    private Linker put(String module, String name, ExternVal value) {
        definitions.computeIfAbsent(module, k -> new HashMap<>()).put(name, value);
        return this;
    }

    /**
     * Instantiates {@code module} with this linker's definitions.
     *
     * @param module the module
     * @return the new instance; close it to free its memories
     * @throws LinkException when an import is missing or has an incompatible type
     * @throws TrapException when initialization or the start function traps
     */
    public Instance instantiate(WasmModule module) {
        // Metered instances run code compiled with fuel charges (the interpreter charges the same amounts).
        java.util.function.Consumer<ModuleInstance> tier = fuel != null ? switch (config.engine()) {
            case INTERPRETER -> inst -> inst.fuel = fuel;
            case COMPILER -> inst -> {
                inst.fuel = fuel;
                module.compiledMetered().attach(inst);
            };
            case AUTO -> inst -> {
                inst.fuel = fuel;
                module.autoMetered().attach(inst);
            };
        } : switch (config.engine()) {
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
