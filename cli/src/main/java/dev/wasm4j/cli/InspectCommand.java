package dev.wasm4j.cli;

import dev.wasm4j.WasmModule;
import dev.wasm4j.model.CustomSection;
import dev.wasm4j.model.Export;
import dev.wasm4j.model.Import;
import dev.wasm4j.model.Module;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code wasm4j inspect}: what a module imports and exports, and what its sections hold. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Shows a module's imports, exports, definitions and sections.")
final class InspectCommand implements Callable<Integer> {

    @Option(names = {"-W"}, paramLabel = "FEATURE[=y|n]", description = "Wasm features.")
    List<String> wasmOptions = new ArrayList<>();

    @Option(names = "--verbose", description = "Java stack traces on errors.")
    boolean verbose;

    @Parameters(index = "0", paramLabel = "FILE")
    Path file;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Module m = dev.wasm4j.internal.Internals.valid(WasmOptions.load(file, wasmOptions)).module();
        PrintWriter out = spec.commandLine().getOut();
        out.println("module " + file + (m.names().moduleName() != null ? " ($" + m.names().moduleName() + ")" : ""));
        out.println("imports (" + m.imports().size() + "):");
        for (Import i : m.imports()) {
            out.println("  " + i.module() + "." + i.name() + ": " + Signatures.of(m, i.type()));
        }
        out.println("exports (" + m.exports().size() + "):");
        for (Export e : m.exports()) {
            out.println("  " + e.name() + ": " + Signatures.export(m, e));
        }
        out.println("definitions: " + m.types().size() + " types, " + m.functions().size() + " functions, "
                + m.tables().size() + " tables, " + m.memories().size() + " memories, " + m.globals().size()
                + " globals, " + m.tags().size() + " tags, " + m.elems().size() + " element segments, "
                + m.datas().size() + " data segments"
                + (m.start() >= 0 ? ", start function " + m.start() : ""));
        long code = m.functions().stream().mapToLong(f -> f.body().length()).sum();
        long data = m.datas().stream().mapToLong(d -> d.length()).sum();
        out.println("sizes: code " + code + " bytes, data " + data + " bytes");
        for (CustomSection c : m.customSections()) {
            out.println("custom section \"" + c.name() + "\": " + c.length() + " bytes");
        }
        out.flush();
        return 0;
    }
}
