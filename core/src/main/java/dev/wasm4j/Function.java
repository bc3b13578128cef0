package dev.wasm4j;

import dev.wasm4j.model.FuncType;

/**
 * A function the host can call: an instance's export, or a host function (spec 4.2.6). For a typed view,
 * see {@link Instance#function(String, Class)}.
 *
 * <p>Thread safety: as its {@link Instance}'s.
 */
public interface Function {

    /**
     * The function's type (closed: concrete references name canonical types).
     *
     * @return the type
     */
    FuncType type();

    /**
     * Calls the function. Arguments must match the parameter types; results come back in order.
     *
     * @param args the arguments, in parameter order
     * @return the results, in order (an empty array for none)
     * @throws TrapException when execution traps
     * @throws UncaughtException when a Wasm exception escapes
     * @throws IllegalArgumentException when the arguments do not match the type
     * @throws IllegalStateException when the function's instance is closed
     */
    Value[] call(Value... args);
}
