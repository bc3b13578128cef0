package dev.wasm4j.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every error names the file and what is wrong, in one line (and a hint or a folded backtrace), with its exit code. */
class DiagnosticsTest {
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

    @Test
    void textErrorsGiveFileLineAndColumnTypeErrorsToo() throws IOException {
        Path syntax = write("syntax.wat", "(module\n  (func\n    (i32.const 1) (bogus)))\n");
        CliRun r = run("validate", syntax.toString());
        assertEquals(1, r.code());
        assertEquals("error: " + syntax + ":3:20: unknown operator bogus\n", r.err());
        Path type = write("type.wat", "(module\n  (func (param i32)\n    (drop (i32.add (local.get 0) (f32.const 1)))))\n");
        r = run("validate", type.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().startsWith("error: " + type + ":3:12: type mismatch"), r.err());
    }

    @Test
    void binaryOrTextIsChosenByTheMagicNumber() throws IOException {
        Path random = dir.resolve("random.wasm");
        Files.write(random, new byte[] {(byte) 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13});
        CliRun r = run("validate", random.toString());
        assertEquals(1, r.code());
        assertEquals("error: " + random + ": magic header not detected (at offset 0)\n", r.err());
        Path empty = dir.resolve("empty.wasm");
        Files.write(empty, new byte[0]);
        r = run("validate", empty.toString());
        assertEquals(1, r.code());
        assertEquals("error: " + empty + ": unexpected end (at offset 0)\n", r.err());
    }

    @Test
    void deepRecursionPrintsAFoldedBacktraceInEachEngine() throws IOException {
        Path rec = write("rec.wat", "(module (func $f (export \"f\") (call $f)))");
        for (String engine : new String[] {"interpreter", "compiler"}) {
            CliRun r = run("run", "--engine", engine, "--invoke", "f", rec.toString());
            assertEquals(134, r.code(), r.err());
            assertTrue(r.err().startsWith("error: wasm trap: call stack exhausted\n"), r.err());
            assertTrue(r.err().lines().count() < 70, engine + ": " + r.err().lines().count() + " lines");
            if (engine.equals("interpreter")) {
                assertTrue(r.err().contains("more frames of $f ...") || r.err().contains("more frames of f"), r.err());
            }
        }
    }

    @Test
    void badWasmOptionsListTheValidOnes() throws IOException {
        Path wat = write("m.wat", "(module)");
        CliRun r = run("run", "-W", "bogus=y", wat.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("error: unknown -W option bogus; valid: simd[=y|n], relaxed-simd[=y|n], "), r.err());
        assertTrue(r.err().contains("(and for run: max-memory=SIZE, fuel=N, timeout=DURATION)"), r.err());
        r = run("run", "-W", "fuel=abc", wat.toString());
        assertEquals(2, r.code());
        assertEquals("error: --fuel: \"abc\" is not a number of fuel units\n", r.err());
        r = run("run", "--fuel", "-5", wat.toString());
        assertEquals(2, r.code());
        assertEquals("error: --fuel must be a positive number of units, got -5\n", r.err());
        r = run("run", "--timeout", "0s", wat.toString());
        assertEquals(2, r.code());
        assertEquals("error: --timeout must be positive, got 0s\n", r.err());
        r = run("run", "-W", "simd=maybe", wat.toString());
        assertEquals(2, r.code());
        assertEquals("error: -W simd=maybe: \"maybe\" is not y or n\n", r.err());
    }

    @Test
    void aFeatureTurnedOffIsNamedInAHint() throws IOException {
        Path simd = write("simd.wat", "(module (func (result v128) (v128.const i64x2 1 2)))");
        CliRun r = run("validate", "-W", "simd=n", simd.toString());
        assertEquals(1, r.code());
        String[] lines = r.err().split("\n");
        assertTrue(lines[0].startsWith("error: " + simd + ":"), r.err());
        assertEquals("hint: the module uses simd, which -W simd=n turned off; drop that option or use -W simd=y",
                lines[1]);
    }

    @Test
    void inspectPrintsSignatures() throws IOException {
        Path wat = write("sig.wat", """
                (module (import "env" "log" (func (param i32 i64)))
                  (memory (export "mem") 1 2) (global (export "g") (mut f64) (f64.const 0))
                  (table (export "t") 1 funcref)
                  (func (export "f") (param f32) (result i32 i64) (i32.const 0) (i64.const 0)))
                """);
        CliRun r = run("inspect", wat.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("  env.log: (func (param i32 i64))\n"), r.out());
        assertTrue(r.out().contains("  mem: (memory 1 2)\n"), r.out());
        assertTrue(r.out().contains("  g: (global (mut f64))\n"), r.out());
        assertTrue(r.out().contains("  t: (table 1 funcref)\n"), r.out());
        assertTrue(r.out().contains("  f: (func (param f32) (result i32 i64))\n"), r.out());
        assertFalse(r.out().contains("Func["), r.out());
    }

    @Test
    void wastErrorsAreOneLineWithoutJavaNames() throws IOException {
        CliRun r = run("wast", dir.resolve("missing.wast").toString());
        assertEquals(1, r.code());
        assertEquals("error: " + dir.resolve("missing.wast") + ": no such file or directory\n", r.err());
        Path bad = write("bad.wast", "(module)\n  (bogus)\n");
        r = run("wast", bad.toString());
        assertEquals(1, r.code());
        assertTrue(r.out().contains(": cannot parse: line 2, column 4: unexpected token"), r.out());
        Path args = write("args.wast", """
                (module (func (export "f") (result i32) (i32.const 1)))
                (assert_return (invoke "f" (i32.const 5)) (i32.const 1))
                (assert_return (invoke "g") (i32.const 1))
                """);
        r = run("wast", "--failures", "5", args.toString());
        assertEquals(1, r.code());
        assertFalse(r.out().contains("Exception"), r.out());
        assertTrue(r.out().contains("expects 0 arguments, got 1"), r.out());
        assertTrue(r.out().contains("unknown export \"g\" (did you mean \"f\"?)"), r.out());
    }

    @Test
    void memoryTraceIsCheckedBeforeTheRunAndWrittenAfterATrap() throws IOException {
        Path trap = write("trap.wat", "(module (memory 1) (func (export \"f\") unreachable))");
        CliRun r = run("run", "--memory-trace", dir.resolve("trace.txt").toString(), "--invoke", "f", trap.toString());
        assertEquals(2, r.code());
        assertEquals("error: --memory-trace: " + dir.resolve("trace.txt")
                + " must end with .svg (a chart) or .csv (the samples)\n", r.err());
        r = run("run", "--memory-trace", dir.resolve("no/such/dir/t.csv").toString(), "--invoke", "f", trap.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().startsWith("error: --memory-trace: "), r.err());
        assertFalse(r.err().contains("unreachable"), "nothing ran: " + r.err());
        Path csv = dir.resolve("t.csv");
        r = run("run", "--memory-trace", csv.toString(), "--invoke", "f", trap.toString());
        assertEquals(134, r.code());
        assertTrue(Files.readString(csv).startsWith("seconds,memory,"), "written after the trap");
    }

    @Test
    void maxMemoryChecksMemoriesThatAreNotExported() throws IOException {
        Path wat = write("big.wat", "(module (memory 4) (func (export \"f\")))");
        CliRun r = run("run", "--max-memory", "64K", "--invoke", "f", wat.toString());
        assertEquals(1, r.code());
        assertEquals("error: memory 0 starts at 262144 bytes, which exceeds --max-memory 65536\n", r.err());
    }

    @Test
    void lowerIntrinsicsSaysWhenThereIsNoStub() throws IOException {
        Path wat = write("plain.wat", "(module (func (export \"f\")))");
        Path wasm = dir.resolve("plain.wasm");
        assertEquals(0, run("assemble", wat.toString(), "-o", wasm.toString()).code());
        CliRun r = run("lower-intrinsics", wasm.toString(), "-o", dir.resolve("out.wasm").toString());
        assertEquals(0, r.code());
        assertTrue(r.err().contains("exports no intrinsic stub"), r.err());
    }
}
