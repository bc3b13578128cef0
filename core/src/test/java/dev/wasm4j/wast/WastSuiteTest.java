package dev.wasm4j.wast;

import dev.wasm4j.InvalidException;
import dev.wasm4j.MalformedException;
import dev.wasm4j.ModuleException;
import dev.wasm4j.WasmException;
import dev.wasm4j.text.Wat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * The text format against the whole spec testsuite, one container per .wast file: the script parses; every
 * {@code assert_malformed} of a quoted module is rejected as malformed with the expected message; every
 * other text module (plain or quoted) assembles.
 */
class WastSuiteTest {

    /** Directories whose text modules use syntax wasm4j does not implement, with the reason. */
    private static final Map<String, String> UNSUPPORTED_DIRS = Map.of(
            "proposals/custom-descriptors/",
            "custom descriptors and exact types are not in wasm4j's model (no opcodes, no encodings)");

    private static final String OLD_THREADS_LIMITS = "the threads proposal's old suite calls an i32 memory of "
            + "2^32 pages malformed; Wasm 3.0 (memory.wast) calls the same text invalid, which wasm4j follows";

    /** {@code assert_malformed} quoted modules not rejected as malformed, with the reason. */
    private static final Map<String, String> NOT_MALFORMED = Map.of(
            "proposals/threads/memory.wast:83", OLD_THREADS_LIMITS,
            "proposals/threads/memory.wast:87", OLD_THREADS_LIMITS,
            "proposals/threads/memory.wast:91", OLD_THREADS_LIMITS);

    private static final AtomicInteger FILES = new AtomicInteger();
    private static final AtomicInteger TEXT_MODULES = new AtomicInteger();
    private static final AtomicInteger QUOTED_MODULES = new AtomicInteger();
    private static final AtomicInteger MALFORMED_REJECTED = new AtomicInteger();

    @TestFactory
    Stream<DynamicNode> testsuite() {
        return Testsuite.files().stream().map(f -> {
            String name = Testsuite.name(f);
            return dynamicContainer(name, Stream.of(f).flatMap(p -> fileTests(p, name)));
        });
    }

    private static Stream<DynamicNode> fileTests(Path file, String name) {
        Script script;
        try {
            script = WastParser.parse(name, Testsuite.read(file));
        } catch (RuntimeException e) {
            return Stream.of(dynamicTest(name + " parses", () -> fail("script does not parse", e)));
        }
        FILES.incrementAndGet();
        boolean unsupported = UNSUPPORTED_DIRS.keySet().stream().anyMatch(name::startsWith);
        List<DynamicNode> tests = new ArrayList<>();
        tests.add(dynamicTest(name + " parses", () -> assertTrue(script.commands().size() > 0)));
        for (Command c : script.commands()) {
            String at = name + ":" + c.line();
            switch (c) {
                case Command.AssertMalformed m when m.module() instanceof ModuleSource.Quote q ->
                        tests.add(dynamicTest(at + " assert_malformed",
                                () -> malformed(at, q, unsupported ? "" : m.message())));
                case Command.AssertMalformed m -> { }
                case Command.Module m -> tests.add(module(at, "module", m.source(), unsupported, false));
                case Command.AssertInvalid m -> tests.add(module(at, "assert_invalid", m.module(), unsupported, true));
                case Command.AssertUnlinkable m ->
                        tests.add(module(at, "assert_unlinkable", m.module(), unsupported, false));
                case Command.AssertModuleTrap m -> tests.add(module(at, "assert_trap", m.module(), unsupported, false));
                case Command.AssertCustom m -> tests.add(dynamicTest(at + " assert_custom", () -> custom(m)));
                default -> { }
            }
        }
        return tests.stream();
    }

    private static void malformed(String at, ModuleSource.Quote q, String expected) {
        try {
            Wat.assemble(q.text());
        } catch (MalformedException e) {
            assertTrue(e.rule().startsWith(expected), "expected \"" + expected + "\", got \"" + e.rule() + "\"");
            MALFORMED_REJECTED.incrementAndGet();
            return;
        } catch (WasmException e) {
            if (NOT_MALFORMED.containsKey(at)) {
                return;
            }
            fail("expected malformed \"" + expected + "\", got " + e);
        }
        fail("accepted, expected malformed \"" + expected + "\"");
    }

    /** A module that must assemble; {@code assert_invalid} may also fail with an InvalidException. */
    private static DynamicNode module(String at, String kind, ModuleSource source, boolean unsupported,
                                      boolean invalidOk) {
        return dynamicTest(at + " " + kind, () -> {
            ModuleException error = switch (source) {
                case ModuleSource.Binary b -> {
                    if (b.fromText()) {
                        TEXT_MODULES.incrementAndGet();
                    }
                    yield null;
                }
                case ModuleSource.Failed f -> f.error();
                case ModuleSource.Quote q -> {
                    QUOTED_MODULES.incrementAndGet();
                    try {
                        Wat.assemble(q.text());
                        yield null;
                    } catch (ModuleException e) {
                        yield e;
                    }
                }
            };
            if (error == null || unsupported || invalidOk && error instanceof InvalidException) {
                return;
            }
            fail("does not assemble: " + error.getMessage());
        });
    }

    /** Custom annotations: wasm4j interprets {@code @custom} only; others are accepted. */
    private static void custom(Command.AssertCustom c) {
        if (!(c.module() instanceof ModuleSource.Quote q)) {
            return;
        }
        try {
            Wat.assemble(q.text());
        } catch (MalformedException e) {
            assertTrue(c.malformed(), "rejected: " + e.getMessage());
            assertEquals(c.message(), e.rule());
        }
    }

    @AfterAll
    static void summary() {
        System.out.printf("text suite: %d scripts, %d text modules assembled, %d quoted modules, "
                        + "%d assert_malformed quoted modules rejected (%d excluded: %s)%n",
                FILES.get(), TEXT_MODULES.get(), QUOTED_MODULES.get(), MALFORMED_REJECTED.get(),
                NOT_MALFORMED.size(), NOT_MALFORMED.keySet());
    }
}
