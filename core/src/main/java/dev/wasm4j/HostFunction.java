package dev.wasm4j;

/**
 * A function written in Java that Wasm code can import. It receives the arguments as {@link Value}s in
 * parameter order and returns the results (an empty array, or null, for none). It may throw a
 * {@link TrapException} to trap, or an {@link ExitException} to end a WASI program; any other exception
 * becomes a trap.
 */
@FunctionalInterface
public interface HostFunction {

    Value[] call(Caller caller, Value[] args);
}
