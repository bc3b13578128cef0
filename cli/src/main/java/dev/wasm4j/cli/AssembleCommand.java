package dev.wasm4j.cli;

import dev.wasm4j.text.Wat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code wasm4j assemble}: the text format to the binary format, like wabt's wat2wasm. */
@Command(name = "assemble", mixinStandardHelpOptions = true,
        description = "Assembles a module in the text format (.wat) into the binary format (.wasm).")
final class AssembleCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE.wat")
    Path input;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE.wasm", description = "Output file (default: FILE.wasm).")
    Path output;

    @Option(names = "--verbose", description = "Java stack traces on errors.")
    boolean verbose;

    @Override
    public Integer call() throws IOException {
        byte[] bytes = Wat.assemble(Files.readString(input));
        Path out = output != null ? output
                : input.resolveSibling(input.getFileName().toString().replaceFirst("\\.wat$", "") + ".wasm");
        Files.write(out, bytes);
        return 0;
    }
}
