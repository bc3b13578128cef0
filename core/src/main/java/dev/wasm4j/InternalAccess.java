package dev.wasm4j;

import dev.wasm4j.compiler.CompiledModule;
import dev.wasm4j.exec.ModuleInstance;
import dev.wasm4j.internal.Internals;
import dev.wasm4j.valid.ValidModule;

/** Lets {@link Internals} (wasm4j's tools) reach the engine objects behind the API types. */
final class InternalAccess implements Internals.Access {
    private InternalAccess() {
    }

    static void install() {
        Internals.install(new InternalAccess());
    }

    @Override
    public ValidModule valid(WasmModule module) {
        return module.valid();
    }

    @Override
    public long[] loadNanos(WasmModule module) {
        return module.loadNanos();
    }

    @Override
    public CompiledModule compiled(WasmModule module) {
        return module.compiled();
    }

    @Override
    public void compileForClassJar(WasmModule module, byte[] bytes) {
        module.compileForClassJar(bytes);
    }

    @Override
    public dev.wasm4j.compiler.AutoTier autoTier(WasmModule module) {
        return module.auto();
    }

    @Override
    public ModuleInstance instance(Instance instance) {
        return instance.engineInstance();
    }
}
