package dev.wasm4j.wasi;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs every case of tests/programs/cases.txt: the program's .wasm under the interpreter, in a fresh copy of
 * data/ preopened as ".", compared with what the native build produced (expected/): stdout, stderr, exit
 * code and the files left in the work directory.
 */
class WasiProgramsTest {
    @TempDir
    Path temp;

    record Case(String name, String program, String stdin, List<String> env, List<String> args) {
        static Case parse(String line) {
            String[] t = line.trim().split("\\s+");
            List<String> env = new ArrayList<>();
            List<String> args = new ArrayList<>();
            for (String s : Arrays.asList(t).subList(3, t.length)) {
                (s.startsWith("@env=") ? env : args).add(s.startsWith("@env=") ? s.substring(5) : s);
            }
            return new Case(t[0], t[1], t[2], env, args);
        }
    }

    static List<Case> cases(Path suite) throws IOException {
        List<Case> cases = new ArrayList<>();
        for (String line : Files.readAllLines(suite.resolve("cases.txt"))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                cases.add(Case.parse(line));
            }
        }
        return cases;
    }

    /** Our own C programs (tests/programs/src). */
    @TestFactory
    List<DynamicTest> programs() throws IOException {
        return suite(Programs.dir());
    }

    /** Lua, minigzip and the SQLite shell, built from Debian's sources (scripts/build-real-world). */
    @TestFactory
    List<DynamicTest> realWorld() throws IOException {
        return suite(Programs.dir().resolve("real"));
    }

    /** The pthreads programs (tests/programs/threads, scripts/build-threads-programs), with wasi-threads. */
    @TestFactory
    List<DynamicTest> threads() throws IOException {
        return suite(Programs.dir().resolve("threads"), dev.wasm4j.EngineConfig.of(dev.wasm4j.Engine.INTERPRETER));
    }

    /** The pthreads programs again, compiled to JVM bytecode. */
    @TestFactory
    List<DynamicTest> threadsCompiled() throws IOException {
        return suite(Programs.dir().resolve("threads"), dev.wasm4j.EngineConfig.of(dev.wasm4j.Engine.COMPILER));
    }

    /** The pthreads programs on the default engine (interpreted first, compiled in the background). */
    @TestFactory
    List<DynamicTest> threadsAuto() throws IOException {
        return suite(Programs.dir().resolve("threads"));
    }

    /**
     * The pthreads programs {@code wasm4j.stress.repeat / 10} times on the interpreter and the compiler (each
     * run must give the native output, none may hang): run by scripts/stress-threads, not the test command.
     */
    @TestFactory
    @EnabledIfSystemProperty(named = "wasm4j.stress.repeat", matches = "\\d+")
    List<DynamicTest> threadsRepeatedly() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (int run = 0; run < Math.max(1, Integer.getInteger("wasm4j.stress.repeat") / 10); run++) {
            tests.addAll(threads());
            tests.addAll(threadsCompiled());
        }
        return tests;
    }

    /** Our programs again, compiled to JVM bytecode. */
    @TestFactory
    List<DynamicTest> programsCompiled() throws IOException {
        return suite(Programs.dir(), dev.wasm4j.EngineConfig.of(dev.wasm4j.Engine.COMPILER));
    }

    /** The real-world programs again, compiled to JVM bytecode. */
    @TestFactory
    List<DynamicTest> realWorldCompiled() throws IOException {
        return suite(Programs.dir().resolve("real"), dev.wasm4j.EngineConfig.of(dev.wasm4j.Engine.COMPILER));
    }

    /** Our programs again, each call moving from the interpreter to compiled code at its first loop head. */
    @TestFactory
    List<DynamicTest> programsLoopEntries() throws IOException {
        return suite(Programs.dir(), LOOP_ENTRIES);
    }

    /** The real-world programs again, with loop entries as above. */
    @TestFactory
    List<DynamicTest> realWorldLoopEntries() throws IOException {
        return suite(Programs.dir().resolve("real"), LOOP_ENTRIES);
    }

    /** Our programs again, from class jars ({@code wasm4j compile --jar}): named classes, not hidden ones. */
    @TestFactory
    List<DynamicTest> programsFromClassJars() throws IOException {
        return suite(Programs.dir(), CLASS_JARS);
    }

    /** The real-world programs again, from class jars. */
    @TestFactory
    List<DynamicTest> realWorldFromClassJars() throws IOException {
        return suite(Programs.dir().resolve("real"), CLASS_JARS);
    }

    /** The compiler engine, each program run from a class jar made for it (see {@link #classJar}). */
    private static final dev.wasm4j.EngineConfig CLASS_JARS = dev.wasm4j.EngineConfig.of(dev.wasm4j.Engine.COMPILER);

    /** Each program's class jar, made once per test factory (its module, and so its classes, are shared). */
    private final java.util.Map<Path, Path> classJarFiles = new java.util.concurrent.ConcurrentHashMap<>();

    private Path classJar(Path wasm) {
        return classJarFiles.computeIfAbsent(wasm, w -> {
            try {
                byte[] bytes = Files.readAllBytes(w);
                var jar = dev.wasm4j.compiler.ModuleCompiler.compileNamed(
                        dev.wasm4j.internal.Internals.valid(dev.wasm4j.WasmModule.parse(bytes)), bytes);
                Path out = Files.createTempDirectory(temp, "jar").resolve(w.getFileName() + ".jar");
                try (var stream = Files.newOutputStream(out)) {
                    jar.write(stream);
                }
                return out;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /** The auto engine, made to take every loop entry early by its testing knobs (see AutoTier). */
    private static final dev.wasm4j.EngineConfig LOOP_ENTRIES = dev.wasm4j.EngineConfig.of(dev.wasm4j.Engine.AUTO);

    private List<DynamicTest> suite(Path dir) throws IOException {
        return suite(dir, dev.wasm4j.EngineConfig.DEFAULT);
    }

    private List<DynamicTest> suite(Path dir, dev.wasm4j.EngineConfig engine) throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        String suffix = engine == LOOP_ENTRIES ? " [loop entries]" : engine == CLASS_JARS ? " [class jar]"
                : engine.equals(dev.wasm4j.EngineConfig.DEFAULT) ? ""
                : " [" + engine.engine().name().toLowerCase() + "]";
        for (Case c : cases(dir)) {
            tests.add(DynamicTest.dynamicTest(c.name() + ": " + c.program() + " " + String.join(" ", c.args()) + suffix,
                    () -> check(dir, c, engine)));
        }
        return tests;
    }

    private void check(Path dir, Case c, dev.wasm4j.EngineConfig engine) throws IOException {
        Path work = Files.createTempDirectory(temp, "work-" + c.name() + "-" + engine.engine().name().toLowerCase()
                + (engine == LOOP_ENTRIES ? "-loops" : "")).resolve("work");
        Programs.copyTree(dir.resolve("data"), work);
        List<String> argv = new ArrayList<>();
        argv.add(c.program());
        argv.addAll(c.args());
        WasiConfig config = WasiConfig.of().withArgs(argv).withPreopen(work, ".")
                .withStdin(Programs.stdin(c.stdin().equals("-") ? null : dir.resolve("data").resolve(c.stdin())));
        for (String e : c.env()) {
            int eq = e.indexOf('=');
            config = config.withEnv(e.substring(0, eq), e.substring(eq + 1));
        }
        Path wasm = dir.resolve("wasm").resolve(c.program() + ".wasm");
        if (engine == CLASS_JARS) {
            wasm = classJar(wasm);
        }
        Programs.Outcome o;
        if (engine == LOOP_ENTRIES) {
            System.setProperty("wasm4j.auto.loopEntriesOnly", "true");
            System.setProperty("wasm4j.auto.loopThreshold", "100");
            try {
                o = Programs.run(wasm, config, engine);
            } finally {
                System.clearProperty("wasm4j.auto.loopEntriesOnly");
                System.clearProperty("wasm4j.auto.loopThreshold");
            }
        } else {
            o = Programs.run(wasm, config, engine);
        }
        if (engine == CLASS_JARS) {
            assertTrue(dev.wasm4j.internal.Internals.compiled(Programs.module(wasm)).fromClassJar(), "from the class jar");
        }
        Path expected = dir.resolve("expected");
        assertEquals(bytes(expected.resolve(c.name() + ".stdout")), o.stdout(), "stdout");
        assertEquals(read(expected.resolve(c.name() + ".exit")).strip(), o.exit(), "exit code");
        if (o.trap() != null) {
            // natively a crash by signal; here a trap with the Wasm backtrace
            assertEquals("unreachable", o.trap().trapMessage());
            assertTrue(o.trap().wasmBacktrace().toString().contains("crash"), o.trap().wasmBacktrace().toString());
        } else {
            assertEquals(read(expected.resolve(c.name() + ".stderr")), o.stderr(), "stderr");
        }
        assertEquals(read(expected.resolve(c.name() + ".files")), Programs.listing(work), "files");
        assertNotNull(o.exit());
    }

    /** Bytes as a lossless string, so that binary output compares exactly and still prints. */
    private static String bytes(Path p) throws IOException {
        return new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
    }

    private static String read(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.UTF_8);
    }
}
