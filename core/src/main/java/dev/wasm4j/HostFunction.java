package dev.wasm4j;

/**
 * A function written in Java that Wasm code can import. It receives the arguments as {@link Value}s in
 * parameter order and returns the results (an empty array, or null, for none). It may throw a
 * {@link TrapException} to trap, or an {@link ExitException} to end a WASI program; any other exception
 * becomes a trap. For functions typed by a Java signature instead, see
 * {@link Linker#define(String, String, Class, Object)} and {@link WasmExport}.
 *
 * <p>Thread safety: called on the thread that runs the calling Wasm code; a host function imported by
 * instances that run on several threads must be thread-safe itself.
 */
@FunctionalInterface
public interface HostFunction {

    /**
     * Runs the host code.
     *
     * @param caller what the host code may see of the calling instance
     * @param args the arguments, in parameter order
     * @return the results, or null when the type has none
     */
    Value[] call(Caller caller, Value[] args);
}
