package dev.wasm4j.compiler;

import dev.wasm4j.exec.ModuleInstance;
import dev.wasm4j.valid.ValidModule;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The {@code auto} engine for one module: instances start in the interpreter while the module is compiled
 * on a background thread; when the code is ready it is installed into every live instance, and the next
 * call of each function runs compiled. If compiling fails the module simply stays interpreted.
 */
public final class AutoTier {
    private static final ExecutorService COMPILER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "wasm4j-compiler");
        t.setDaemon(true);
        t.setPriority(Thread.NORM_PRIORITY - 1);
        return t;
    });

    private final Supplier<CompiledModule> compile;
    private final List<WeakReference<ModuleInstance>> waiting = new ArrayList<>();
    private CompiledModule compiled;
    private boolean started;
    private volatile boolean failed;

    /** {@code compile} produces the module's code (typically the module's cached {@link ModuleCompiler#compile}). */
    public AutoTier(Supplier<CompiledModule> compile) {
        this.compile = compile;
    }

    public static AutoTier of(ValidModule valid) {
        return new AutoTier(() -> ModuleCompiler.compile(valid));
    }

    /** Installs the compiled code now if it is ready, else when it is; starts compiling on first use. */
    public synchronized void attach(ModuleInstance inst) {
        if (compiled != null) {
            compiled.attach(inst);
            return;
        }
        if (failed) {
            return;
        }
        waiting.add(new WeakReference<>(inst));
        if (!started) {
            started = true;
            COMPILER.execute(this::compileNow);
        }
    }

    private void compileNow() {
        CompiledModule cm;
        try {
            cm = compile.get();
        } catch (RuntimeException | LinkageError e) {
            failed = true;
            return;
        }
        synchronized (this) {
            compiled = cm;
            for (WeakReference<ModuleInstance> w : waiting) {
                ModuleInstance inst = w.get();
                if (inst != null) {
                    cm.attach(inst);
                }
            }
            waiting.clear();
        }
    }

    /** True once the compiled code is installed (for tests and tools). */
    public synchronized boolean ready() {
        return compiled != null;
    }
}
