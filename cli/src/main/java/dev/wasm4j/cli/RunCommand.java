package dev.wasm4j.cli;

import dev.wasm4j.Function;
import dev.wasm4j.Instance;
import dev.wasm4j.Engine;
import dev.wasm4j.EngineConfig;
import dev.wasm4j.Linker;
import dev.wasm4j.Memory;
import dev.wasm4j.Value;
import dev.wasm4j.WasmModule;
import dev.wasm4j.internal.Internals;
import dev.wasm4j.memory.LinearMemory;
import dev.wasm4j.memory.MemoryTrace;
import dev.wasm4j.memory.NativeSetup;
import dev.wasm4j.model.FuncType;
import dev.wasm4j.wasi.Wasi;
import dev.wasm4j.wasi.WasiConfig;
import dev.wasm4j.wasi.WasiThreads;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code wasm4j run}: runs a WASI command's {@code _start} (or the function named by --invoke) with WASI
 * preview 1, in wasmtime's conventions: options before FILE, everything after it is the guest's argv.
 */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs a WebAssembly module (binary .wasm or text .wat) with WASI preview 1.",
                "Options come before FILE; everything after FILE is passed to the program (or, with "
                        + "--invoke, parsed as the function's arguments).",
                "Exit code: the program's proc_exit code; 134 after a trap; 1 when the module cannot be "
                        + "loaded or linked; 2 for bad usage.",
                "Through the wasm4j launcher, a run of a binary module that takes a second or more leaves its "
                        + "compiled classes in wasm4j's code cache (WASM4J_CODE_CACHE_DIR, else "
                        + "~/.cache/wasm4j/code), where the next runs start from them; WASM4J_CODE_CACHE=off turns it off."})
final class RunCommand implements Callable<Integer> {

    @Option(names = "--dir", paramLabel = "HOST[::GUEST]",
            description = "Give the program the host directory HOST, as GUEST (default: HOST as written).")
    List<String> dirs = new ArrayList<>();

    @Option(names = "--env", paramLabel = "NAME[=VAL]",
            description = "Set an environment variable; a bare NAME passes the host's value.")
    List<String> env = new ArrayList<>();

    @Option(names = "--inherit-env", description = "Pass the whole host environment.")
    boolean inheritEnv;

    @Option(names = "--invoke", paramLabel = "NAME", description = "Call this exported function and print its results.")
    String invoke;

    @Option(names = "--argv0", paramLabel = "NAME", description = "The program's argv[0] (default: FILE as given).")
    String argv0;

    @Option(names = {"-W"}, paramLabel = "KEY[=VAL]",
            description = "Wasm features and settings, e.g. -W simd=n, -W max-memory=64M, -W fuel=N, -W timeout=10s.")
    List<String> wasmOptions = new ArrayList<>();

    @Option(names = {"-S"}, paramLabel = "KEY[=VAL]",
            description = "WASI settings: inherit-env[=y|n], tcplisten=HOST:PORT (a listening socket for sock_accept), "
                    + "threads[=y|n] (wasi-threads: thread-spawn and the imported shared memory), max-threads=N "
                    + "(threads running at once besides the main one; default " + WasiThreads.DEFAULT_MAX_THREADS + ").")
    List<String> wasiOptions = new ArrayList<>();

    @Option(names = "--fuel", paramLabel = "N",
            description = "Run with a budget of N fuel units (about one per instruction, in either engine) and "
                    + "trap when it is spent.")
    String fuel;

    @Option(names = "--timeout", paramLabel = "DURATION",
            description = "Interrupt the program (a trap, exit code 134) once wasm4j has run for DURATION, "
                    + "start-up included: e.g. 500ms, 10s, 2m (a bare number is seconds).")
    String timeout;

    @Option(names = "--max-memory", paramLabel = "SIZE",
            description = "Refuse to start when the initial memory exceeds SIZE (e.g. 64M), and let no memory grow past it.")
    String maxMemory;

    @Option(names = "--engine", paramLabel = "ENGINE", defaultValue = "auto",
            description = "interpreter, compiler (to JVM bytecode) or auto (interpret, compile in the "
                    + "background; the default).")
    String engine;

    @Option(names = "--verbose", description = "Print details (where memories live, where start-up went: JVM, decode, "
            + "validate, instantiate, first instruction), and Java stack traces on errors.")
    boolean verbose;

    @Option(names = "--jit-report", description = "After the run, print what the compiler did: functions split "
            + "into several JVM methods, functions left to the interpreter, and why.")
    boolean jitReport;

    @Option(names = "--map-file", paramLabel = "GUESTADDR=PATH[:ro|rw]",
            description = "Map a file into the module's memory at GUESTADDR without copying (memory control). "
                    + "ro (default): the file never changes; rw: guest writes reach the file. The memory grows to fit.")
    List<String> mapFiles = new ArrayList<>();

    @Option(names = "--memory-trace", paramLabel = "FILE.svg|FILE.csv",
            description = "Record reserved, committed and resident bytes of each memory over the run; draw them (.svg) or list them (.csv). May be given twice, for both.")
    List<Path> memoryTraces = new ArrayList<>();

    @Parameters(index = "0", paramLabel = "FILE", description = "The module to run.")
    Path file;

    @Parameters(index = "1..*", paramLabel = "ARGS", description = "Arguments for the program or function.")
    List<String> args = new ArrayList<>();

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** The streams when run without picocli ({@link QuickRun}); picocli's otherwise. */
    PrintWriter quickOut;
    PrintWriter quickErr;

    private PrintWriter out() {
        return spec != null ? spec.commandLine().getOut() : quickOut;
    }

    private PrintWriter err() {
        return spec != null ? spec.commandLine().getErr() : quickErr;
    }

    @Override
    public Integer call() throws IOException {
        List<String> features = new ArrayList<>();
        for (String w : wasmOptions) {
            String key = w.split("=", 2)[0].strip();
            String value = w.contains("=") ? w.substring(w.indexOf('=') + 1) : "";
            switch (key) {
                case "max-memory" -> maxMemory = value;
                case "fuel" -> fuel = value;
                case "timeout" -> timeout = value;
                default -> features.add(w);
            }
        }
        long memoryLimit = maxMemory == null ? -1 : parseSize(maxMemory);
        java.time.Duration deadline = timeout == null ? null : Limits.duration("--timeout", timeout);
        long fuelUnits = fuel == null ? -1 : Limits.fuel(fuel);
        for (Path out : memoryTraces) {
            Limits.checkTraceFile(out);
        }
        StartupTimes times = new StartupTimes();
        // Native memory's one-time set-up runs on the other core while this one reads the module. Under auto,
        // a memory made before it is done starts on the heap and moves into native memory before compiled code
        // first runs (LinearMemory.settle): a short program no longer waits for the set-up. Not with a memory
        // trace, which samples the resident pages from the start.
        NativeSetup.startInBackground(Engine.of(engine) == Engine.AUTO && memoryTraces.isEmpty());
        times.mark("options");
        WasmModule module = CodeCache.load(file, features);
        long[] load = Internals.loadNanos(module);
        times.mark("read", load[0] + load[1]);   // the engine decodes and validates while loading
        times.record("decode", load[0]);
        times.record("validate", load[1]);
        WasiConfig config = wasiConfig();
        WasiThreads threads = threads(module);
        try (Wasi wasi = new Wasi(config)) {
            EngineConfig engineConfig = EngineConfig.of(Engine.of(engine));
            if (fuelUnits > 0) {
                engineConfig = engineConfig.withFuel(fuelUnits);
            }
            Linker linker = wasi.define(new Linker(engineConfig));
            if (threads != null) {
                threads.define(linker);
            }
            times.mark("WASI");
            try (Instance instance = linker.instantiate(module);
                 MemoryTrace trace = memoryTraces.isEmpty() ? null : new MemoryTrace(memoriesOf(instance), 5)) {
                warnIfClassJarUnused(module, fuelUnits > 0);
                checkMemory(instance, memoryLimit);
                for (String m : mapFiles) {
                    FileMapOption.apply(m, instance);
                }
                if (verbose) {
                    var err = err();
                    for (LinearMemory m : memoriesOf(instance)) {
                        err.println("wasm4j: memory " + m.describe());
                    }
                    err.flush();
                }
                if (invoke == null && !instance.exportNames().contains("_start")) {
                    throw new IllegalArgumentException(file + " exports no _start (a command's entry point); "
                            + "use --invoke NAME to call one of its functions");
                }
                var timedOut = new java.util.concurrent.atomic.AtomicBoolean();
                java.util.concurrent.Future<?> timer = deadline == null ? null
                        : deadline(Limits.leftOf(deadline), timedOut,
                                threads != null ? threads::interrupt : instance::interrupt);
                times.mark("instantiate");
                long programStart = System.nanoTime();
                try {
                    if (invoke != null) {
                        return invoke(instance, wasi);
                    }
                    if (threads != null) {
                        return threads.run(wasi, instance);
                    }
                    int status = wasi.run(instance);
                    long ran = System.nanoTime() - programStart;
                    if (CodeCache.fill(module, file, ran) && verbose) {
                        err().println("wasm4j: code cache: class jar written in "
                                + (System.nanoTime() - programStart - ran) / 1_000_000 + " ms, after the program");
                    }
                    return status;
                } catch (dev.wasm4j.TrapException t) {
                    if (timedOut.get() && t.trapMessage().equals("interrupt")) {
                        throw new dev.wasm4j.TrapException("interrupt (the program ran longer than --timeout "
                                + timeout + ")", t.wasmBacktrace());
                    }
                    throw t;
                } finally {
                    if (timer != null) {
                        timer.cancel(false);
                    }
                    if (verbose) {
                        err().println(times.describe(System.nanoTime() - programStart));
                        err().flush();
                    }
                    if (trace != null) {
                        // written whatever the outcome: a trace is most wanted when the program fails
                        trace.close();
                        for (Path out : memoryTraces) {
                            trace.write(out);
                        }
                    }
                    if (jitReport) {
                        var err = err();
                        module.compilationReport().forEach(l -> err.println("wasm4j: " + l));
                        err.flush();
                    }
                }
            }
        }
    }

    /**
     * A class jar (a {@code .jar} that loaded as a module) whose classes this run did not use: made by another
     * build of wasm4j, or damaged. The program still runs, compiled as a module would be, but the user asked
     * for the jar's speed: said on stderr.
     */
    private void warnIfClassJarUnused(WasmModule module, boolean metered) throws IOException {
        if (!file.toString().endsWith(".jar") || metered || Engine.of(engine) == Engine.INTERPRETER
                || Internals.compiled(module).fromClassJar() || dev.wasm4j.compiler.ClassJar.read(file) == null) {
            return;
        }
        var err = err();
        err.println("wasm4j: " + file + " was compiled by another build of wasm4j (or is damaged): its classes are"
                + " not used; make it again with wasm4j compile --jar");
        err.flush();
    }

    private int invoke(Instance instance, Wasi wasi) {
        try {
            if (instance.exportNames().contains("_initialize")) {
                instance.call("_initialize");
            }
            Function f = instance.function(invoke);
            FuncType type = f.type();
            if (args.size() != type.params().size()) {
                throw new IllegalArgumentException("function " + invoke + " takes " + type.params().size()
                        + " arguments, " + args.size() + " given");
            }
            Value[] values = new Value[args.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = ValueFormat.parse(args.get(i), type.params().get(i));
            }
            Value[] results = f.call(values);
            wasi.flush();
            PrintWriter out = out();
            for (Value v : results) {
                out.println(ValueFormat.format(v));
            }
            out.flush();
            return 0;
        } catch (dev.wasm4j.ExitException e) {
            return e.exitCode();
        } finally {
            wasi.flush();
        }
    }

    private WasiConfig wasiConfig() throws IOException {
        List<String> argv = new ArrayList<>();
        argv.add(argv0 != null ? argv0 : file.toString());
        argv.addAll(args);
        WasiConfig c = WasiConfig.of().withArgs(argv).inheritStdio()
                .withTerminal(System.console() != null && System.console().isTerminal());
        boolean inherit = inheritEnv;
        List<String> listen = new ArrayList<>();
        for (String s : wasiOptions) {
            String[] kv = s.split("=", 2);
            switch (kv[0].strip()) {
                case "inherit-env" -> inherit = kv.length == 1 || yes(kv[1]);
                case "tcplisten" -> listen.add(kv.length > 1 ? kv[1] : "");
                case "threads", "max-threads" -> {
                }
                case "preview1", "cli" -> {
                }
                default -> throw new IllegalArgumentException("unknown -S option " + kv[0]);
            }
        }
        if (inherit) {
            for (Map.Entry<String, String> e : System.getenv().entrySet()) {
                c = c.withEnv(e.getKey(), e.getValue());
            }
        }
        for (String e : env) {
            int eq = e.indexOf('=');
            if (eq < 0) {
                String v = System.getenv(e);
                if (v != null) {
                    c = c.withEnv(e, v);
                }
            } else {
                c = c.withEnv(e.substring(0, eq), e.substring(eq + 1));
            }
        }
        for (String d : dirs) {
            int sep = d.indexOf("::");
            String host = sep < 0 ? d : d.substring(0, sep);
            String guest = sep < 0 ? d : d.substring(sep + 2);
            c = c.withPreopen(Path.of(host), guest);
        }
        for (String addr : listen) {
            int colon = addr.lastIndexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("-S tcplisten needs HOST:PORT");
            }
            ServerSocketChannel server = ServerSocketChannel.open();
            server.bind(new InetSocketAddress(addr.substring(0, colon), Integer.parseInt(addr.substring(colon + 1))));
            c = c.withListener(server);
        }
        return c;
    }

    /**
     * wasi-threads, when {@code -S threads} asks for it: null otherwise. A module that imports
     * {@code thread-spawn} needs it, and is told so.
     */
    private WasiThreads threads(WasmModule module) {
        boolean enabled = false;
        int max = WasiThreads.DEFAULT_MAX_THREADS;
        for (String s : wasiOptions) {
            String[] kv = s.split("=", 2);
            switch (kv[0].strip()) {
                case "threads" -> enabled = kv.length == 1 || yes(kv[1]);
                case "max-threads" -> {
                    try {
                        max = Integer.parseInt(kv.length > 1 ? kv[1].strip() : "");
                    } catch (NumberFormatException e) {
                        max = -1;
                    }
                    if (max < 0) {
                        throw new IllegalArgumentException("-S max-threads needs a number of threads (0 or more), got "
                                + (kv.length > 1 ? kv[1] : "nothing"));
                    }
                }
                default -> {
                }
            }
        }
        if (!enabled) {
            if (WasiThreads.uses(module)) {
                throw new dev.wasm4j.LinkException(file + " uses wasi-threads (it imports " + WasiThreads.MODULE + "::"
                        + WasiThreads.SPAWN + "); run it with -S threads");
            }
            return null;
        }
        return new WasiThreads(module, max);
    }

    /**
     * --timeout for a wasi-threads program: every thread stops, not only the first instance's. {@code fired} is
     * set before the program is told to end (the future is done only after, when run may have returned).
     */
    /**
     * {@code --timeout}: interrupts the guest after {@code left}, having set {@code fired} first. The trap can
     * come as soon as the instance's flag is set, before the interrupt call returns (it is still deoptimising
     * compiled code), so whether the deadline caused it is told by {@code fired}, not by the task being done.
     */
    private static java.util.concurrent.Future<?> deadline(java.time.Duration left,
                                                           java.util.concurrent.atomic.AtomicBoolean fired,
                                                           Runnable interrupt) {
        return java.util.concurrent.CompletableFuture.runAsync(() -> {
            fired.set(true);
            interrupt.run();
        }, java.util.concurrent.CompletableFuture.delayedExecutor(left.toNanos(), java.util.concurrent.TimeUnit.NANOSECONDS));
    }

    private static List<LinearMemory> memoriesOf(Instance instance) {
        return List.of(dev.wasm4j.internal.Internals.instance(instance).memories);
    }

    /** {@code --max-memory}: no memory may start above the limit or grow past it, exported or not. */
    private static void checkMemory(Instance instance, long limit) {
        if (limit < 0) {
            return;
        }
        List<LinearMemory> all = memoriesOf(instance);
        for (int i = 0; i < all.size(); i++) {
            LinearMemory lm = all.get(i);
            if (lm.byteSize() > limit) {
                throw new dev.wasm4j.LinkException("memory " + i + " starts at " + lm.byteSize()
                        + " bytes, which exceeds --max-memory " + limit);
            }
            lm.limitGrowth(limit);
        }
    }

    private static boolean yes(String v) {
        return switch (v.strip().toLowerCase(Locale.ROOT)) {
            case "y", "yes", "true", "on", "1" -> true;
            case "n", "no", "false", "off", "0" -> false;
            default -> throw new IllegalArgumentException("bad value " + v + " (use y or n)");
        };
    }

    /** Sizes like 65536, 64K, 64M, 1G (binary units). */
    static long parseSize(String s) {
        String t = s.strip().toUpperCase(Locale.ROOT);
        long unit = 1;
        if (t.endsWith("IB")) {
            t = t.substring(0, t.length() - 2);
        } else if (t.endsWith("B")) {
            t = t.substring(0, t.length() - 1);
        }
        switch (t.isEmpty() ? ' ' : t.charAt(t.length() - 1)) {
            case 'K' -> unit = 1L << 10;
            case 'M' -> unit = 1L << 20;
            case 'G' -> unit = 1L << 30;
            default -> {
            }
        }
        if (unit != 1) {
            t = t.substring(0, t.length() - 1);
        }
        try {
            return Long.parseLong(t.strip()) * unit;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad size " + s + " (use e.g. 64M)");
        }
    }
}
