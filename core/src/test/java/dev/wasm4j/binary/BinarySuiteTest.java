package dev.wasm4j.binary;

import dev.wasm4j.MalformedException;
import dev.wasm4j.binary.WastModules.Kind;
import dev.wasm4j.binary.WastModules.ModuleForm;
import dev.wasm4j.model.Features;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Runs the decoder on every {@code (module binary ...)} of the spec testsuite: those of an
 * {@code assert_malformed} must fail with the expected message as a prefix of the rule; all others must
 * decode. Known gaps are listed, with a reason, in {@code decoder-skips.txt}; a listed case that passes fails
 * the test, so the list stays true.
 */
class BinarySuiteTest {

    @TestFactory
    List<DynamicNode> assertMalformedBinary() {
        return perFile(m -> m.kind() == Kind.BINARY && m.command().equals("assert_malformed"),
                (m, features) -> {
                    MalformedException e = assertThrows(MalformedException.class,
                            () -> ModuleDecoder.decode(m.binary(), features));
                    assertTrue(e.rule().startsWith(m.expected()),
                            () -> m.name() + ": expected \"" + m.expected() + "\", got \"" + e.rule() + "\" at " + e.offset());
                });
    }

    @TestFactory
    List<DynamicNode> binaryModulesDecode() {
        return perFile(m -> m.kind() == Kind.BINARY && !m.command().equals("assert_malformed"),
                (m, features) -> assertDoesNotThrow(() -> ModuleDecoder.decode(m.binary(), features), m::name));
    }

    interface Check {
        void run(ModuleForm m, Features features) throws Throwable;
    }

    /** One container per file, one test per selected module form, honouring the skip list. */
    static List<DynamicNode> perFile(Predicate<ModuleForm> select, Check check) {
        return perFile(select, check, skips());
    }

    /** One container per file, one test per selected module form; {@code skips} maps file:line to a reason. */
    static List<DynamicNode> perFile(Predicate<ModuleForm> select, Check check, Map<String, String> skips) {
        List<DynamicNode> files = new ArrayList<>();
        for (Path file : WastModules.files()) {
            Features features = WastModules.featuresFor(file);
            List<DynamicNode> tests = new ArrayList<>();
            for (ModuleForm m : WastModules.read(file)) {
                if (!select.test(m)) {
                    continue;
                }
                String reason = skips.get(m.file() + ":" + m.line());
                tests.add(DynamicTest.dynamicTest(m.name(), () -> {
                    if (reason == null) {
                        check.run(m, features);
                        return;
                    }
                    try {
                        check.run(m, features);
                    } catch (Throwable expectedFailure) {
                        return;
                    }
                    fail("listed in decoder-skips.txt (" + reason + ") but passes: remove it from the list");
                }));
            }
            if (!tests.isEmpty()) {
                files.add(DynamicContainer.dynamicContainer(file.toString(), tests));
            }
        }
        return files;
    }

    /** The skip list: {@code file:line reason} per line; blank lines and {@code #} comments ignored. */
    static Map<String, String> skips() {
        Map<String, String> skips = new HashMap<>();
        try (InputStream in = BinarySuiteTest.class.getResourceAsStream("decoder-skips.txt")) {
            if (in == null) {
                return skips;
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                int space = line.indexOf(' ');
                skips.put(space < 0 ? line : line.substring(0, space), space < 0 ? "" : line.substring(space + 1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return skips;
    }
}
