package dev.wasm4j;

import java.util.List;

/**
 * A trap (spec 4.4): execution stopped with the spec's message ({@code integer divide by zero},
 * {@code out of bounds memory access}, {@code call stack exhausted}, ...). {@link #wasmBacktrace()} lists the
 * Wasm frames innermost first, with function names from the {@code name} section where known.
 */
public final class TrapException extends WasmException {
    private final String trapMessage;
    private final List<String> wasmBacktrace;

    public TrapException(String message) {
        this(message, List.of());
    }

    public TrapException(String message, List<String> wasmBacktrace) {
        super(message);
        this.trapMessage = message;
        this.wasmBacktrace = List.copyOf(wasmBacktrace);
    }

    /** The spec's trap message, without backtrace. */
    public String trapMessage() {
        return trapMessage;
    }

    /** Wasm frames, innermost first, e.g. {@code "#0 fac (func 3)"}. */
    public List<String> wasmBacktrace() {
        return wasmBacktrace;
    }

    /** A copy of this trap carrying a backtrace. */
    public TrapException withBacktrace(List<String> backtrace) {
        return new TrapException(trapMessage, backtrace);
    }
}
