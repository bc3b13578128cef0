package dev.wasm4j.exec;

import dev.wasm4j.Value;

/**
 * A function body compiled by a tier other than the interpreter (the bytecode compiler), shared by every
 * instance of its module. Calls pass raw slots as the interpreter keeps them: numbers in {@code s} (i32 and
 * f32 bits sign-extended, v128 as two slots, low first), references in {@code r} at the same index.
 */
public interface CompiledCode {

    /**
     * Runs the function of {@code instance} with its arguments at {@code s/r[base..]}; its results are then
     * at {@code s/r[base..]}. Both arrays have room for the larger of the parameter and result slots.
     */
    void call(ModuleInstance instance, long[] s, Object[] r, int base);

    /** Runs the function for the host: arguments in parameter order, results out. */
    Value[] invoke(WasmFunction function, Value[] args);
}
