package dev.wasm4j.internal;

import dev.wasm4j.Instance;
import dev.wasm4j.WasmModule;
import dev.wasm4j.compiler.CompiledModule;
import dev.wasm4j.exec.ModuleInstance;
import dev.wasm4j.valid.ValidModule;

/**
 * The engine objects behind the public API types, for wasm4j's own tools (the command line, the benchmarks,
 * the tests): the validated module, its compiled code, the engine-level instance. The public API does not
 * hand these out; this package is exported only to the command line (module-info), the way the JDK shares
 * internals between its own modules.
 */
public final class Internals {
    /** How the API package lets this one in; set by {@code dev.wasm4j}'s classes when they initialize. */
    public interface Access {
        ValidModule valid(WasmModule module);

        long[] loadNanos(WasmModule module);

        CompiledModule compiled(WasmModule module);

        void compileForClassJar(WasmModule module, byte[] bytes);

        dev.wasm4j.compiler.AutoTier autoTier(WasmModule module);

        ModuleInstance instance(Instance instance);
    }

    private static volatile Access access;

    private Internals() {
    }

    /** Called once by the API package. */
    public static void install(Access a) {
        access = a;
    }

    private static Access access() {
        Access a = access;
        if (a == null) {
            // The API classes install the accessor when they initialize; touching one does it.
            WasmModule.isBinary(new byte[0]);
            a = access;
        }
        return a;
    }

    /** The decoded and validated module behind {@code module}. */
    public static ValidModule valid(WasmModule module) {
        return access().valid(module);
    }

    /** Nanoseconds the module took to decode and to validate: {decode, validate}. */
    public static long[] loadNanos(WasmModule module) {
        return access().loadNanos(module);
    }

    /** The module's compiled code, compiling it on first use. */
    public static CompiledModule compiled(WasmModule module) {
        return access().compiled(module);
    }

    /**
     * Makes {@code module}'s classes, when it compiles them on demand, those of its class jar ({@code bytes}:
     * the module's binary form), so that {@link CompiledModule#classJar} makes the jar from them. Call it
     * before the module is compiled (before its first instance); it changes nothing after.
     */
    public static void compileForClassJar(WasmModule module, byte[] bytes) {
        access().compileForClassJar(module, bytes);
    }

    /** The {@code auto} engine's state for {@code module}, made on first use (its testing knobs are read then). */
    public static dev.wasm4j.compiler.AutoTier autoTier(WasmModule module) {
        return access().autoTier(module);
    }

    /** The engine-level instance behind {@code instance}. */
    public static ModuleInstance instance(Instance instance) {
        return access().instance(instance);
    }
}
