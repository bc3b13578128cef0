package dev.wasm4j.wast;

import dev.wasm4j.Engine;
import dev.wasm4j.EngineConfig;
import dev.wasm4j.model.Features;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The spec testsuite and wasm4j's own proposal tests, as data: one container per .wast file, one test per
 * command, run in order against one {@link ScriptRunner}, once per {@link Mode}: the interpreter; the
 * compiler ({@code [compiler]}, generating each function's class on its first call, as runs do); the
 * compiler with every function cut into as many methods as it can be and every class generated up front, so
 * that functions no command calls are compiled too ({@code [split]}, see {@code dev.wasm4j.compiler.SplitPlan});
 * the compiler writing each module's classes as a class jar's named classes ({@code [class jar]}, see
 * {@code dev.wasm4j.compiler.ClassJar}); and every call starting in the interpreter
 * and moving to compiled code at the first loop head it reaches, with functions whole and cut
 * ({@code [loop entries]}, {@code [loop entries, split]}, see {@link dev.wasm4j.exec.LoopTier}). The threads
 * proposal's concurrent scripts ({@link Suite#threadsSuite()}) run on the interpreter and the compiler. Files in
 * tests/spec/skips.txt are run too, and must not pass completely (a skip that starts passing must be
 * removed).
 */
class SpecSuiteTest {

    /** An engine and the testing knobs (system properties) it runs with. */
    enum Mode {
        INTERPRETER(Engine.INTERPRETER, "", Map.of()),
        COMPILER(Engine.COMPILER, " [compiler]", Map.of()),
        SPLIT(Engine.COMPILER, " [split]", Map.of("wasm4j.compiler.splitAll", "true", "wasm4j.compiler.eager", "true")),
        CLASS_JAR(Engine.COMPILER, " [class jar]", Map.of("wasm4j.compiler.named", "true")),
        LOOP_ENTRIES(Engine.AUTO, " [loop entries]", Map.of("wasm4j.auto.loopEntriesOnly", "true",
                "wasm4j.auto.loopThreshold", "0")),
        LOOP_ENTRIES_SPLIT(Engine.AUTO, " [loop entries, split]", Map.of("wasm4j.auto.loopEntriesOnly", "true",
                "wasm4j.auto.loopThreshold", "0", "wasm4j.compiler.splitAll", "true"));

        final Engine engine;
        final String label;
        final Map<String, String> properties;

        Mode(Engine engine, String label, Map<String, String> properties) {
            this.engine = engine;
            this.label = label;
            this.properties = properties;
        }

        /** Runs {@code action} with this mode's properties set. */
        <T> T run(java.util.function.Supplier<T> action) {
            properties.forEach(System::setProperty);
            try {
                return action.get();
            } finally {
                properties.keySet().forEach(System::clearProperty);
            }
        }
    }

    @TestFactory
    Stream<DynamicNode> officialSuite() {
        return official(Mode.INTERPRETER);
    }

    @TestFactory
    Stream<DynamicNode> officialSuiteCompiled() {
        return official(Mode.COMPILER);
    }

    @TestFactory
    Stream<DynamicNode> officialSuiteSplit() {
        return official(Mode.SPLIT);
    }

    @TestFactory
    Stream<DynamicNode> officialSuiteClassJars() {
        return official(Mode.CLASS_JAR);
    }

    @TestFactory
    Stream<DynamicNode> ownSuite() {
        return files(Suite.ownSuite(), "tests/spec/", Mode.INTERPRETER);
    }

    @TestFactory
    Stream<DynamicNode> ownSuiteCompiled() {
        return files(Suite.ownSuite(), "tests/spec/", Mode.COMPILER);
    }

    @TestFactory
    Stream<DynamicNode> ownSuiteSplit() {
        return files(Suite.ownSuite(), "tests/spec/", Mode.SPLIT);
    }

    @TestFactory
    Stream<DynamicNode> ownSuiteClassJars() {
        return files(Suite.ownSuite(), "tests/spec/", Mode.CLASS_JAR);
    }

    /** tests/regress: one minimised .wast per bug that fuzzing found (docs/robustness.md). */
    @TestFactory
    Stream<DynamicNode> regressions() {
        return files(Suite.regressSuite(), "tests/regress/", Mode.INTERPRETER);
    }

    @TestFactory
    Stream<DynamicNode> regressionsCompiled() {
        return files(Suite.regressSuite(), "tests/regress/", Mode.COMPILER);
    }

    @TestFactory
    Stream<DynamicNode> regressionsSplit() {
        return files(Suite.regressSuite(), "tests/regress/", Mode.SPLIT);
    }

    @TestFactory
    Stream<DynamicNode> officialSuiteLoopEntries() {
        return official(Mode.LOOP_ENTRIES);
    }

    @TestFactory
    Stream<DynamicNode> officialSuiteLoopEntriesSplit() {
        return official(Mode.LOOP_ENTRIES_SPLIT);
    }

    @TestFactory
    Stream<DynamicNode> ownSuiteLoopEntries() {
        return files(Suite.ownSuite(), "tests/spec/", Mode.LOOP_ENTRIES);
    }

    /** The threads proposal's concurrent scripts (thread and wait commands), on both engines. */
    @TestFactory
    Stream<DynamicNode> threadsSuite() {
        return threads(Mode.INTERPRETER);
    }

    @TestFactory
    Stream<DynamicNode> threadsSuiteCompiled() {
        return threads(Mode.COMPILER);
    }

    private Stream<DynamicNode> threads(Mode mode) {
        Path root = Suite.threadsSuite().orElse(null);
        Assumptions.assumeTrue(root != null, "threads testsuite not found (set WASM_THREADS_TESTSUITE)");
        return files(root, "threads-testsuite/", mode);
    }

    private Stream<DynamicNode> official(Mode mode) {
        Path root = Suite.officialSuite().orElse(null);
        Assumptions.assumeTrue(root != null, "spec testsuite not found (set WASM_TESTSUITE)");
        return files(root, "", mode);
    }

    private Stream<DynamicNode> files(Path root, String prefix, Mode mode) {
        EngineConfig config = EngineConfig.of(mode.engine);
        Map<String, Suite.Skip> skips = Suite.skips();
        return Suite.wastFiles(root).stream().map(file -> {
            String name = Suite.displayName(root, file, prefix);
            String shown = name + mode.label;
            Features features = Suite.featuresFor(name);
            Suite.Skip skip = skips.get(name);
            if (skip != null) {
                return DynamicTest.dynamicTest(shown + " (skipped: needs " + skip.feature() + ")",
                        file.toUri(), () -> assertFalse(mode.run(() -> passesCompletely(file, features, config)),
                                name + " passes now: remove it from tests/spec/skips.txt"));
            }
            return DynamicContainer.dynamicContainer(shown, file.toUri(), commands(file, features, config, mode));
        });
    }

    private static boolean passesCompletely(Path file, Features features, EngineConfig config) {
        try {
            Script script = WastParser.parse(file.getFileName().toString(), Suite.read(file));
            return ScriptRunner.runAll(script, features, config).stream().allMatch(ScriptRunner.Outcome::passed);
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static Stream<DynamicTest> commands(Path file, Features features, EngineConfig config, Mode mode) {
        String fileName = file.getFileName().toString();
        Script script;
        try {
            script = WastParser.parse(fileName, Suite.read(file));
        } catch (RuntimeException e) {
            return Stream.of(DynamicTest.dynamicTest(fileName + " parse", () -> fail("cannot parse: " + e)));
        }
        ScriptRunner runner = new ScriptRunner(features, config);
        List<DynamicTest> tests = new ArrayList<>();
        for (Command c : script.commands()) {
            tests.add(DynamicTest.dynamicTest(CommandNames.name(fileName, c), () -> {
                ScriptRunner.Outcome o = mode.run(() -> runner.execute(c));
                assertTrue(o.passed(), o.detail());
            }));
        }
        return tests.stream();
    }
}
