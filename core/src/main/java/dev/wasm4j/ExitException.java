package dev.wasm4j;

/**
 * A WASI program ended with {@code proc_exit(code)}.
 *
 * <p>Thread safety: immutable.
 */
public final class ExitException extends WasmException {
    /** The program's exit code. */
    private final int exitCode;

    /**
     * An exit with {@code exitCode}.
     *
     * @param exitCode the code the program passed to {@code proc_exit}
     */
    public ExitException(int exitCode) {
        super("exit with code " + exitCode);
        this.exitCode = exitCode;
    }

    /**
     * The program's exit code.
     *
     * @return the code passed to {@code proc_exit}
     */
    public int exitCode() {
        return exitCode;
    }
}
