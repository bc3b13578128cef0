package dev.wasm4j.exec.numeric;

import dev.wasm4j.TrapException;
import dev.wasm4j.exec.numeric.MiniModule.Func;
import dev.wasm4j.exec.numeric.MiniModule.Unsupported;
import dev.wasm4j.exec.numeric.MiniModule.Val;
import dev.wasm4j.exec.numeric.SExpr.Atom;
import dev.wasm4j.exec.numeric.SExpr.Lst;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Checks the numerics against the spec testsuite's own expectations: for each listed .wast file, every
 * {@code assert_return} and {@code assert_trap} on an exported function whose body is straight-line numeric
 * code (see {@link MiniModule}) runs the body through the numerics methods and compares the results bit for
 * bit, with the script format's NaN patterns. Assertions on functions that need more of the engine (memory,
 * control, calls) are reported as skipped, with the reason.
 *
 * <p>One container per file, one test per assertion, named like {@code i32.wast:412 assert_return div_s}. A
 * summary (checked and skipped per file) is written to {@code target/spec-numerics-summary.txt}.
 */
class SpecNumericsTest {
    private static final List<String> FILES = List.of(
            "i32.wast", "i64.wast", "f32.wast", "f64.wast", "f32_bitwise.wast", "f64_bitwise.wast",
            "f32_cmp.wast", "f64_cmp.wast", "conversions.wast", "float_misc.wast", "int_exprs.wast",
            "float_exprs.wast", "int_literals.wast", "float_literals.wast", "traps.wast",
            "proposals/wide-arithmetic/wide-arithmetic.wast");

    private static final Map<String, Counts> COUNTS = new ConcurrentHashMap<>();

    /** Per-file tallies for the summary. */
    private static final class Counts {
        final AtomicInteger checked = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();
        final Map<String, AtomicInteger> skipped = new ConcurrentHashMap<>();
    }

    static Path suite() {
        String env = System.getenv("WASM_TESTSUITE");
        if (env != null && !env.isEmpty()) {
            return Path.of(env);
        }
        // the project root is the parent of core/ (Maven runs tests in the module directory)
        Path root = Path.of("").toAbsolutePath();
        if (Files.isRegularFile(root.resolve("../pom.xml")) && !Files.isDirectory(root.resolve("core"))) {
            root = root.getParent();
        }
        return root.resolve("../shared/testsuite").normalize();
    }

    static List<String> files() throws IOException {
        Path dir = suite();
        List<String> out = new ArrayList<>(FILES);
        try (Stream<Path> s = Files.list(dir)) {
            s.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".wast") && (n.startsWith("simd_") || n.contains("relaxed")))
                    .sorted()
                    .forEach(out::add);
        }
        return out;
    }

    @TestFactory
    Stream<DynamicNode> spec() throws IOException {
        Path dir = suite();
        Assumptions.assumeTrue(Files.isDirectory(dir), "spec testsuite not found at " + dir);
        return files().stream().map(name -> file(dir, name));
    }

    private static DynamicNode file(Path dir, String name) {
        String shortName = Path.of(name).getFileName().toString();
        Counts counts = COUNTS.computeIfAbsent(shortName, k -> new Counts());
        List<SExpr> script;
        try {
            script = SExpr.parseAll(Files.readString(dir.resolve(name)));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        List<DynamicNode> tests = new ArrayList<>();
        MiniModule current = null;
        String currentProblem = "no module";
        Map<String, MiniModule> named = new HashMap<>();
        Map<String, String> namedProblems = new HashMap<>();
        for (SExpr cmd : script) {
            if (!(cmd instanceof Lst l)) {
                continue;
            }
            switch (l.head()) {
                case "module" -> {
                    String id = l.size() > 1 && l.get(1) instanceof Atom a && a.text().startsWith("$") ? a.text() : null;
                    try {
                        current = MiniModule.of(l);
                        currentProblem = null;
                    } catch (Unsupported e) {
                        current = null;
                        currentProblem = e.getMessage();
                    } catch (RuntimeException e) {
                        current = null;
                        currentProblem = "unreadable module";
                        tests.add(DynamicTest.dynamicTest(shortName + ":" + l.line() + " module", () -> {
                            throw e;
                        }));
                    }
                    if (id != null) {
                        named.put(id, current);
                        namedProblems.put(id, currentProblem);
                    }
                }
                case "assert_return", "assert_trap" -> {
                    if (!(l.get(1) instanceof Lst action) || !action.head().equals("invoke")) {
                        continue; // module-level traps and `get` actions are not about numerics
                    }
                    int at = 1;
                    MiniModule target = current;
                    String problem = currentProblem;
                    if (action.get(1) instanceof Atom a && a.text().startsWith("$")) {
                        target = named.get(a.text());
                        problem = namedProblems.getOrDefault(a.text(), "unknown module " + a.text());
                        at = 2;
                    }
                    String export = ((Atom) action.get(at)).text();
                    String testName = shortName + ":" + l.line() + " " + l.head() + " " + export;
                    tests.add(assertion(testName, counts, l, action, at, target, problem, export));
                }
                default -> { }
            }
        }
        return DynamicContainer.dynamicContainer(shortName, tests);
    }

    private static DynamicTest assertion(String testName, Counts counts, Lst cmd, Lst action, int at,
                                         MiniModule module, String moduleProblem, String export) {
        return DynamicTest.dynamicTest(testName, () -> {
            String skip = moduleProblem;
            Func f = module == null ? null : module.exports.get(export);
            if (skip == null && f == null) {
                skip = "no exported function " + export;
            }
            if (skip == null && f.unsupported() != null) {
                skip = f.unsupported();
            }
            List<Val> args = new ArrayList<>();
            try {
                for (int i = at + 1; i < action.size() && skip == null; i++) {
                    args.add(Values.argument(action.get(i)));
                }
            } catch (Unsupported e) {
                skip = e.getMessage();
            }
            if (skip != null) {
                counts.skipped.computeIfAbsent(skip, k -> new AtomicInteger()).incrementAndGet();
                Assumptions.abort(skip);
            }
            counts.checked.incrementAndGet();
            boolean ok = false;
            try {
                check(cmd, f, args);
                ok = true;
            } finally {
                if (!ok) {
                    counts.failed.incrementAndGet();
                }
            }
        });
    }

    private static void check(Lst cmd, Func f, List<Val> args) throws Throwable {
        if (cmd.head().equals("assert_trap")) {
            String message = ((Atom) cmd.get(2)).text();
            try {
                List<Val> results = MiniModule.run(f, args);
                fail("expected trap \"" + message + "\", got " + results.stream().map(Values::show).toList());
            } catch (TrapException e) {
                assertEquals(message, e.trapMessage());
            }
            return;
        }
        List<Values.Expected> expected = new ArrayList<>();
        for (int i = 2; i < cmd.size(); i++) {
            expected.add(Values.expected(cmd.get(i)));
        }
        List<Val> results = MiniModule.run(f, args);
        assertEquals(expected.size(), results.size(), "result count");
        for (int i = 0; i < expected.size(); i++) {
            Val v = results.get(i);
            assertTrue(expected.get(i).matches(v),
                    () -> "expected " + expected + ", got " + results.stream().map(Values::show).toList());
        }
    }

    @AfterAll
    static void summary() throws IOException {
        StringBuilder sb = new StringBuilder("file: checked (failed) / skipped: reasons\n");
        int checked = 0;
        int skipped = 0;
        for (var e : new TreeMap<>(COUNTS).entrySet()) {
            Counts c = e.getValue();
            int sk = c.skipped.values().stream().mapToInt(AtomicInteger::get).sum();
            checked += c.checked.get();
            skipped += sk;
            sb.append(String.format("%-40s %6d (%d) / %5d", e.getKey(), c.checked.get(), c.failed.get(), sk));
            if (sk > 0) {
                sb.append(": ").append(new TreeMap<>(c.skipped));
            }
            sb.append('\n');
        }
        sb.append(String.format("total: %d checked, %d skipped%n", checked, skipped));
        Path out = Path.of("target/spec-numerics-summary.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, sb);
    }
}
