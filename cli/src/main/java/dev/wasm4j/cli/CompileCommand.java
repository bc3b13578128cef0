package dev.wasm4j.cli;

import dev.wasm4j.WasmModule;
import dev.wasm4j.compiler.CompiledModule;
import dev.wasm4j.text.Wat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code wasm4j compile}: compiles a module to JVM bytecode ahead of time and stores it with its generated
 * classes in a {@code .w4j} file, which {@code wasm4j run} (and {@code WasmModule.fromPath}) accept like a
 * module and start without generating code; with {@code --jar}, in a class jar of named classes
 * ({@code dev.wasm4j.compiler.ClassJar}), which {@code wasm4j run} puts on the class path with the JDK's
 * ahead-of-time cache beside it.
 */
@Command(name = "compile", mixinStandardHelpOptions = true,
        description = "Compiles a module to JVM bytecode and stores it (module and classes) in a .w4j file, or in a "
                + "class jar with --jar.")
final class CompileCommand implements Callable<Integer> {

    @Option(names = {"-o", "--output"}, paramLabel = "FILE.w4j",
            description = "Where to write (default: FILE.w4j, or FILE.jar with --jar).")
    Path output;

    @Option(names = "--jar", description = "Write a jar of named classes instead (also when the output's name ends in "
            + ".jar): `wasm4j run` puts it on the class path, and the JDK's ahead-of-time cache beside it keeps "
            + "the classes with the method profiles of the first run.")
    boolean jar;

    @Option(names = {"-W"}, paramLabel = "FEATURE[=y|n]", description = "Wasm features.")
    List<String> wasmOptions = new ArrayList<>();

    @Option(names = "--verbose", description = "List the functions left to the interpreter, and Java stack traces on errors.")
    boolean verbose;

    @Parameters(index = "0", paramLabel = "FILE", description = "The module (.wasm or .wat).")
    Path file;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        if (!WasmModule.isBinary(bytes)) {
            bytes = Wat.assemble(new String(bytes, StandardCharsets.UTF_8));
        }
        long t0 = System.nanoTime();
        WasmModule module = WasmModule.parse(bytes, WasmOptions.features(wasmOptions));
        boolean toJar = jar || (output != null && output.toString().endsWith(".jar"));
        if (toJar) {
            return writeJar(module, bytes, t0);
        }
        CompiledModule compiled = dev.wasm4j.internal.Internals.compiled(module);
        byte[] image = compiled.image().write(bytes);   // generates every class
        long ms = (System.nanoTime() - t0) / 1_000_000;
        Path out = output != null ? output : Path.of(file.toString().replaceFirst("\\.(wasm|wat)$", "") + ".w4j");
        Files.write(out, image);
        PrintWriter w = spec.commandLine().getOut();
        w.println(out + ": " + compiled.compiledCount() + " functions compiled, " + compiled.interpreted().size()
                + " left to the interpreter, " + compiled.image().chunks().size() + " classes, " + ms + " ms");
        if (verbose) {
            dev.wasm4j.compiler.CompilationReport.of(compiled).forEach(l -> w.println("  " + l));
        }
        w.flush();
        return 0;
    }

    /** {@code --jar}: the module's named classes ({@link dev.wasm4j.compiler.ClassJar}). */
    private int writeJar(WasmModule module, byte[] bytes, long t0) throws IOException {
        dev.wasm4j.compiler.ClassJar classes = dev.wasm4j.compiler.ModuleCompiler.compileNamed(
                dev.wasm4j.internal.Internals.valid(module), bytes);
        Path out = output != null ? output : Path.of(file.toString().replaceFirst("\\.(wasm|wat)$", "") + ".jar");
        classes.writeTo(out);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        PrintWriter w = spec.commandLine().getOut();
        int functions = 0;
        for (dev.wasm4j.compiler.ClassJar.Named c : classes.classes()) {
            functions += c.end() - c.first();
        }
        w.println(out + ": " + (functions - classes.interpreted().size()) + " functions compiled, "
                + classes.interpreted().size() + " left to the interpreter, " + classes.classes().size() + " classes, "
                + ms + " ms");
        if (verbose) {
            classes.interpreted().forEach((f, why) -> w.println("  func " + f + " interpreted: " + why));
        }
        w.flush();
        return 0;
    }
}
