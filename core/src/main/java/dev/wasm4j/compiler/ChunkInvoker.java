package dev.wasm4j.compiler;

import dev.wasm4j.exec.ModuleInstance;

/**
 * Implemented by each generated class: calls function {@code func} of the class with raw slots (see
 * {@link dev.wasm4j.exec.CompiledCode}), without resolving a tail call it leaves pending.
 */
public interface ChunkInvoker {
    void invoke(int func, ModuleInstance inst, long[] s, Object[] r, int base);
}
