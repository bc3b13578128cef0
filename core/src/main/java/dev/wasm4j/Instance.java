package dev.wasm4j;

import dev.wasm4j.exec.ExternVal;
import dev.wasm4j.exec.Interrupts;
import dev.wasm4j.exec.ModuleInstance;
import dev.wasm4j.memory.LinearMemory;
import dev.wasm4j.model.ExternKind;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Future;

/**
 * An instantiated module (spec 4.2.5): its exports, reached by name, and the means to stop it.
 *
 * <pre>{@code
 * try (Instance instance = linker.instantiate(module)) {
 *     IntBinaryOperator add = instance.function("add", IntBinaryOperator.class);
 *     int three = add.applyAsInt(1, 2);
 *     Future<?> deadline = instance.interruptAfter(Duration.ofSeconds(5));  // untrusted code: a time limit
 *     instance.call("run");                                                 // traps with "interrupt" if late
 *     deadline.cancel(false);
 * }
 * }</pre>
 *
 * <p>Stopping a runaway guest: {@link #interrupt()} (from any thread), {@link #interruptAfter(Duration)}, or
 * {@link Thread#interrupt()} of the thread running it. Each makes the guest trap with {@code interrupt} at its
 * next function entry or loop iteration, in the interpreter and in compiled code alike. A fuel budget
 * ({@link EngineConfig#withFuel}) bounds the work instead of the time.
 *
 * <p>Thread safety: exports may be looked up and called from any thread; the interpreter and compiled code
 * keep each thread's call state apart. But the guest sees concurrent calls as threads sharing its memory,
 * globals and tables, which only modules written for threads expect: call a module that is not from one
 * thread at a time. {@link #interrupt()}, {@link #interruptAfter} and {@link #close()} may be called from any
 * thread at any time.
 */
public final class Instance implements AutoCloseable {
    static {
        InternalAccess.install();
    }

    private final ModuleInstance instance;
    private final Set<LinearMemory> owned;

    Instance(ModuleInstance instance, Set<LinearMemory> owned) {
        this.instance = instance;
        this.owned = owned;
    }

    /** The engine-level instance (for wasm4j's tools, through {@code Internals}). */
    ModuleInstance engineInstance() {
        return instance;
    }

    /**
     * Names of all exports, in the module's order.
     *
     * @return the export names
     */
    public Set<String> exportNames() {
        return instance.exports().keySet();
    }

    /**
     * The exported function {@code name}.
     *
     * @param name the export's name
     * @return the function
     * @throws LinkException when the module exports nothing by that name, or something else than a function
     * @throws IllegalStateException when the instance is closed
     */
    public Function function(String name) {
        return ((ExternVal.Func) export(name, ExternKind.FUNC)).function();
    }

    /**
     * The exported function {@code name} as an implementation of a functional interface, checked once against
     * the function's type: {@code int} is i32, {@code long} i64, {@code float} f32, {@code double} f64,
     * {@link Value} any type, {@link Object} externref; a {@code void} method takes no result, a {@link Value}
     * array any number of results.
     *
     * <pre>{@code
     * IntBinaryOperator add = instance.function("add", IntBinaryOperator.class);   // (i32, i32) -> i32
     * LongUnaryOperator fac = instance.function("fac", LongUnaryOperator.class);   // (i64) -> i64
     * }</pre>
     *
     * @param name the export's name
     * @param type a public functional interface whose method matches the function's type
     * @param <T> the interface
     * @return an implementation of {@code type} that calls the function (traps come as {@link TrapException}s)
     * @throws LinkException when there is no such function or its type does not match the method's
     * @throws IllegalArgumentException when {@code type} is not a functional interface
     */
    public <T> T function(String name, Class<T> type) {
        return HostBinding.typed(function(name), name, type);
    }

    /**
     * The exported memory {@code name}.
     *
     * @param name the export's name
     * @return the memory
     * @throws LinkException when the module exports nothing by that name, or something else than a memory
     */
    public Memory memory(String name) {
        return ((ExternVal.Memory) export(name, ExternKind.MEMORY)).memory();
    }

    /**
     * The exported global {@code name}.
     *
     * @param name the export's name
     * @return the global
     * @throws LinkException when the module exports nothing by that name, or something else than a global
     */
    public Global global(String name) {
        return ((ExternVal.Global) export(name, ExternKind.GLOBAL)).global();
    }

    /**
     * The exported table {@code name}.
     *
     * @param name the export's name
     * @return the table
     * @throws LinkException when the module exports nothing by that name, or something else than a table
     */
    public Table table(String name) {
        return ((ExternVal.Table) export(name, ExternKind.TABLE)).table();
    }

    /**
     * Calls the exported function {@code name}.
     *
     * @param name the export's name
     * @param args the arguments, in parameter order
     * @return the results
     * @throws LinkException when there is no such function
     * @throws TrapException when execution traps
     */
    public Value[] call(String name, Value... args) {
        return function(name).call(args);
    }

    private ExternVal export(String name, ExternKind kind) {
        checkOpen();
        ExternVal v = instance.export(name);
        if (v == null) {
            throw new LinkException("unknown export \"" + name + "\"" + HostBinding.nearest(name, exportNames()));
        }
        // instanceof rather than a pattern switch, which spins a class on first use (a run's first export)
        ExternKind actual = v instanceof ExternVal.Func ? ExternKind.FUNC
                : v instanceof ExternVal.Memory ? ExternKind.MEMORY
                : v instanceof ExternVal.Global ? ExternKind.GLOBAL
                : v instanceof ExternVal.Table ? ExternKind.TABLE
                : ExternKind.TAG;
        if (actual != kind) {
            throw new LinkException("export \"" + name + "\" is a " + describe(actual) + ", not a " + describe(kind));
        }
        return v;
    }

    private static String describe(ExternKind k) {
        return switch (k) {
            case FUNC -> "function";
            case TABLE -> "table";
            case MEMORY -> "memory";
            case GLOBAL -> "global";
            case TAG -> "tag";
        };
    }

    private void checkOpen() {
        if (instance.closed) {
            throw new IllegalStateException("instance is closed");
        }
    }

    /**
     * Asks the code running in this instance to stop: it traps with {@code interrupt} at its next function
     * entry or loop iteration, in either engine. If nothing is running, the next call stops at its first
     * check (the request is kept until a trap consumes it, as a thread's interrupt status is). Safe to call
     * from any thread.
     */
    public void interrupt() {
        Interrupts.request(instance);
    }

    /**
     * Interrupts this instance (see {@link #interrupt()}) once {@code timeout} has passed, unless the returned
     * future is cancelled first: a deadline for untrusted code, measured from now.
     *
     * @param timeout how long the guest may run; must be positive
     * @return cancel it when the guest finished in time
     * @throws IllegalArgumentException when {@code timeout} is zero or negative
     */
    public Future<?> interruptAfter(Duration timeout) {
        return Interrupts.after(instance, timeout);
    }

    /**
     * Frees the memories this instance defined (not imported ones). Calls made afterwards fail with an
     * {@link IllegalStateException} saying the instance is closed; code still running is interrupted.
     */
    @Override
    public void close() {
        instance.closed = true;
        if (instance.runningThread != null) {
            Interrupts.request(instance);   // taken by its trap, or when the call returns (Interrupts.exit)
        }
        owned.forEach(LinearMemory::close);
    }

    Map<String, ExternVal> exports() {
        return instance.exports();
    }

    @Override
    public String toString() {
        return "Instance" + Arrays.toString(exportNames().toArray());
    }
}
