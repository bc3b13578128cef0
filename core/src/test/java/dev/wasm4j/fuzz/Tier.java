package dev.wasm4j.fuzz;

import dev.wasm4j.Engine;
import dev.wasm4j.EngineConfig;
import dev.wasm4j.Linker;
import dev.wasm4j.WasmModule;
import dev.wasm4j.internal.Internals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/** One way wasm4j runs a module: interpreted, compiled, or compiled with every function split into regions. */
enum Tier {
    INTERPRETER, COMPILER, SPLIT;

    private static final String SPLIT_ALL = "wasm4j.compiler.splitAll";
    private static final long TIMEOUT_SECONDS = 60;

    /** Parses {@code bytes} afresh (compiled code is kept per module) and compiles it as this tier does. */
    WasmModule load(byte[] bytes) {
        WasmModule m = WasmModule.parse(bytes);
        if (this == SPLIT) {
            synchronized (Tier.class) {
                System.setProperty(SPLIT_ALL, "true");
                try {
                    Internals.compiled(m);
                } finally {
                    System.clearProperty(SPLIT_ALL);
                }
            }
        } else if (this == COMPILER) {
            Internals.compiled(m);
        }
        return m;
    }

    Linker linker() {
        return new Linker(EngineConfig.of(this == INTERPRETER ? Engine.INTERPRETER : Engine.COMPILER));
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
                result.complete(body.apply(load(bytes)));
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
