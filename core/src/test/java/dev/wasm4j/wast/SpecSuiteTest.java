package dev.wasm4j.wast;

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
 * command, run in order against one {@link ScriptRunner}. Files in tests/spec/skips.txt are run too, and
 * must not pass completely (a skip that starts passing must be removed).
 */
class SpecSuiteTest {

    @TestFactory
    Stream<DynamicNode> officialSuite() {
        Path root = Suite.officialSuite().orElse(null);
        Assumptions.assumeTrue(root != null, "spec testsuite not found (set WASM_TESTSUITE)");
        return files(root, "");
    }

    @TestFactory
    Stream<DynamicNode> ownSuite() {
        return files(Suite.ownSuite(), "tests/spec/");
    }

    private Stream<DynamicNode> files(Path root, String prefix) {
        Map<String, Suite.Skip> skips = Suite.skips();
        return Suite.wastFiles(root).stream().map(file -> {
            String name = Suite.displayName(root, file, prefix);
            Suite.Skip skip = skips.get(name);
            if (skip != null) {
                return DynamicTest.dynamicTest(name + " (skipped: needs " + skip.feature() + ")",
                        file.toUri(), () -> assertFalse(passesCompletely(file, Suite.featuresFor(name)),
                                name + " passes now: remove it from tests/spec/skips.txt"));
            }
            return DynamicContainer.dynamicContainer(name, file.toUri(), commands(file, Suite.featuresFor(name)));
        });
    }

    private static boolean passesCompletely(Path file, Features features) {
        try {
            Script script = WastParser.parse(file.getFileName().toString(), Suite.read(file));
            return ScriptRunner.runAll(script, features).stream().allMatch(ScriptRunner.Outcome::passed);
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static Stream<DynamicTest> commands(Path file, Features features) {
        String fileName = file.getFileName().toString();
        Script script;
        try {
            script = WastParser.parse(fileName, Suite.read(file));
        } catch (RuntimeException e) {
            return Stream.of(DynamicTest.dynamicTest(fileName + " parse", () -> fail("cannot parse: " + e)));
        }
        ScriptRunner runner = new ScriptRunner(features);
        List<DynamicTest> tests = new ArrayList<>();
        for (Command c : script.commands()) {
            tests.add(DynamicTest.dynamicTest(CommandNames.name(fileName, c), () -> {
                ScriptRunner.Outcome o = runner.execute(c);
                assertTrue(o.passed(), o.detail());
            }));
        }
        return tests.stream();
    }
}
