package dev.wasm4j.cli;

import dev.wasm4j.binary.IntrinsicLowering;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code wasm4j lower-intrinsics}: turns exported intrinsic stubs into the memory control instructions. */
@Command(name = "lower-intrinsics", mixinStandardHelpOptions = true,
        description = {"Replaces the body of a function exported as __wasm4j_memory_discard ([addr size] -> []) "
                + "with memory.discard, so that C code can free pages before compilers know the instruction."})
final class LowerCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "IN.wasm")
    Path input;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT.wasm", required = true)
    Path output;

    @Option(names = "--verbose", description = "Java stack traces on errors.")
    boolean verbose;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        byte[] in = Files.readAllBytes(input);
        byte[] out = IntrinsicLowering.lower(in);
        Files.write(output, out);
        if (java.util.Arrays.equals(in, out)) {
            spec.commandLine().getErr().println("wasm4j: " + input + " exports no intrinsic stub (a function exported as "
                    + "__wasm4j_memory_discard); " + output + " is a copy of it");
            spec.commandLine().getErr().flush();
        } else {
            spec.commandLine().getOut().println(output + ": intrinsic stubs lowered");
            spec.commandLine().getOut().flush();
        }
        return 0;
    }
}
