package dev.wasm4j;

/** A WASI program ended with {@code proc_exit(code)}. */
public final class ExitException extends WasmException {
    private final int exitCode;

    public ExitException(int exitCode) {
        super("exit with code " + exitCode);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
