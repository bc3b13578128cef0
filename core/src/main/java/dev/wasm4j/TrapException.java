package dev.wasm4j;

import java.util.List;

/**
 * A trap (spec 4.4): execution stopped with the spec's message ({@code integer divide by zero},
 * {@code out of bounds memory access}, {@code call stack exhausted}, ...). {@link #wasmBacktrace()} lists the
 * Wasm frames innermost first, with function names from the {@code name} section where known.
 *
 * <p>Thread safety: immutable.
 */
public final class TrapException extends WasmException {
    /** The spec's message. */
    private final String trapMessage;
    /** Wasm frames, innermost first. */
    private final List<String> wasmBacktrace;

    /**
     * A trap without a backtrace (host functions throw these to trap).
     *
     * @param message the trap's message
     */
    public TrapException(String message) {
        this(message, List.of());
    }

    /**
     * A trap with its Wasm backtrace.
     *
     * @param message the trap's message
     * @param wasmBacktrace the Wasm frames, innermost first
     */
    public TrapException(String message, List<String> wasmBacktrace) {
        super(message);
        this.trapMessage = message;
        this.wasmBacktrace = List.copyOf(wasmBacktrace);
    }

    /**
     * The spec's trap message, without backtrace.
     *
     * @return the message, e.g. {@code integer divide by zero} or {@code interrupt}
     */
    public String trapMessage() {
        return trapMessage;
    }

    /**
     * The Wasm frames the trap passed through, innermost first: each a function's name from the {@code name}
     * section, else its export name and index ({@code "fac (func 3)"}), else {@code "func 3"}.
     *
     * @return the frames
     */
    public List<String> wasmBacktrace() {
        return wasmBacktrace;
    }

    /**
     * A copy of this trap carrying a backtrace.
     *
     * @param backtrace the Wasm frames, innermost first
     * @return the copy
     */
    public TrapException withBacktrace(List<String> backtrace) {
        return new TrapException(trapMessage, backtrace);
    }
}
