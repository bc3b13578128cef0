package dev.wasm4j.wast;

import dev.wasm4j.Engine;
import dev.wasm4j.EngineConfig;
import dev.wasm4j.model.Features;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The threads testsuite over and over ({@code -Dwasm4j.stress.repeat=N}), on the interpreter and the
 * compiler, in one JVM: every run of every file must pass, and none may hang (a thread that does not finish
 * fails its {@code wait} after {@link ScriptThread#TIMEOUT_SECONDS}). Not part of the test command; run by
 * {@code scripts/stress-threads}.
 */
@EnabledIfSystemProperty(named = "wasm4j.stress.repeat", matches = "\\d+")
class ThreadsStressTest {

    @Test
    void threadsSuiteRepeatedly() {
        int repeat = Integer.getInteger("wasm4j.stress.repeat");
        Path root = Suite.threadsSuite().orElseThrow(() -> new AssertionError("threads testsuite not found"));
        List<Path> files = Suite.wastFiles(root);
        List<String> failures = new ArrayList<>();
        long start = System.nanoTime();
        for (int run = 1; run <= repeat; run++) {
            for (Engine engine : List.of(Engine.INTERPRETER, Engine.COMPILER)) {
                for (Path file : files) {
                    String name = file.getFileName().toString();
                    Script script = WastParser.parse(name, Suite.read(file));
                    for (ScriptRunner.Outcome o : ScriptRunner.runAll(script, Features.STANDARD, EngineConfig.of(engine))) {
                        if (!o.passed()) {
                            failures.add("run " + run + " " + engine + " " + CommandNames.name(name, o.command())
                                    + ": " + o.detail());
                        }
                    }
                }
            }
            if (run % 10 == 0) {
                System.out.printf("threads suite: %d runs of %d files on 2 engines, %.1f s%n", run, files.size(),
                        (System.nanoTime() - start) / 1e9);
            }
        }
        assertEquals(List.of(), failures);
        assertTrue(repeat > 0);
    }
}
