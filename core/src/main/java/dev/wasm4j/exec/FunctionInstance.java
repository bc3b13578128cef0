package dev.wasm4j.exec;

import dev.wasm4j.Function;
import dev.wasm4j.Value;
import dev.wasm4j.model.DefType;
import dev.wasm4j.model.FuncType;

/**
 * A function instance (spec 4.2.6): a Wasm function of some module instance, or a host function. Its type
 * is canonical and closed, so {@code call_indirect} and casts compare types by identity and subtyping.
 */
public abstract sealed class FunctionInstance implements Function permits WasmFunction, HostFunctionInstance {
    private final DefType type;

    protected FunctionInstance(DefType type) {
        this.type = type;
    }

    /** The function's canonical type. */
    public final DefType defType() {
        return type;
    }

    /** The function's closed func type. */
    public final FuncType funcType() {
        return type.funcType();
    }

    @Override
    public final FuncType type() {
        return funcType();
    }

    @Override
    public final Value[] call(Value... args) {
        return invoke(args);
    }

    /** Calls the function with the arguments in parameter order; returns the results. */
    public abstract Value[] invoke(Value... args);

    /** A name for traces: the name section's name, or {@code func N}. */
    public abstract String debugName();
}
