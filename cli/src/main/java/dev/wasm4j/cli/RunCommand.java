package dev.wasm4j.cli;

import dev.wasm4j.Function;
import dev.wasm4j.Instance;
import dev.wasm4j.Linker;
import dev.wasm4j.Value;
import dev.wasm4j.WasmModule;
import dev.wasm4j.memory.LinearMemory;
import dev.wasm4j.memory.MemoryTrace;
import dev.wasm4j.model.FuncType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code wasm4j run}: instantiates a module and runs its {@code _start} or the function named by --invoke. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs a WebAssembly module (binary .wasm or text .wat).",
                "Options come before FILE; everything after FILE is passed to the program (or, with "
                        + "--invoke, parsed as the function's arguments)."})
final class RunCommand implements Callable<Integer> {

    @Option(names = "--invoke", paramLabel = "NAME", description = "Call this exported function and print its results.")
    String invoke;

    @Option(names = {"-W"}, paramLabel = "FEATURE[=y|n]",
            description = "Wasm features and settings, e.g. -W memory-control=n, -W simd=n.")
    List<String> wasmOptions = new ArrayList<>();

    @Option(names = "--verbose", description = "Print details (such as where memories live), and Java stack traces on errors.")
    boolean verbose;

    @Option(names = "--map-file", paramLabel = "GUESTADDR=PATH[:ro|rw]",
            description = "Map a file into the module's memory at GUESTADDR without copying (memory control). "
                    + "ro (default): the file never changes; rw: guest writes reach the file. The memory grows to fit.")
    List<String> mapFiles = new ArrayList<>();

    @Option(names = "--memory-trace", paramLabel = "FILE.svg|FILE.csv",
            description = "Record reserved, committed and resident bytes of each memory over the run; draw them (.svg) or list them (.csv).")
    Path memoryTrace;

    @Parameters(index = "0", paramLabel = "FILE", description = "The module to run.")
    Path file;

    @Parameters(index = "1..*", paramLabel = "ARGS", description = "Arguments for the program or function.")
    List<String> args = new ArrayList<>();

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws java.io.IOException {
        WasmModule module = WasmModule.fromPath(file, WasmOptions.features(wasmOptions));
        Linker linker = new Linker();
        try (Instance instance = linker.instantiate(module);
             MemoryTrace trace = memoryTrace == null ? null : new MemoryTrace(memoriesOf(instance), 5)) {
            for (String m : mapFiles) {
                FileMapOption.apply(m, instance);
            }
            if (verbose) {
                var err = spec.commandLine().getErr();
                for (LinearMemory m : memoriesOf(instance)) {
                    err.println("wasm4j: memory " + m.describe());
                }
                err.flush();
            }
            String name = invoke != null ? invoke : "_start";
            Function f = instance.function(name);
            FuncType type = f.type();
            if (invoke == null && !type.params().isEmpty()) {
                throw new IllegalArgumentException("_start must take no parameters");
            }
            List<String> given = invoke != null ? args : List.of();
            if (given.size() != type.params().size()) {
                throw new IllegalArgumentException("function " + name + " takes " + type.params().size()
                        + " arguments, " + given.size() + " given");
            }
            Value[] values = new Value[given.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = ValueFormat.parse(given.get(i), type.params().get(i));
            }
            Value[] results = f.call(values);
            PrintWriter out = spec.commandLine().getOut();
            for (Value v : results) {
                out.println(ValueFormat.format(v));
            }
            out.flush();
            if (trace != null) {
                trace.close();
                trace.write(memoryTrace);
            }
        }
        return 0;
    }

    private static List<LinearMemory> memoriesOf(Instance instance) {
        return List.of(instance.internal().memories);
    }
}
