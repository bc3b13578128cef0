package dev.wasm4j.exec;

import dev.wasm4j.TrapException;

/**
 * A fuel budget shared by the instances of one linker: execution consumes about one unit per Wasm
 * instruction (a call is charged for its whole body once, each loop iteration for the loop's body), and traps
 * with {@code all fuel consumed by WebAssembly} when the budget is spent, as wasmtime's fuel does. Not
 * thread-safe: a budget for one thread of execution.
 */
public final class Fuel {
    public static final String EXHAUSTED = "all fuel consumed by WebAssembly";

    private long remaining;

    public Fuel(long units) {
        this.remaining = units;
    }

    /** Units left. */
    public long remaining() {
        return remaining;
    }

    /** Adds units (a host may refuel between calls). */
    public void add(long units) {
        remaining += units;
    }

    /** Charges {@code units}; traps when the budget is exceeded. */
    public void consume(int units) {
        remaining -= units;
        if (remaining < 0) {
            remaining = 0;
            throw new TrapException(EXHAUSTED);
        }
    }
}
