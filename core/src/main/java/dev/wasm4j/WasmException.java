package dev.wasm4j;

/**
 * Every error wasm4j reports about a module or its execution. The subclasses mirror the outcomes of the
 * spec's script format: malformed and invalid modules ({@link ModuleException}), unlinkable imports
 * ({@link LinkException}), traps ({@link TrapException}), uncaught Wasm exceptions
 * ({@link UncaughtException}) and a WASI program's exit ({@link ExitException}).
 *
 * <p>Thread safety: immutable.
 */
public abstract sealed class WasmException extends RuntimeException
        permits ModuleException, LinkException, TrapException, UncaughtException, ExitException {

    /**
     * An error with a message.
     *
     * @param message the message
     */
    protected WasmException(String message) {
        super(message, null, false, false);
    }

    /**
     * An error with a message and a cause.
     *
     * @param message the message
     * @param cause what caused it
     */
    protected WasmException(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
