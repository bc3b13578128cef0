package dev.wasm4j.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code wasm4j run} as a user runs it: a separate JVM (the guest writes to the process's own file
 * descriptors), checking exit codes, standard streams, argv conventions and the sandbox.
 */
class RunCommandTest {
    @TempDir
    Path temp;

    record Result(int exit, String stdout, String stderr) {
    }

    private static Path programs() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("tests/programs/wasm"))) {
                return p.resolve("tests/programs");
            }
        }
        throw new IllegalStateException("tests/programs not found");
    }

    private Result run(String stdin, String... args) throws IOException, InterruptedException {
        List<String> all = new ArrayList<>(List.of("run"));
        all.addAll(List.of(args));
        return wasm4j(stdin, all.toArray(String[]::new));
    }

    /** Any wasm4j command, in a JVM of its own. */
    private Result wasm4j(String stdin, String... args) throws IOException, InterruptedException {
        return wasm4j(List.of(), stdin, args);
    }

    /** Any wasm4j command, in a JVM of its own with these options too. */
    private Result wasm4j(List<String> jvmOptions, String stdin, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        Path out = temp.resolve("out");
        Path err = temp.resolve("err");
        Path in = temp.resolve("in");
        Files.writeString(in, stdin);
        Process p = new ProcessBuilder(cmd).directory(temp.toFile()).redirectInput(in.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "wasm4j run timed out");
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private static String wasm(String name) {
        return programs().resolve("wasm").resolve(name + ".wasm").toString();
    }

    @Test
    void argvEnvAndOptionsAfterTheFileBelongToTheGuest() throws Exception {
        Result r = run("", "--env", "GREETING=hi there", "--env", "EMPTY=", "--argv0", "args", wasm("args"),
                "one", "--env", "-W", "x y");
        assertEquals(0, r.exit(), r.stderr());
        assertEquals("""
                argc 5
                argv[1] = [one]
                argv[2] = [--env]
                argv[3] = [-W]
                argv[4] = [x y]
                GREETING = [hi there]
                EMPTY = []
                UNSET_VARIABLE unset
                """, r.stdout());
    }

    @Test
    void jitReportSaysWhatTheCompilerDid() throws Exception {
        Result r = run("", "--engine=compiler", "--jit-report", wasm("exitcode"), "0");
        assertEquals(0, r.exit(), r.stderr());
        assertTrue(r.stderr().contains("functions compiled to JVM bytecode, 0 left to the interpreter"), r.stderr());
        Result interpreted = run("", "--engine=interpreter", "--jit-report", wasm("exitcode"), "0");
        assertTrue(interpreted.stderr().contains("wasm4j: not compiled"), interpreted.stderr());
    }

    @Test
    void aClassJarRunsLikeItsModuleAndSaysWhenItsClassesAreStale() throws Exception {
        Path current = temp.resolve("current.jar");
        Path stale = temp.resolve("stale.jar");
        Result compiled = wasm4j("", "compile", "--jar", "-o", current.toString(), wasm("exitcode"));
        assertEquals(0, compiled.exit(), compiled.stderr());
        assertTrue(compiled.stdout().contains("functions compiled"), compiled.stdout());
        var jar = dev.wasm4j.compiler.ClassJar.read(current);
        try (var out = Files.newOutputStream(stale)) {
            new dev.wasm4j.compiler.ClassJar(jar.module(), jar.prefix(), "another build", jar.classes(),
                    jar.interpreted()).write(out);
        }
        Result r = run("", "--jit-report", current.toString(), "3", "bye");
        assertEquals(3, r.exit(), r.stderr());
        assertEquals("exiting with 3: bye\n", r.stdout());
        assertTrue(r.stderr().contains("(the named classes of a class jar)"), r.stderr());
        Result s = run("", stale.toString(), "3", "bye");
        assertEquals(3, s.exit(), s.stderr());
        assertEquals("exiting with 3: bye\n", s.stdout());
        assertTrue(s.stderr().contains("was compiled by another build of wasm4j"), s.stderr());
        // Made by this JVM, which may reach memory through sun.misc.Unsafe where the JVM that runs it does not:
        // then its classes would fail at their first access, and are not used.
        byte[] bytes = Files.readAllBytes(Path.of(wasm("exitcode")));
        Path here = temp.resolve("here.jar");
        try (var out = Files.newOutputStream(here)) {
            dev.wasm4j.compiler.ModuleCompiler.compileNamed(
                    dev.wasm4j.internal.Internals.valid(dev.wasm4j.WasmModule.parse(bytes)), bytes).write(out);
        }
        Result h = run("", here.toString(), "3", "bye");
        assertEquals(3, h.exit(), h.stderr());
        assertEquals("exiting with 3: bye\n", h.stdout());
        assertEquals(dev.wasm4j.memory.RawMemory.accessor() != null,
                h.stderr().contains("was compiled by another build of wasm4j"), h.stderr());
    }

    /**
     * The code cache as the launcher drives it (scripts/class-jar, {@link CodeCache}): a run long enough fills
     * the folder with the module's class jar, a later run starts from it, and a jar that holds another module
     * is not used. The guest sees its file either way.
     */
    @Test
    void theCodeCacheKeepsTheModulesClassJarAndUsesItOnlyForTheSameBytes() throws Exception {
        Path folder = temp.resolve("cache").resolve(cacheFolder("exitcode"));
        Result fill = wasm4j(List.of("-Dwasm4j.run.fillCache=" + folder, "-Dwasm4j.run.fillCacheMinSeconds=0"), "",
                "run", wasm("exitcode"), "3", "bye");
        assertEquals(3, fill.exit(), fill.stderr());
        assertEquals("exiting with 3: bye\n", fill.stdout());
        Path jar = folder.resolve("module.jar");
        assertTrue(Files.isRegularFile(jar), "the first run compiled the class jar");
        Result cached = wasm4j(List.of("-Dwasm4j.run.cachedClassJar=" + jar), "", "run", "--jit-report", "--argv0",
                "exitcode", wasm("exitcode"), "3", "bye");
        assertEquals(3, cached.exit(), cached.stderr());
        assertEquals("exiting with 3: bye\n", cached.stdout());
        assertTrue(cached.stderr().contains("(the named classes of a class jar)"), cached.stderr());
        // Another module's bytes: the file runs as it is, and nothing is said about the jar.
        Result other = wasm4j(List.of("-Dwasm4j.run.cachedClassJar=" + jar), "", "run", "--jit-report", wasm("args"));
        assertEquals(0, other.exit(), other.stderr());
        assertTrue(other.stdout().startsWith("argc 1"), other.stdout());
        assertTrue(!other.stderr().contains("class jar"), other.stderr());
        // A run shorter than the minimum leaves no jar; nor does a folder named by other bytes (the file
        // changed since the launcher named it).
        Path misnamed = temp.resolve("cache").resolve(digest(7));
        Result changed = wasm4j(List.of("-Dwasm4j.run.fillCache=" + misnamed, "-Dwasm4j.run.fillCacheMinSeconds=0"), "",
                "run", wasm("exitcode"), "0", "bye");
        assertEquals(0, changed.exit(), changed.stderr());
        assertTrue(!Files.exists(misnamed), "no folder for bytes it is not named by");
        Path short_ = temp.resolve("cache").resolve(cacheFolder("exitcode"));
        Files.delete(jar);
        Result quick = wasm4j(List.of("-Dwasm4j.run.fillCache=" + short_, "-Dwasm4j.run.fillCacheMinSeconds=60"), "",
                "run", wasm("exitcode"), "0", "bye");
        assertEquals(0, quick.exit(), quick.stderr());
        assertTrue(!Files.exists(short_.resolve("module.jar")), "a short run compiles nothing");
    }

    /** Only the folders used last stay in the code cache. */
    @Test
    void theCodeCacheKeepsTheFoldersUsedLast() throws Exception {
        Path cache = temp.resolve("cache");
        for (int i = 0; i < CodeCache.KEPT + 2; i++) {
            Path old = Files.createDirectories(cache.resolve(digest(i)));
            Files.writeString(old.resolve("module.jar"), "x");
            Files.setLastModifiedTime(old, java.nio.file.attribute.FileTime.fromMillis(1_000_000L * (i + 1)));
        }
        // not the cache's: left alone, however old
        Path other = Files.createDirectories(cache.resolve("mine"));
        Files.setLastModifiedTime(other, java.nio.file.attribute.FileTime.fromMillis(1_000L));
        Path folder = cache.resolve(cacheFolder("exitcode"));
        Result fill = wasm4j(List.of("-Dwasm4j.run.fillCache=" + folder, "-Dwasm4j.run.fillCacheMinSeconds=0"), "",
                "run", wasm("exitcode"), "0", "bye");
        assertEquals(0, fill.exit(), fill.stderr());
        assertTrue(Files.isRegularFile(folder.resolve("module.jar")));
        try (var left = Files.list(cache)) {
            assertEquals(CodeCache.KEPT + 1, left.count());
        }
        assertTrue(!Files.exists(cache.resolve(digest(0))) && !Files.exists(cache.resolve(digest(1)))
                && !Files.exists(cache.resolve(digest(2))), "the oldest folders went");
        assertTrue(Files.exists(cache.resolve(digest(3))) && Files.exists(other));
    }

    /** The folder the launcher names for a test program: the first 40 hex digits of its SHA-256. */
    private static String cacheFolder(String program) throws IOException {
        return CodeCache.digest(Files.readAllBytes(Path.of(wasm(program)))).substring(0, 40);
    }

    /** A folder name as the launcher makes them: 40 hex digits of a digest. */
    private static String digest(int i) {
        return "%040x".formatted(i);
    }

    @Test
    void exitCodeIsTheGuestsAndStdoutIsFlushed() throws Exception {
        Result r = run("", wasm("exitcode"), "3", "bye");
        assertEquals(3, r.exit());
        assertEquals("exiting with 3: bye\n", r.stdout());
        assertEquals("to stderr before exit\n", r.stderr());
    }

    @Test
    void trapPrintsMessageAndBacktraceAndExits134() throws Exception {
        Result r = run("", wasm("trap"));
        assertEquals(134, r.exit());
        assertEquals("before the trap\n", r.stdout());
        assertTrue(r.stderr().startsWith("error: wasm trap: unreachable\nwasm backtrace:\n"), r.stderr());
        assertTrue(r.stderr().contains("crash") && r.stderr().contains("start_work") && r.stderr().contains("main"),
                r.stderr());
    }

    @Test
    void dirMapsAHostDirectoryAndNothingElse() throws Exception {
        Path data = Files.createDirectories(temp.resolve("data"));
        Files.writeString(data.resolve("a.txt"), "alpha\n");
        Files.writeString(temp.resolve("secret.txt"), "secret\n");
        Result r = run("from stdin\n", "--dir", data + "::/sandbox", wasm("cat"), "/sandbox/a.txt", "-",
                "/sandbox/../secret.txt", data.resolve("a.txt").toString());
        assertEquals(1, r.exit());
        assertEquals("alpha\nfrom stdin\n", r.stdout());
        // the host path is not under any preopen (wasi-libc refuses it), ".." is refused by the host
        assertEquals("cat: /sandbox/../secret.txt: Capabilities insufficient\n"
                + "cat: " + data.resolve("a.txt") + ": Capabilities insufficient\n", r.stderr());
    }

    @Test
    void textModulesInvokeAndReactors() throws Exception {
        Files.writeString(temp.resolve("reactor.wat"), """
                (module
                  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
                  (memory (export "memory") 1)
                  (data (i32.const 16) "initialized\\n")
                  (global $base (mut i32) (i32.const 0))
                  (func (export "_initialize")
                    (i32.store (i32.const 0) (i32.const 16))
                    (i32.store (i32.const 4) (i32.const 12))
                    (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8)))
                    (global.set $base (i32.const 40)))
                  (func (export "add") (param i32) (result i32) (i32.add (global.get $base) (local.get 0))))
                """);
        Result r = run("", "--invoke", "add", "reactor.wat", "2");
        assertEquals(0, r.exit(), r.stderr());
        assertEquals("initialized\n42\n", r.stdout());
    }

    @Test
    void loadErrorsAndUsage() throws Exception {
        assertEquals(1, run("", "missing.wasm").exit());
        assertEquals(2, run("", "--no-such-option", wasm("cat")).exit());
        Files.writeString(temp.resolve("lib.wat"), "(module (func (export \"f\")))");
        Result noStart = run("", "lib.wat");
        assertEquals(2, noStart.exit());
        assertTrue(noStart.stderr().contains("exports no _start"), noStart.stderr());
        Result r = run("", "--max-memory", "64K", wasm("cat"));
        assertEquals(1, r.exit());
        assertTrue(r.stderr().contains("exceeds --max-memory"), r.stderr());
    }

    @Test
    void memoryBombsEndCleanlyUnderMaxMemory() throws Exception {
        // Declared far above the limit (4 GiB): refused before the guest runs.
        Path declared = temp.resolve("declared.wat");
        Files.writeString(declared, "(module (memory (export \"memory\") 65536) (func (export \"_start\")))");
        Result r = run("", "--max-memory", "64M", declared.toString());
        assertEquals(1, r.exit(), r.stderr());
        assertTrue(r.stderr().contains("exceeds --max-memory"), r.stderr());
        // Grown page by page until memory.grow fails: it stops at the limit, and the guest goes on.
        Path grows = temp.resolve("grows.wat");
        Files.writeString(grows, """
                (module (memory (export "memory") 1) (memory $wide i64 1)
                  (func (export "grow") (result i32)
                    (block $full (loop $more
                      (br_if $full (i32.eq (memory.grow (i32.const 1)) (i32.const -1)))
                      (br $more)))
                    (drop (memory.grow $wide (i64.const 0x1000000)))
                    (i32.add (memory.size) (i32.wrap_i64 (memory.size $wide)))))
                """);
        r = run("", "--max-memory", "8M", "--invoke", "grow", grows.toString());
        assertEquals(0, r.exit(), r.stderr());
        assertEquals("129", r.stdout().strip(), "128 pages of 64 KiB fill 8 MiB, plus the wide memory's one");
    }

    @Test
    void timeoutStopsAnInfiniteLoopInTimeInEachEngine() throws Exception {
        Files.writeString(temp.resolve("spin.wat"), "(module (func (export \"_start\") (loop $l (br $l))))");
        for (String engine : new String[] {"interpreter", "compiler", "auto"}) {
            long t0 = System.nanoTime();
            Result r = run("", "--engine", engine, "--timeout", "1s", "spin.wat");
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertEquals(134, r.exit(), r.stderr());
            assertTrue(r.stderr().startsWith("error: wasm trap: interrupt (the program ran longer than --timeout 1s)"),
                    r.stderr());
            // the whole process, JVM start-up included, which the deadline counts
            assertTrue(ms < 6000, engine + ": " + ms + " ms");  // generous: this machine pauses at times
        }
    }

    @Test
    void aMemoryTraceMayBeWrittenAsSvgAndCsvAtOnce() throws Exception {
        Path wat = temp.resolve("discard.wat");
        Files.writeString(wat, """
                (module
                  (memory (export "memory") 16)
                  (func (export "_start")
                    (memory.fill (i32.const 0) (i32.const 1) (i32.const 1048576))
                    (memory.discard (i32.const 0) (i32.const 1048576))))
                """);
        Result r = run("", "--memory-trace", "t.svg", "--memory-trace", "t.csv", wat.toString());
        assertEquals(0, r.exit(), r.stderr());
        assertTrue(Files.readString(temp.resolve("t.svg")).startsWith("<svg"));
        List<String> csv = Files.readAllLines(temp.resolve("t.csv"));
        assertEquals("seconds,memory,reserved_bytes,committed_bytes,resident_bytes", csv.get(0));
        assertTrue(csv.size() >= 2, "at least the first and the last sample");
    }

    /** A wasi-threads module whose _start spawns one thread and then does {@code then} forever. */
    private Path threadsModule(String name, String thread, String then) throws IOException {
        Path wat = temp.resolve(name + ".wat");
        Files.writeString(wat, """
                (module
                  (import "wasi" "thread-spawn" (func $spawn (param i32) (result i32)))
                  (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
                  (import "env" "memory" (memory 1 1 shared))
                  (func (export "spawn") (result i32) (call $spawn (i32.const 0)))
                  (func (export "wasi_thread_start") (param $tid i32) (param $arg i32) %s)
                  (func (export "_start") (drop (call $spawn (i32.const 0))) (loop $forever %s (br $forever))))
                """.formatted(thread, then));
        return wat;
    }

    @Test
    void aWorkerThreadsExitEndsTheProgramOnEitherEngine() throws Exception {
        String exitWorker = programs().resolve("threads/wasm/exit-worker.wasm").toString();
        for (String engine : List.of("interpreter", "compiler")) {
            Result r = run("", "--engine", engine, "-S", "threads=y", exitWorker, "5");
            assertEquals(5, r.exit(), r.stderr());
            assertEquals("main: starting the worker\nworker: exiting with 5\n", r.stdout());
        }
        // the main thread neither waits nor calls WASI: the program still ends at the worker's exit
        Path busy = threadsModule("busy", "(call $exit (i32.const 7))", "(nop)");
        assertEquals(7, run("", "-S", "threads", busy.toString()).exit());
    }

    @Test
    void aTrapInAWorkerThreadEndsEveryThreadWithItsMessage() throws Exception {
        Path trap = threadsModule("trap", "(unreachable)",
                "(drop (memory.atomic.wait32 (i32.const 0) (i32.const 0) (i64.const -1)))");
        for (String engine : List.of("interpreter", "compiler")) {
            Result r = run("", "--engine", engine, "-S", "threads=y", trap.toString());
            assertEquals(134, r.exit(), r.stderr());
            assertTrue(r.stderr().startsWith("error: wasm trap: unreachable\n"), r.stderr());
        }
    }

    @Test
    void timeoutStopsEveryThread() throws Exception {
        // the main thread sleeps in memory.atomic.wait32, the spawned one spins
        Path spin = threadsModule("spin", "(loop $l (br $l))",
                "(drop (memory.atomic.wait32 (i32.const 0) (i32.const 0) (i64.const -1)))");
        Result r = run("", "-S", "threads", "--timeout", "1s", spin.toString());
        assertEquals(134, r.exit(), r.stderr());
        assertTrue(r.stderr().startsWith("error: wasm trap: interrupt (the program ran longer than --timeout 1s)"),
                r.stderr());
    }

    @Test
    void threadsNeedMinusSThreadsAndStayWithinTheLimit() throws Exception {
        String exitWorker = programs().resolve("threads/wasm/exit-worker.wasm").toString();
        Result off = run("", exitWorker);
        assertEquals(1, off.exit());
        assertTrue(off.stderr().contains("uses wasi-threads (it imports wasi::thread-spawn); run it with -S threads"),
                off.stderr());
        Path wat = threadsModule("limit", "(nop)", "(nop)");
        // thread-spawn fails with -EAGAIN (errno 6) when the limit is reached
        Result none = run("", "-S", "threads", "-S", "max-threads=0", "--invoke", "spawn", wat.toString());
        assertEquals("-6\n", none.stdout(), none.stderr());
        Result bad = run("", "-S", "threads", "-S", "max-threads=many", wat.toString());
        assertEquals(2, bad.exit());
        assertTrue(bad.stderr().contains("-S max-threads needs a number of threads (0 or more), got many"), bad.stderr());
    }
}
