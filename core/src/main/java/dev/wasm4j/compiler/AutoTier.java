package dev.wasm4j.compiler;

import dev.wasm4j.exec.CompiledCode;
import dev.wasm4j.exec.LoopTier;
import dev.wasm4j.exec.ModuleInstance;
import dev.wasm4j.exec.WasmFunction;
import dev.wasm4j.valid.ValidModule;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The {@code auto} engine for one module: instances start in the interpreter; after a delay the module's
 * compiled code ({@link ModuleCompiler#compileOnDemand}: its classes are generated as functions are first
 * called) is made on a background thread and installed into every live instance, and the next call of each
 * function runs compiled. If compiling fails the module simply stays interpreted.
 *
 * <p>Compiling starts only after the first instance has run for a while ({@link #DEFAULT_COMPILE_DELAY_MILLIS}, or
 * {@code wasm4j.auto.compileDelayMillis}): a program that is done by then (a hello world) never loads the
 * compiler or generates a class, and the start-up it would have spent competing for the CPU goes to the
 * program. Classes stored with the module ({@code .w4j}) are defined after a longer delay ({@link
 * #STORED_CLASSES_DELAY_MILLIS}): they are all read and defined at once, which costs a short run the CPU and
 * memory it does not need, and which is still far sooner than generating them.
 *
 * <p>A call already running in the interpreter is not stuck there: once the module is compiled, a loop of
 * it that keeps iterating asks for a loop entry ({@link LoopTier}), compiled on the same background thread,
 * and the call continues in compiled code from the loop's next iteration.
 */
public final class AutoTier implements LoopTier {
    private static final ExecutorService COMPILER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "wasm4j-compiler");
        t.setDaemon(true);
        t.setPriority(Thread.NORM_PRIORITY - 1);
        return t;
    });

    /**
     * How long instances run interpreted before compiling starts, by default: 20 ms, once a program has
     * outlived a hello world (whose program part takes 4-10 ms; it still never loads the compiler). Against
     * 100 ms, a 0.7 s Lua script ran 14% shorter and the whole programs 1-7%, and a run of 0.2 s did not
     * change; 10 ms cost that run 10 ms (docs/performance.md, stop 28).
     */
    public static final long DEFAULT_COMPILE_DELAY_MILLIS = 20;
    /** The delay for modules whose classes are stored with them ({@code .w4j}), by default. */
    public static final long STORED_CLASSES_DELAY_MILLIS = 100;

    private final Supplier<CompiledModule> compile;
    private final long compileDelayMillis;
    /**
     * Testing knobs, read when a module's tier is made: {@code wasm4j.auto.loopEntriesOnly=true} compiles
     * the module on the first instantiation's thread, installs none of it, and compiles loop entries as soon
     * as asked, so that calls run interpreted until a loop moves them to compiled code;
     * {@code wasm4j.auto.loopThreshold=N} asks for loop entries after N iterations instead of 10,000.
     */
    private final boolean sync = Boolean.getBoolean("wasm4j.auto.loopEntriesOnly");
    private final int loopThreshold = Integer.getInteger("wasm4j.auto.loopThreshold", DEFAULT_LOOP_THRESHOLD);
    private final List<WeakReference<ModuleInstance>> waiting = new ArrayList<>();
    private volatile CompiledModule compiled;
    /** Loop entries by function and loop ordinal; a future that completes with null means none. */
    private final ConcurrentHashMap<Long, CompletableFuture<CompiledCode>> loopEntries = new ConcurrentHashMap<>();
    private boolean started;
    /** Why compiling the module failed, if it did (the report says it: the module then stays interpreted). */
    private volatile Throwable failure;

    /** {@code compile} produces the module's code (typically the module's cached {@link ModuleCompiler#compile}). */
    public AutoTier(Supplier<CompiledModule> compile) {
        this(compile, false);
    }

    /**
     * As {@link #AutoTier(Supplier)}; {@code storedClasses} when {@code compile} defines classes stored with
     * the module, which waits {@link #STORED_CLASSES_DELAY_MILLIS} instead (unless {@code
     * wasm4j.auto.compileDelayMillis} says otherwise).
     */
    public AutoTier(Supplier<CompiledModule> compile, boolean storedClasses) {
        this(compile, Long.getLong("wasm4j.auto.compileDelayMillis",
                storedClasses ? STORED_CLASSES_DELAY_MILLIS : DEFAULT_COMPILE_DELAY_MILLIS));
    }

    /** {@code compile} is called on the background thread {@code compileDelayMillis} after the first attach. */
    public AutoTier(Supplier<CompiledModule> compile, long compileDelayMillis) {
        this.compile = compile;
        this.compileDelayMillis = Math.max(0, compileDelayMillis);
    }

    public static AutoTier of(ValidModule valid) {
        return new AutoTier(() -> ModuleCompiler.compile(valid));
    }

    /** Installs the compiled code now if it is ready, else when it is; starts compiling on first use. */
    public synchronized void attach(ModuleInstance inst) {
        if (inst.fuel == null) {
            inst.loopTier = this;
        }
        if (compiled != null) {
            if (!sync) {
                compiled.attach(inst);
            }
            return;
        }
        if (failure != null) {
            return;
        }
        waiting.add(new WeakReference<>(inst));
        if (!started) {
            started = true;
            if (sync) {
                compileNow();
            } else {
                COMPILER.execute(this::compileLater);
            }
        }
    }

    private void compileLater() {
        if (compileDelayMillis > 0) {
            try {
                Thread.sleep(compileDelayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        compileNow();
    }

    private void compileNow() {
        CompiledModule cm;
        try {
            cm = compile.get();
        } catch (RuntimeException | LinkageError | VirtualMachineError e) {
            // An error too (out of memory, a stack too shallow): on the compiler's thread it would end the
            // thread with a trace on the guest's stderr, and leave the module waiting for code for ever.
            failure = e;
            return;
        }
        synchronized (this) {
            compiled = cm;
            if (sync) {
                waiting.clear();
                return;
            }
            for (WeakReference<ModuleInstance> w : waiting) {
                ModuleInstance inst = w.get();
                if (inst != null) {
                    cm.attach(inst);
                }
            }
            waiting.clear();
        }
    }

    @Override
    public CompiledCode loopEntry(WasmFunction f, int loop, java.util.BitSet busyLoops) {
        CompiledModule cm = compiled;
        if (cm == null) {
            return null;
        }
        long key = (long) f.index() << 32 | loop;
        if (!loopEntries.containsKey(key)) {
            if (loopOf(f.index(), e -> !e.isDone()) >= 0) {
                // Another loop of this call asked first and its entry is still being compiled: the call will
                // most likely go through that one (a program's main asks at several loops of one nest while
                // the first entry compiles), so this loop asks again later instead of queueing a second class.
                return null;
            }
            if (readyLoop(f) >= 0 && refusals.merge(key, 1, Integer::sum) <= REFUSALS) {
                // Another loop's entry is ready, and the interpreter now asks there at its next head: a call
                // that goes round that loop moves to compiled code there. Only a call that keeps running in
                // this loop without passing that head asks again, and gets an entry of its own. (Lua, n-body
                // and a hash map program each generated a second entry class this way, 55 KB for Lua.)
                return null;
            }
        }
        CompletableFuture<CompiledCode> entry = loopEntries.computeIfAbsent(key,
                k -> sync ? CompletableFuture.completedFuture(cm.loopEntry(f.index(), loop, busyLoops))
                        : CompletableFuture.supplyAsync(() -> cm.loopEntry(f.index(), loop, busyLoops), COMPILER));
        return hasCode(entry) ? entry.join() : null;
    }

    @Override
    public int readyLoop(WasmFunction f) {
        return loopOf(f.index(), AutoTier::hasCode);
    }

    /** Asks a loop refused while another loop of its function had an entry ready (see {@link #loopEntry}). */
    private final ConcurrentHashMap<Long, Integer> refusals = new ConcurrentHashMap<>();
    /** Asks refused so before a loop gets an entry of its own: this many times the threshold's iterations. */
    private static final int REFUSALS = 2;

    /** A loop of function {@code func} whose entry is in the state {@code state} tests for, or -1. */
    private int loopOf(int func, java.util.function.Predicate<CompletableFuture<CompiledCode>> state) {
        for (var e : loopEntries.entrySet()) {
            if ((int) (e.getKey() >>> 32) == func && state.test(e.getValue())) {
                return (int) (long) e.getKey();
            }
        }
        return -1;
    }

    /** Whether {@code entry} is compiled code to continue in (null when the loop has none). */
    private static boolean hasCode(CompletableFuture<CompiledCode> entry) {
        return entry.isDone() && !entry.isCompletedExceptionally() && entry.join() != null;
    }

    /**
     * What this tier did, for {@code wasm4j run --jit-report}: the loop entries it made and those it could not,
     * and why the module's compiling failed, if it did (its code then runs in wasm4j's interpreter).
     */
    public List<String> report() {
        List<String> lines = new ArrayList<>();
        Throwable f = failure;
        if (f != null) {
            lines.add("compiling the module failed, so it runs in wasm4j's interpreter: " + f);
        }
        long failedEntries = loopEntries.values().stream().filter(CompletableFuture::isCompletedExceptionally)
                .count();
        long none = loopEntries.values().stream().filter(e -> e.isDone() && !e.isCompletedExceptionally()
                && e.join() == null).count();
        if (!loopEntries.isEmpty()) {
            lines.add(loopEntriesCompiled() + " loop entries (calls running in the interpreter moved to compiled code at"
                    + " a loop)" + (none > 0 ? ", " + none + " loops without one" : "")
                    + (failedEntries > 0 ? ", " + failedEntries + " failed: " + firstFailure() : ""));
        }
        return lines;
    }

    private String firstFailure() {
        for (CompletableFuture<CompiledCode> e : loopEntries.values()) {
            if (e.isCompletedExceptionally()) {
                try {
                    e.join();
                } catch (java.util.concurrent.CompletionException | java.util.concurrent.CancellationException x) {
                    return String.valueOf(x.getCause() != null ? x.getCause() : x);
                }
            }
        }
        return "";
    }

    /** Loop entries compiled so far (for tests and tools). */
    public long loopEntriesCompiled() {
        return loopEntries.values().stream().filter(AutoTier::hasCode).count();
    }

    @Override
    public int loopThreshold() {
        return loopThreshold;
    }

    /** True once the compiled code is installed (for tests and tools). */
    public boolean ready() {
        return compiled != null;
    }
}
