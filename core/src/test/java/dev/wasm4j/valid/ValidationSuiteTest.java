package dev.wasm4j.valid;

import dev.wasm4j.InvalidException;
import dev.wasm4j.ModuleException;
import dev.wasm4j.binary.Immediates;
import dev.wasm4j.binary.ModuleDecoder;
import dev.wasm4j.model.Feature;
import dev.wasm4j.model.Features;
import dev.wasm4j.model.FuncType;
import dev.wasm4j.model.Module;
import dev.wasm4j.model.Opcode;
import dev.wasm4j.model.ValType;
import dev.wasm4j.text.Wat;
import dev.wasm4j.wast.Command;
import dev.wasm4j.wast.ModuleSource;
import dev.wasm4j.wast.Script;
import dev.wasm4j.wast.WastParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The validator over the spec testsuite: every module of an {@code assert_invalid} must be rejected with an
 * {@link InvalidException} whose rule starts with the expected message, and every module the scripts define
 * (or expect to link or to trap at instantiation) must validate. One container per .wast file, one test per
 * command, named {@code file:line}. Known failures are listed with a reason in {@code validation-skips.txt};
 * a listed case that passes fails, so the list stays true. Counts per file go to
 * {@code target/validation-suite.txt}.
 */
class ValidationSuiteTest {

    /** Per file: assert_invalid passed, failed, valid modules passed, failed, skipped (listed) cases. */
    private static final Map<String, int[]> COUNTS = new TreeMap<>();
    /** Failing (and listed) cases with their message, for the report. */
    private static final List<String> FAILURES = new ArrayList<>();

    @TestFactory
    List<DynamicNode> suite() throws IOException {
        Path root = suiteRoot();
        Skips skips = Skips.load();
        List<DynamicNode> files = new ArrayList<>();
        List<Path> paths;
        try (Stream<Path> s = Files.walk(root)) {
            paths = s.filter(p -> p.toString().endsWith(".wast")).map(root::relativize).sorted().toList();
        }
        for (Path rel : paths) {
            String file = rel.toString().replace('\\', '/');
            if (skips.skipsFile(file)) {
                continue;
            }
            Features features = featuresFor(file);
            Script script;
            try {
                script = WastParser.parse(file, Files.readString(root.resolve(rel)));
            } catch (ModuleException e) {
                files.add(DynamicTest.dynamicTest(file, () -> fail("script does not parse: " + e.getMessage())));
                continue;
            }
            List<DynamicNode> tests = new ArrayList<>();
            for (Command c : script.commands()) {
                String where = file + ":" + c.line();
                switch (c) {
                    case Command.AssertInvalid a -> tests.add(test(where + " assert_invalid \"" + a.message() + "\"",
                            file, 0, skips.reason(where), () -> assertInvalid(a.module(), a.message(), features)));
                    case Command.Module m -> tests.add(test(where + " module", file, 2, skips.reason(where),
                            () -> assertValid(m.source(), features)));
                    case Command.AssertUnlinkable u -> tests.add(test(where + " assert_unlinkable", file, 2,
                            skips.reason(where), () -> assertValid(u.module(), features)));
                    case Command.AssertModuleTrap t -> tests.add(test(where + " assert_trap (module)", file, 2,
                            skips.reason(where), () -> assertValid(t.module(), features)));
                    default -> { }
                }
            }
            if (!tests.isEmpty()) {
                files.add(DynamicContainer.dynamicContainer(file, tests));
            }
        }
        return files;
    }

    /** A test that counts its outcome in column {@code col} (pass) or {@code col + 1} (fail) of its file. */
    private static DynamicTest test(String name, String file, int col, String skipReason, Executable body) {
        return DynamicTest.dynamicTest(name, () -> {
            Throwable failure = null;
            try {
                body.execute();
            } catch (Throwable t) {
                failure = t;
            }
            synchronized (COUNTS) {
                int[] n = COUNTS.computeIfAbsent(file, k -> new int[5]);
                n[failure == null ? col : col + 1]++;
                if (skipReason != null && failure != null) {
                    n[4]++;
                }
                if (failure != null) {
                    FAILURES.add((skipReason != null ? "listed  " : "FAILED  ") + name + ": " + failure.getMessage());
                }
            }
            if (skipReason != null) {
                if (failure == null) {
                    fail("listed in validation-skips.txt (" + skipReason + ") but passes: remove it from the list");
                }
                return;
            }
            if (failure != null) {
                throw failure;
            }
        });
    }

    private static void assertInvalid(ModuleSource source, String expected, Features features) {
        Module m;
        try {
            m = ModuleDecoder.decode(bytes(source), features);
        } catch (InvalidException e) {
            // The assembler reports a few limits the binary format cannot express as invalid.
            assertTrue(e.rule().startsWith(expected), () -> "expected \"" + expected + "\", assembler said \""
                    + e.rule() + "\"");
            return;
        } catch (ModuleException e) {
            fail("does not decode: " + e.getMessage());
            return;
        }
        try {
            Validator.validate(m, features);
        } catch (InvalidException e) {
            assertTrue(e.rule().startsWith(expected),
                    () -> "expected \"" + expected + "\", got \"" + e.rule() + "\" at " + e.offset());
            return;
        }
        fail("expected \"" + expected + "\" but the module validates");
    }

    private static void assertValid(ModuleSource source, Features features) {
        Module m;
        try {
            m = ModuleDecoder.decode(bytes(source), features);
        } catch (ModuleException e) {
            fail("does not decode: " + e.getMessage());
            return;
        }
        ValidModule vm = Validator.validate(m, features);
        replayAll(vm);
    }

    /** Replays every function body through a sink that checks the {@link CodeState} invariants. */
    private static void replayAll(ValidModule vm) {
        Module m = vm.module();
        for (int f = m.importedFunctionCount(); f < m.functionCount(); f++) {
            vm.replayFunction(f, new CheckingSink());
        }
        for (int g = 0; g < m.globals().size(); g++) {
            vm.replayConst(m.globals().get(g).init(), m.globals().get(g).type().valType(), new CheckingSink());
        }
    }

    /** Asserts, at every instruction, what {@link CodeState} promises. */
    static final class CheckingSink implements CodeSink {
        private int max;

        @Override
        public void beginFunction(int funcIndex, FuncType type, List<ValType> locals) {
            assertTrue(locals.size() >= type.params().size());
        }

        @Override
        public void instruction(Opcode op, Immediates imm, CodeState s) {
            int frames = s.frameCount();
            assertTrue(frames >= 1, "a frame is open");
            assertEquals(null, s.frame(frames - 1).kind(), "outermost frame is the function");
            for (int d = 0; d < frames; d++) {
                CodeState.Frame f = s.frame(d);
                int slots = 0;
                for (ValType t : f.labelTypes()) {
                    slots += t.slots();
                }
                assertEquals(slots, f.labelSlots(), "label slots");
                assertTrue(f.heightSlots() <= s.operandSlots() || f.unreachable() || s.frame(0).unreachable(),
                        "frame height within the stack");
            }
            if (!s.unreachable()) {
                int slots = 0;
                for (int i = 0; i < s.operandCount(); i++) {
                    ValType t = s.operandType(i);
                    assertNotNull(t, "reachable operands have types");
                    slots += t.slots();
                }
                assertEquals(slots, s.operandSlots(), op + ": slots are the sum of the operands' slots");
            }
            if (op == Opcode.ELSE) {
                assertEquals(Opcode.IF, s.frame(0).kind(), "else closes the then branch");
            }
            max = Math.max(max, s.operandSlots());
            assertTrue(s.maxOperandSlots() >= s.operandSlots(), "max covers the current height");
        }

        @Override
        public void endFunction(CodeState s) {
            assertTrue(s.maxOperandSlots() >= max, "max covers every height");
        }
    }

    private static byte[] bytes(ModuleSource source) {
        return switch (source) {
            case ModuleSource.Binary b -> b.bytes();
            case ModuleSource.Quote q -> Wat.assemble(q.text());
            case ModuleSource.Failed f -> throw f.error();
        };
    }

    @AfterAll
    static void report() throws IOException {
        StringBuilder sb = new StringBuilder(String.format("%-52s %8s %8s %8s %8s %8s%n",
                "file", "inv.ok", "inv.fail", "valid.ok", "val.fail", "listed"));
        int[] total = new int[5];
        synchronized (COUNTS) {
            for (Map.Entry<String, int[]> e : COUNTS.entrySet()) {
                int[] n = e.getValue();
                sb.append(String.format("%-52s %8d %8d %8d %8d %8d%n", e.getKey(), n[0], n[1], n[2], n[3], n[4]));
                for (int i = 0; i < 5; i++) {
                    total[i] += n[i];
                }
            }
        }
        sb.append(String.format("%-52s %8d %8d %8d %8d %8d%n", "TOTAL", total[0], total[1], total[2], total[3],
                total[4]));
        synchronized (COUNTS) {
            sb.append('\n');
            FAILURES.stream().sorted().forEach(f -> sb.append(f).append('\n'));
        }
        Path out = Path.of("target", "validation-suite.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, sb);
        System.out.println("validation suite: assert_invalid " + total[0] + " passed, " + total[1]
                + " failed; modules " + total[2] + " validated, " + total[3] + " failed; " + total[4]
                + " listed (see " + out.toAbsolutePath() + ")");
    }

    /** Wasm 3.0 ({@link Features#STANDARD}) plus the proposal of the file's directory. */
    static Features featuresFor(String file) {
        Features f = Features.STANDARD;
        if (file.startsWith("legacy/")) {
            return f.with(Feature.LEGACY_EXCEPTIONS);
        } else if (file.startsWith("proposals/wide-arithmetic/")) {
            return f.with(Feature.WIDE_ARITHMETIC);
        } else if (file.startsWith("proposals/custom-page-sizes/")) {
            return f.with(Feature.CUSTOM_PAGE_SIZES);
        }
        return f;
    }

    /** The testsuite: {@code $WASM_TESTSUITE}, else {@code <project root>/../shared/testsuite}. */
    static Path suiteRoot() {
        String env = System.getenv("WASM_TESTSUITE");
        if (env != null && !env.isEmpty()) {
            return Path.of(env);
        }
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        if (!Files.exists(dir.resolve("core")) && dir.getParent() != null) {
            dir = dir.getParent();
        }
        return dir.resolve("../shared/testsuite").normalize();
    }

    /**
     * {@code validation-skips.txt}: {@code file:line reason} for a known failing case, or {@code dir/ reason}
     * for a directory whose scripts are not run at all.
     */
    record Skips(Map<String, String> cases, Map<String, String> dirs) {

        static Skips load() {
            Map<String, String> cases = new LinkedHashMap<>();
            Map<String, String> dirs = new LinkedHashMap<>();
            try (InputStream in = ValidationSuiteTest.class.getResourceAsStream("validation-skips.txt")) {
                if (in != null) {
                    BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                    for (String line; (line = r.readLine()) != null; ) {
                        line = line.strip();
                        if (line.isEmpty() || line.startsWith("#")) {
                            continue;
                        }
                        int space = line.indexOf(' ');
                        String key = space < 0 ? line : line.substring(0, space);
                        String reason = space < 0 ? "" : line.substring(space + 1).strip();
                        (key.endsWith("/") ? dirs : cases).put(key, reason);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new Skips(cases, dirs);
        }

        boolean skipsFile(String file) {
            return dirs.keySet().stream().anyMatch(file::startsWith);
        }

        String reason(String where) {
            return cases.get(where);
        }
    }
}
