package dev.wasm4j.cli;

import dev.wasm4j.WasmModule;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code wasm4j validate}: decodes and validates a module, reporting the first error. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Checks that a module is well-formed and valid.")
final class ValidateCommand implements Callable<Integer> {

    @Option(names = {"-W"}, paramLabel = "FEATURE[=y|n]", description = "Wasm features, e.g. -W simd=n.")
    List<String> wasmOptions = new ArrayList<>();

    @Option(names = "--verbose", description = "Java stack traces on errors.")
    boolean verbose;

    @Parameters(index = "0", paramLabel = "FILE")
    Path file;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        WasmOptions.load(file, wasmOptions);
        spec.commandLine().getOut().println(file + ": valid");
        spec.commandLine().getOut().flush();
        return 0;
    }
}
