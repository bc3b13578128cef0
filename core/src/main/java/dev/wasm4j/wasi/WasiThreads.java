package dev.wasm4j.wasi;

import dev.wasm4j.ExitException;
import dev.wasm4j.Instance;
import dev.wasm4j.Linker;
import dev.wasm4j.Memory;
import dev.wasm4j.TrapException;
import dev.wasm4j.Value;
import dev.wasm4j.WasmException;
import dev.wasm4j.WasmModule;
import dev.wasm4j.model.FuncType;
import dev.wasm4j.model.Import;
import dev.wasm4j.model.MemoryType;
import dev.wasm4j.model.NumType;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * wasi-threads (WebAssembly/wasi-threads): the {@code wasi} {@code thread-spawn} import, and the process its
 * threads make up. A program built for {@code wasm32-wasi-threads} imports its shared memory (usually
 * {@code env.memory}); {@link #define} creates that memory and the import. {@code thread-spawn(arg)} makes a
 * new instance of the same module over the same imports (so over the same memory) and calls its export
 * {@code wasi_thread_start(tid, arg)} on a new Java thread; it returns the new thread's id (1, 2, ...), or
 * {@code -EAGAIN} when no thread can be started (as many running as the limit allows, or the process is
 * ending), which wasi-libc's {@code pthread_create} reports as {@code EAGAIN}.
 *
 * <p>The threads end together, as a process's do: when {@code _start} returns, the program ends with 0; when
 * any thread calls {@code proc_exit(n)}, it ends with n; when any thread traps, it ends with that trap. The
 * first of these wins, and {@link #run} returns (or throws) at once. The other threads are then interrupted
 * ({@link Thread#interrupt()}): each traps with {@code interrupt} at its next loop iteration or function entry
 * (see {@code Instance.interrupt}), in {@code memory.atomic.wait}, or in its next WASI call. Every thread is a
 * daemon thread, so none keeps the JVM alive.
 *
 * <pre>{@code
 * WasmModule module = WasmModule.fromPath(Path.of("parallel.wasm"));
 * try (Wasi wasi = new Wasi(WasiConfig.of("parallel").inheritStdio())) {
 *     WasiThreads threads = new WasiThreads(module, 8);
 *     Linker linker = threads.define(wasi.define(new Linker()));
 *     int exitCode = threads.run(wasi, linker.instantiate(module));
 * }
 * }</pre>
 *
 * One {@code WasiThreads} runs one program once.
 */
public final class WasiThreads {
    /** The module name of the import, {@code wasi}. */
    public static final String MODULE = "wasi";
    /** The import that starts a thread, {@code thread-spawn}. */
    public static final String SPAWN = "thread-spawn";
    /** The export a new thread runs, {@code wasi_thread_start(tid, arg)}. */
    public static final String START = "wasi_thread_start";
    /** Thread ids are positive and below 2^29 (wasi-threads reserves the upper bits). */
    static final int MAX_TID = 0x1FFF_FFFF;
    /** The default limit on threads running at once (besides the main thread). */
    public static final int DEFAULT_MAX_THREADS = 64;
    /** The trap of a thread that calls WASI after its process ended (what an interrupted wait says too). */
    static final String ENDED = "interrupt";

    private final WasmModule module;
    private final int maxThreads;
    private final AtomicInteger nextTid = new AtomicInteger(1);
    /** The spawned threads still running (not the main one). */
    private final Set<Thread> running = ConcurrentHashMap.newKeySet();
    /** How the process ended, first come first served: null while it runs. */
    private final AtomicReference<WasmException> end = new AtomicReference<>();
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile Thread mainThread;
    private volatile Linker linker;

    /**
     * Threads for {@code module}, at most {@code maxThreads} of them running at once besides the main one.
     *
     * @param module the program (built for {@code wasm32-wasi-threads})
     * @param maxThreads how many spawned threads may run at once; 0 makes every {@code thread-spawn} fail
     * @throws IllegalArgumentException when {@code maxThreads} is negative
     */
    public WasiThreads(WasmModule module, int maxThreads) {
        if (maxThreads < 0) {
            throw new IllegalArgumentException("the thread limit must not be negative: " + maxThreads);
        }
        this.module = module;
        this.maxThreads = maxThreads;
    }

    /**
     * Whether {@code module} was built for wasi-threads.
     *
     * @param module a module
     * @return true when it imports {@code wasi thread-spawn}
     */
    public static boolean uses(WasmModule module) {
        return module.imports().stream().anyMatch(i -> i.module().equals(MODULE) && i.name().equals(SPAWN));
    }

    /**
     * Defines {@code thread-spawn} on {@code linker}, and a new memory for each shared memory the module
     * imports (at the import's minimum size); returns the linker, which spawned threads are instantiated with
     * too (so define everything else before instantiating anything).
     *
     * @param linker a linker with WASI (and anything else the program imports) defined
     * @return {@code linker}
     */
    public Linker define(Linker linker) {
        for (Import i : module.imports()) {
            if (i.type() instanceof MemoryType t && t.shared()) {
                linker.define(i.module(), i.name(), Memory.allocate(t));
            }
        }
        linker.define(MODULE, SPAWN, FuncType.of(List.of(NumType.I32), List.of(NumType.I32)),
                (caller, args) -> new Value[] {Value.i32(spawn(args[0].asInt()))});
        this.linker = linker;
        return linker;
    }

    /**
     * Runs the program: {@code _start} on a thread of its own, the threads it spawns on theirs, until the
     * process ends (see the class comment); returns the exit code, or throws the trap (or uncaught exception)
     * that ended it. Standard output is flushed. Interrupting the calling thread, or {@link #interrupt()},
     * ends the program with the trap {@code interrupt}.
     *
     * @param wasi the WASI state the linker was given
     * @param instance the program's first instance (from the linker)
     * @return the exit code: 0 when {@code _start} returned, n after {@code proc_exit(n)} in any thread
     * @throws WasmException the trap (or uncaught exception) that ended the program, in whichever thread
     */
    public int run(Wasi wasi, Instance instance) {
        wasi.threads = this;
        Thread main = Thread.ofPlatform().daemon().name("wasi main thread").unstarted(() -> {
            try {
                instance.call("_start");
                finish(new ExitException(0));
            } catch (Throwable t) {
                finish(asEnd(t, "main thread"));
            }
        });
        mainThread = main;
        main.start();
        try {
            ended.await();
        } catch (InterruptedException e) {
            interrupt();
            Thread.currentThread().interrupt();
        } finally {
            wasi.flush();
        }
        WasmException cause = end.get();
        if (cause instanceof ExitException x) {
            return x.exitCode();
        }
        throw cause;
    }

    /**
     * Ends the program as a trap {@code interrupt} would (a time limit, say): {@link #run} throws it. Any
     * thread, any time; nothing happens when the program has already ended.
     */
    public void interrupt() {
        finish(new TrapException(ENDED));
    }

    /**
     * The threads running now, besides the main one.
     *
     * @return how many spawned threads have not returned yet
     */
    public int runningThreads() {
        return running.size();
    }

    /** {@code thread-spawn}: the new thread's id, or a negative errno. */
    private int spawn(int startArg) {
        if (end.get() != null || linker == null) {
            return -Errno.AGAIN.code();
        }
        synchronized (running) {
            // checked again under the lock that stopOthers takes: a thread started here is either seen there
            // (and interrupted) or never started
            if (running.size() >= maxThreads || end.get() != null) {
                return -Errno.AGAIN.code();
            }
            Instance instance;
            try {
                instance = linker.instantiate(module);
            } catch (WasmException | OutOfMemoryError e) {
                return -Errno.AGAIN.code();
            }
            int tid = nextTid.getAndUpdate(t -> t >= MAX_TID ? 1 : t + 1);
            Thread t = Thread.ofPlatform().daemon().name("wasi thread " + tid)
                    .unstarted(() -> runThread(instance, tid, startArg));
            running.add(t);
            t.start();
            return tid;
        }
    }

    private void runThread(Instance instance, int tid, int startArg) {
        try (instance) {
            instance.call(START, Value.i32(tid), Value.i32(startArg));
        } catch (Throwable t) {
            finish(asEnd(t, "thread " + tid));
        } finally {
            running.remove(Thread.currentThread());
        }
    }

    /**
     * What a thread's failure means for the process: proc_exit, traps and uncaught exceptions as they are;
     * anything else (a fault of the engine) as a trap that names it, so that no Java exception escapes.
     */
    private static WasmException asEnd(Throwable t, String thread) {
        return t instanceof WasmException w ? w : new TrapException("wasi " + thread + " failed: " + t);
    }

    /** Ends the process with {@code cause} unless it has ended already; stops the other threads. */
    private void finish(WasmException cause) {
        if (end.compareAndSet(null, cause)) {
            stopOthers();
            ended.countDown();
        }
    }

    /** Interrupts every thread of the process but the calling one. */
    private void stopOthers() {
        Thread self = Thread.currentThread();
        List<Thread> all;
        synchronized (running) {
            all = new ArrayList<>(running);
        }
        Thread main = mainThread;
        if (main != null) {
            all.add(main);
        }
        for (Thread t : all) {
            if (t != self) {
                t.interrupt();
            }
        }
    }

    /** Called by WASI functions: a thread of a process that has ended goes no further. */
    void checkRunning() {
        if (end.get() != null) {
            throw new TrapException(ENDED);
        }
    }
}
