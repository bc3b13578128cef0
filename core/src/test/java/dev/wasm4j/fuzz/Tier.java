package dev.wasm4j.fuzz;

import dev.wasm4j.Engine;
import dev.wasm4j.EngineConfig;
import dev.wasm4j.Linker;
import dev.wasm4j.WasmModule;
import dev.wasm4j.internal.Internals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * One way wasm4j runs a module: interpreted, compiled, compiled with every function split into regions, or
 * the {@code auto} engine taking every call that loops from the interpreter to compiled code through a loop
 * entry (on-stack replacement) after a few iterations.
 */
enum Tier {
    INTERPRETER, COMPILER, SPLIT, LOOP_ENTRIES;

    private static final String SPLIT_ALL = "wasm4j.compiler.splitAll";
    private static final String LOOP_ENTRIES_ONLY = "wasm4j.auto.loopEntriesOnly";
    private static final String LOOP_THRESHOLD = "wasm4j.auto.loopThreshold";
    private static final long TIMEOUT_SECONDS = 60;
    /** Loop entries the {@link #LOOP_ENTRIES} tier has compiled, over all its runs. */
    private static final java.util.concurrent.atomic.AtomicLong LOOP_ENTRIES_COMPILED = new java.util.concurrent.atomic.AtomicLong();

    /** Loop entries the {@link #LOOP_ENTRIES} tier has compiled so far, over all its runs. */
    static long loopEntriesCompiled() {
        return LOOP_ENTRIES_COMPILED.get();
    }

    /** Parses {@code bytes} afresh (compiled code is kept per module) and compiles it as this tier does. */
    WasmModule load(byte[] bytes) {
        WasmModule m = WasmModule.parse(bytes);
        switch (this) {
            case INTERPRETER -> { }
            case COMPILER -> Internals.compiled(m);
            case SPLIT -> withProperties(Map.of(SPLIT_ALL, "true"), () -> Internals.compiled(m));
            // the auto engine reads its knobs when the module's tier is made: calls then stay interpreted
            // until a loop enters compiled code
            case LOOP_ENTRIES -> withProperties(Map.of(LOOP_ENTRIES_ONLY, "true", LOOP_THRESHOLD, "3"),
                    () -> Internals.autoTier(m));
        }
        return m;
    }

    /** Runs {@code action} with the testing knobs {@code properties} set, one tier at a time. */
    private static void withProperties(Map<String, String> properties, Runnable action) {
        synchronized (Tier.class) {
            properties.forEach(System::setProperty);
            try {
                action.run();
            } finally {
                properties.keySet().forEach(System::clearProperty);
            }
        }
    }

    Linker linker() {
        return new Linker(EngineConfig.of(switch (this) {
            case INTERPRETER -> Engine.INTERPRETER;
            case COMPILER, SPLIT -> Engine.COMPILER;
            case LOOP_ENTRIES -> Engine.AUTO;
        }));
    }

    /**
     * Runs {@code body} on a thread of its own with a 16 MiB stack (as the tests' threads have), giving up
     * after a minute: a run that hangs or fails outside Wasm's rules ends as an event that no reference
     * has ({@code hang}, {@code crash ...}), so that it shows as a mismatch.
     */
    FuzzHost.Run run(byte[] bytes, Function<WasmModule, FuzzHost.Run> body) {
        CompletableFuture<FuzzHost.Run> result = new CompletableFuture<>();
        Thread t = new Thread(null, () -> {
            try {
                WasmModule module = load(bytes);
                FuzzHost.Run run = body.apply(module);
                if (this == LOOP_ENTRIES) {
                    LOOP_ENTRIES_COMPILED.addAndGet(Internals.autoTier(module).loopEntriesCompiled());
                }
                result.complete(run);
            } catch (Throwable e) {
                result.complete(crash(e));
            }
        }, "fuzz-" + this, 16 << 20);
        t.setDaemon(true);
        t.start();
        try {
            return result.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            return new FuzzHost.Run(List.of("hang"), List.of("hang"));
        } catch (InterruptedException | ExecutionException e) {
            return crash(e);
        }
    }

    private static FuzzHost.Run crash(Throwable e) {
        List<String> details = new ArrayList<>(List.of("crash " + e));
        for (StackTraceElement s : e.getStackTrace()) {
            details.add("    at " + s);
        }
        return new FuzzHost.Run(List.of("crash " + e), details);
    }
}
