package dev.wasm4j;

import dev.wasm4j.model.FuncType;

/** A function the host can call: an instance's export, or a host function (spec 4.2.6). */
public interface Function {

    /** The function's type (closed: concrete references name canonical types). */
    FuncType type();

    /**
     * Calls the function. Arguments must match the parameter types; results come back in order.
     *
     * @throws TrapException when execution traps
     * @throws UncaughtException when a Wasm exception escapes
     * @throws IllegalArgumentException when the arguments do not match the type
     */
    Value[] call(Value... args);
}
