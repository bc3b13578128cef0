package dev.wasm4j.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line end to end: outputs and exit codes of each command, and one-line errors. */
class MainTest {
    @TempDir
    Path dir;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private static final String FAC = """
            (module
              (func $fac (export "fac") (param i64) (result i64)
                (if (result i64) (i64.le_u (local.get 0) (i64.const 1))
                  (then (i64.const 1))
                  (else (i64.mul (local.get 0) (call $fac (i64.sub (local.get 0) (i64.const 1)))))))
              (func (export "div") (param i32 i32) (result i32) (i32.div_s (local.get 0) (local.get 1)))
              (func (export "pair") (result i32 f64) (i32.const -7) (f64.const 2.5)))
            """;

    @Test
    void aFileAsFirstArgumentMeansRun() throws IOException {
        Path wat = write("fac.wat", FAC);
        CliRun r = run("--invoke", "fac", wat.toString(), "5");
        assertEquals(2, r.code(), "options before the file need `run`: " + r.err());
        Path start = write("start.wat", "(module (func (export \"_start\")))");
        r = run(start.toString());
        assertEquals(0, r.code(), r.err());
    }

    @Test
    void aMissingFileIsOneClearLine() {
        Path missing = dir.resolve("missing.wasm");
        CliRun r = run("run", missing.toString());
        assertEquals(1, r.code());
        assertEquals("error: " + missing + ": no such file or directory", r.err().strip());
    }

    @Test
    void runInvokesAndPrintsResults() throws IOException {
        Path wat = write("fac.wat", FAC);
        CliRun r = run("run", "--invoke", "fac", wat.toString(), "20");
        assertEquals(0, r.code(), r.err());
        assertEquals("2432902008176640000\n", r.out());
        CliRun pair = run("run", "--invoke", "pair", wat.toString());
        assertEquals("-7\n2.5\n", pair.out());
    }

    @Test
    void trapExitsWith134AndABacktrace() throws IOException {
        Path wat = write("fac.wat", FAC);
        CliRun r = run("run", "--invoke", "div", wat.toString(), "1", "0");
        assertEquals(134, r.code());
        assertTrue(r.err().contains("integer divide by zero"), r.err());
        assertTrue(r.err().contains("wasm backtrace"), r.err());
        assertFalse(r.err().contains("at dev.wasm4j"), "no Java stack trace: " + r.err());
    }

    @Test
    void badModulesAndUsageGiveOneLineErrors() throws IOException {
        Path bad = write("bad.wat", "(module (func (result i32) (i64.const 0)))");
        CliRun invalid = run("run", "--invoke", "x", bad.toString());
        assertEquals(1, invalid.code());
        assertTrue(invalid.err().startsWith("error: " + bad + ":1:41: type mismatch"), invalid.err());
        assertEquals(1, invalid.err().strip().lines().count(), invalid.err());

        CliRun missing = run("validate", dir.resolve("nope.wasm").toString());
        assertEquals(1, missing.code());

        Path wat = write("fac.wat", FAC);
        assertEquals(2, run("run", "--invoke", "fac", wat.toString()).code(), "wrong argument count");
        assertEquals(2, run("run", "--invoke", "fac", wat.toString(), "x").code(), "unparsable argument");
        assertEquals(2, run("run", "--no-such-option", wat.toString()).code());
        assertEquals(2, run("run", wat.toString()).code(), "no _start");
    }

    @Test
    void maxMemoryLimitsGrowth() throws IOException {
        Path wat = write("grow.wat", "(module (memory 1) (func (export \"g\") (param i32) (result i32) (memory.grow (local.get 0))))");
        assertEquals("1\n", run("run", "--max-memory", "128K", "--invoke", "g", wat.toString(), "1").out());
        assertEquals("-1\n", run("run", "--max-memory", "128K", "--invoke", "g", wat.toString(), "2").out());
        assertEquals("1\n", run("run", "--invoke", "g", wat.toString(), "2").out());
    }

    @Test
    void fuelEndsAnEndlessLoop() throws IOException {
        Path wat = write("spin.wat", "(module (func (export \"spin\") (loop $l (br $l))))");
        CliRun r = run("run", "--fuel", "100000", "--invoke", "spin", wat.toString());
        assertEquals(134, r.code());
        assertTrue(r.err().contains("all fuel consumed by WebAssembly"), r.err());
    }

    @Test
    void validateAndInspect() throws IOException {
        Path wat = write("fac.wat", FAC);
        CliRun v = run("validate", wat.toString());
        assertEquals(0, v.code());
        assertTrue(v.out().contains("valid"));
        CliRun i = run("inspect", wat.toString());
        assertEquals(0, i.code(), i.err());
        assertTrue(i.out().contains("fac: (func (param i64) (result i64))"), i.out());
    }

    @Test
    void frozenIsOnByDefaultAndOffWithW() throws IOException {
        Path wat = write("frozen.wat", """
                (module
                  (type $t freezable (struct (field (mut (ref null $t))) (field (mut i32))))
                  (type $tf (freeze $t) (struct (field (ref $tf)) (field i32)))
                  (global $g (mut (ref null $t)) freezable (ref.null $t))
                  (global $gf (ref $tf) (freeze $g))
                  (func $init
                    (local $x (ref $t))
                    (local.set $x (struct.new $t (ref.null $t) (i32.const 6)))
                    (struct.set $t 0 (local.get $x) (local.get $x))
                    (global.set $g (local.get $x)))
                  (start $init)
                  (func (export "v") (phase 1) (result i32) (struct.get $tf 1 (struct.get $tf 0 (global.get $gf)))))
                """);
        CliRun r = run("run", "--invoke", "v", wat.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("6\n", r.out());
        assertEquals(0, run("validate", "-W", "frozen=y", wat.toString()).code());
        CliRun off = run("validate", "-W", "frozen=n", wat.toString());
        assertEquals(1, off.code(), off.out());
        assertTrue(off.err().contains("malformed"), off.err());
    }

    @Test
    void assembleWritesABinaryThatRuns() throws IOException {
        Path wat = write("fac.wat", FAC);
        Path wasm = dir.resolve("fac.wasm");
        assertEquals(0, run("assemble", wat.toString(), "-o", wasm.toString()).code());
        byte[] bytes = Files.readAllBytes(wasm);
        assertEquals(0, bytes[0]);
        assertEquals('a', bytes[1]);
        assertEquals("120\n", run("run", "--invoke", "fac", wasm.toString(), "5").out());
    }

    @Test
    void wastCountsCommandsAndFailsOnFailure() throws IOException {
        Path ok = write("ok.wast", """
                (module (func (export "f") (result i32) (i32.const 1)))
                (assert_return (invoke "f") (i32.const 1))
                (assert_trap (module (func $s unreachable) (start $s)) "unreachable")
                """);
        CliRun r = run("wast", ok.toString());
        assertEquals(0, r.code(), r.out());
        assertTrue(r.out().strip().endsWith("3 passed, 0 failed"), r.out());
        Path bad = write("bad.wast", """
                (module (func (export "f") (result i32) (i32.const 1)))
                (assert_return (invoke "f") (i32.const 2))
                """);
        CliRun b = run("wast", bad.toString());
        assertEquals(1, b.code());
        assertTrue(b.out().strip().endsWith("1 passed, 1 failed"), b.out());
    }
}
