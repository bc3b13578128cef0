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
 * command, run in order against one {@link ScriptRunner}, once per engine (interpreter and compiler; the
 * compiler's containers are marked {@code [compiler]}), and once more with every call starting in the
 * interpreter and moving to compiled code at the first loop head it reaches ({@code [loop entries]}, see
 * {@link dev.wasm4j.exec.LoopTier}). Files in tests/spec/skips.txt are run too, and must not pass
 * completely (a skip that starts passing must be removed).
 */
class SpecSuiteTest {

    @TestFactory
    Stream<DynamicNode> officialSuite() {
        return official(Engine.INTERPRETER);
    }

    @TestFactory
    Stream<DynamicNode> officialSuiteCompiled() {
        return official(Engine.COMPILER);
    }

    @TestFactory
    Stream<DynamicNode> ownSuite() {
        return files(Suite.ownSuite(), "tests/spec/", Engine.INTERPRETER);
    }

    @TestFactory
    Stream<DynamicNode> ownSuiteCompiled() {
        return files(Suite.ownSuite(), "tests/spec/", Engine.COMPILER);
    }

    @TestFactory
    Stream<DynamicNode> officialSuiteLoopEntries() {
        return official(Engine.AUTO);
    }

    @TestFactory
    Stream<DynamicNode> ownSuiteLoopEntries() {
        return files(Suite.ownSuite(), "tests/spec/", Engine.AUTO);
    }

    private Stream<DynamicNode> official(Engine engine) {
        Path root = Suite.officialSuite().orElse(null);
        Assumptions.assumeTrue(root != null, "spec testsuite not found (set WASM_TESTSUITE)");
        return files(root, "", engine);
    }

    /** The auto engine here runs calls interpreted until their first loop head, then compiled. */
    private static String label(Engine engine) {
        return switch (engine) {
            case INTERPRETER -> "";
            case COMPILER -> " [compiler]";
            case AUTO -> " [loop entries]";
        };
    }

    /** Runs {@code action} with the auto engine's testing knobs set to take loop entries at once. */
    static <T> T withLoopEntries(Engine engine, java.util.function.Supplier<T> action) {
        if (engine != Engine.AUTO) {
            return action.get();
        }
        System.setProperty("wasm4j.auto.loopEntriesOnly", "true");
        System.setProperty("wasm4j.auto.loopThreshold", "0");
        try {
            return action.get();
        } finally {
            System.clearProperty("wasm4j.auto.loopEntriesOnly");
            System.clearProperty("wasm4j.auto.loopThreshold");
        }
    }

    private Stream<DynamicNode> files(Path root, String prefix, Engine engine) {
        EngineConfig config = EngineConfig.of(engine);
        Map<String, Suite.Skip> skips = Suite.skips();
        return Suite.wastFiles(root).stream().map(file -> {
            String name = Suite.displayName(root, file, prefix);
            String shown = name + label(engine);
            Features features = Suite.featuresFor(name);
            Suite.Skip skip = skips.get(name);
            if (skip != null) {
                return DynamicTest.dynamicTest(shown + " (skipped: needs " + skip.feature() + ")",
                        file.toUri(), () -> assertFalse(withLoopEntries(engine, () -> passesCompletely(file, features, config)),
                                name + " passes now: remove it from tests/spec/skips.txt"));
            }
            return DynamicContainer.dynamicContainer(shown, file.toUri(), commands(file, features, config, engine));
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

    private static Stream<DynamicTest> commands(Path file, Features features, EngineConfig config, Engine engine) {
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
                ScriptRunner.Outcome o = withLoopEntries(engine, () -> runner.execute(c));
                assertTrue(o.passed(), o.detail());
            }));
        }
        return tests.stream();
    }
}
