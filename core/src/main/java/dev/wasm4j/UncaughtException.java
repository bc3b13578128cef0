package dev.wasm4j;

/**
 * A Wasm exception ({@code throw}, {@code throw_ref}) that no handler caught and that reached the host.
 * {@link #exception()} is the engine's exception object (tag and payload), so the host may rethrow it.
 *
 * <p>Thread safety: immutable.
 */
public final class UncaughtException extends WasmException {
    private final transient Object exception;

    /**
     * An uncaught Wasm exception.
     *
     * @param exception the engine's exception object
     */
    public UncaughtException(Object exception) {
        super("uncaught exception");
        this.exception = exception;
    }

    /**
     * The engine's exception reference (an exnref value), to pass back to Wasm.
     *
     * @return the exception object
     */
    public Object exception() {
        return exception;
    }
}
