package dev.wasm4j.cli;

import dev.wasm4j.Engine;
import dev.wasm4j.EngineConfig;
import dev.wasm4j.model.Features;
import dev.wasm4j.wast.CommandNames;
import dev.wasm4j.wast.Script;
import dev.wasm4j.wast.ScriptRunner;
import dev.wasm4j.wast.Suite;
import dev.wasm4j.wast.WastParser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code wasm4j wast}: runs spec script files (or every .wast under a directory), a line per file, then
 * {@code N passed, N failed[, N skipped]} counting commands. Files in tests/spec/skips.txt are skipped.
 */
@Command(name = "wast", mixinStandardHelpOptions = true,
        description = "Runs WebAssembly spec scripts (.wast files or directories of them).")
final class WastCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", arity = "1..*", description = ".wast files or directories.")
    List<Path> files = new ArrayList<>();

    @Option(names = {"-W"}, paramLabel = "FEATURE[=y|n]",
            description = "Wasm features, e.g. -W simd=n. Without -W, each file runs with the features its place in "
                    + "the suite implies (official core files: standard Wasm 3.0 only; a proposal's directory: "
                    + "that proposal too; any other file: everything wasm4j implements, memory control and frozen included).")
    List<String> wasmOptions = new ArrayList<>();

    @Option(names = "--engine", paramLabel = "ENGINE[,ENGINE]", defaultValue = "interpreter",
            description = "interpreter (the default), compiler or auto; several, comma-separated, run every file on "
                    + "each (and give the report a column per engine).")
    String engine;

    @Option(names = "--verbose", description = "Print every failing command with the reason.")
    boolean verbose;

    @Option(names = "--failures", description = "Print failing commands (at most N per file).", paramLabel = "N")
    int failuresToShow = 0;

    @Option(names = "--report", paramLabel = "FILE.md", description = "Also write a Markdown status report.")
    Path report;

    @Option(names = "--no-skips", description = "Run files listed in tests/spec/skips.txt too.")
    boolean noSkips;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        List<Engine> engines = java.util.Arrays.stream(engine.split(",")).map(String::trim).map(Engine::of).toList();
        List<String> engineNames = engines.stream().map(e -> e.name().toLowerCase()).toList();
        PrintWriter out = spec.commandLine().getOut();
        Map<String, Suite.Skip> skips = noSkips ? Map.of() : Suite.skips();
        List<StatusReport.Row> rows = new ArrayList<>();
        long[] passed = new long[engines.size()];
        long[] failed = new long[engines.size()];
        long skipped = 0;
        for (Path arg : files) {
            if (!Files.exists(arg)) {
                throw new java.nio.file.NoSuchFileException(arg.toString());
            }
        }
        for (Path arg : files) {
            List<Path> wasts = Files.isDirectory(arg) ? Suite.wastFiles(arg) : List.of(arg);
            for (Path file : wasts) {
                String name = displayName(file);
                Script script;
                String text = Suite.read(file);
                try {
                    script = WastParser.parse(file.getFileName().toString(), text);
                } catch (RuntimeException e) {
                    String why = e.getMessage();
                    if (e instanceof dev.wasm4j.ModuleException me) {
                        var placed = me.inText(name, text, -1);
                        why = placed.line() > 0 ? "line " + placed.line() + ", column " + placed.column() + ": "
                                + me.rule() : me.getMessage();
                    }
                    out.println(name + ": cannot parse: " + why);
                    int[] ones = new int[engines.size()];
                    java.util.Arrays.fill(ones, 1);
                    rows.add(new StatusReport.Row(name, new int[engines.size()], ones, 0, null));
                    for (int i = 0; i < engines.size(); i++) {
                        failed[i]++;
                    }
                    continue;
                }
                Suite.Skip skip = skips.get(name);
                if (skip != null) {
                    int n = script.commands().size();
                    out.println(name + ": " + n + " skipped (needs " + skip.feature() + ")");
                    rows.add(new StatusReport.Row(name, new int[engines.size()], new int[engines.size()], n, skip));
                    skipped += n;
                    continue;
                }
                Features features = !wasmOptions.isEmpty() ? WasmOptions.features(wasmOptions)
                        : isOfficial(file) ? Suite.featuresFor(name) : Features.DEFAULT;
                int[] ok = new int[engines.size()];
                int[] bad = new int[engines.size()];
                for (int i = 0; i < engines.size(); i++) {
                    ScriptRunner runner = new ScriptRunner(features, EngineConfig.of(engines.get(i)));
                    List<String> failures = new ArrayList<>();
                    for (var c : script.commands()) {
                        ScriptRunner.Outcome o = runner.execute(c);
                        if (o.passed()) {
                            ok[i]++;
                        } else {
                            bad[i]++;
                            failures.add(CommandNames.name(name, c) + ": " + o.detail());
                        }
                    }
                    String label = engines.size() > 1 ? name + " [" + engineNames.get(i) + "]" : name;
                    out.println(label + ": " + ok[i] + " passed" + (bad[i] > 0 ? ", " + bad[i] + " failed" : ""));
                    int show = verbose ? failures.size() : Math.min(failuresToShow, failures.size());
                    for (int k = 0; k < show; k++) {
                        out.println("  FAIL " + failures.get(k));
                    }
                    out.flush();
                    passed[i] += ok[i];
                    failed[i] += bad[i];
                }
                rows.add(new StatusReport.Row(name, ok, bad, 0, null));
            }
        }
        long allPassed = 0;
        long allFailed = 0;
        for (int i = 0; i < engines.size(); i++) {
            if (engines.size() > 1) {
                out.println(engineNames.get(i) + ": " + passed[i] + " passed, " + failed[i] + " failed");
            }
            allPassed += passed[i];
            allFailed += failed[i];
        }
        out.println(allPassed + " passed, " + allFailed + " failed" + (skipped > 0 ? ", " + skipped + " skipped" : ""));
        out.flush();
        if (report != null) {
            StatusReport.write(report, engineNames, rows);
        }
        return allFailed > 0 ? 1 : 0;
    }

    private static boolean isOfficial(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        return Suite.officialSuite().map(p -> abs.startsWith(p.toAbsolutePath().normalize())).orElse(false);
    }

    private static String displayName(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        Optional<Path> official = Suite.officialSuite().map(p -> p.toAbsolutePath().normalize());
        if (official.isPresent() && abs.startsWith(official.get())) {
            return Suite.displayName(official.get(), abs, "");
        }
        Path own = Suite.ownSuite().toAbsolutePath().normalize();
        if (abs.startsWith(own)) {
            return Suite.displayName(own, abs, "tests/spec/");
        }
        return file.toString();
    }
}
