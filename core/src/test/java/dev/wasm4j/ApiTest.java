package dev.wasm4j;

import dev.wasm4j.model.NumType;
import dev.wasm4j.model.MemoryType;
import dev.wasm4j.model.Limits;
import dev.wasm4j.wasi.Wasi;
import dev.wasm4j.wasi.WasiConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.DoubleBinaryOperator;
import java.util.function.IntBinaryOperator;
import java.util.function.IntUnaryOperator;
import java.util.function.LongUnaryOperator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The embedding API as a user meets it: typed exports, host functions from Java, errors, memory, WASI. */
class ApiTest {
    @TempDir
    Path dir;

    private static final String MATH = """
            (module
              (import "env" "twice" (func $twice (param i32) (result i32)))
              (import "host" "scale" (func $scale (param f64) (result f64)))
              (memory (export "memory") 1)
              (func (export "add") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1)))
              (func (export "fac") (param i64) (result i64)
                (if (result i64) (i64.le_u (local.get 0) (i64.const 1)) (then (i64.const 1))
                  (else (i64.mul (local.get 0) (call 3 (i64.sub (local.get 0) (i64.const 1)))))))
              (func (export "hyp") (param f64 f64) (result f64)
                (f64.sqrt (f64.add (f64.mul (local.get 0) (local.get 0)) (f64.mul (local.get 1) (local.get 1)))))
              (func (export "quad") (param i32) (result i32) (call $twice (call $twice (local.get 0))))
              (func (export "scaled") (param f64) (result f64) (call $scale (local.get 0))))
            """;

    /** Host functions as annotated methods. */
    public static final class Host {
        @WasmExport
        public double scale(double x) {
            return x * 10;
        }
    }

    private Instance math() {
        Linker linker = new Linker()
                .define("env", "twice", IntUnaryOperator.class, x -> 2 * x)
                .define("host", new Host());
        return linker.instantiate(WasmModule.parseText(MATH));
    }

    @Test
    void exportsAsFunctionalInterfaces() {
        try (Instance i = math()) {
            assertEquals(5, i.function("add", IntBinaryOperator.class).applyAsInt(2, 3));
            assertEquals(3628800L, i.function("fac", LongUnaryOperator.class).applyAsLong(10));
            assertEquals(5.0, i.function("hyp", DoubleBinaryOperator.class).applyAsDouble(3, 4));
        }
    }

    @Test
    void hostFunctionsFromLambdasAndAnnotatedMethods() {
        try (Instance i = math()) {
            assertEquals(28, i.function("quad", IntUnaryOperator.class).applyAsInt(7));
            assertEquals(Value.f64(25.0), i.call("scaled", Value.f64(2.5))[0]);
        }
    }

    @Test
    void aTypedViewThatDoesNotMatchIsALinkError() {
        try (Instance i = math()) {
            LinkException e = assertThrows(LinkException.class, () -> i.function("add", LongUnaryOperator.class));
            assertTrue(e.getMessage().startsWith("incompatible export type: \"add\" is [i32, i32] -> [i32]"),
                    e.getMessage());
        }
    }

    @Test
    void missingExportsAreLinkErrorsThatSuggestANearName() {
        try (Instance i = math()) {
            LinkException e = assertThrows(LinkException.class, () -> i.function("ad"));
            assertEquals("unknown export \"ad\" (did you mean \"add\"?)", e.getMessage());
            e = assertThrows(LinkException.class, () -> i.function("memory"));
            assertEquals("export \"memory\" is a memory, not a function", e.getMessage());
            e = assertThrows(LinkException.class, () -> i.memory("add"));
            assertEquals("export \"add\" is a function, not a memory", e.getMessage());
        }
    }

    @Test
    void hostFunctionsWithoutAWasmTypeAreRefused() {
        Linker linker = new Linker();
        assertThrows(IllegalArgumentException.class,
                () -> linker.define("env", "f", java.util.function.Predicate.class, x -> true));
        assertThrows(IllegalArgumentException.class, () -> linker.define("env", new Object()));
    }

    @Test
    void memoryHelpers() {
        Memory m = Memory.allocate(MemoryType.of(Limits.of(1)));
        m.writeShort(0, (short) -2);
        assertEquals(-2, m.readShort(0));
        m.writeFloat(8, 1.5f);
        assertEquals(1.5f, m.readFloat(8));
        m.writeDouble(16, Math.PI);
        assertEquals(Math.PI, m.readDouble(16));
        int n = m.writeString(100, "héllo ✓");
        assertEquals("héllo ✓".getBytes(StandardCharsets.UTF_8).length, n);
        assertEquals("héllo ✓", m.readString(100, n));
        m.writeByte(100 + n, (byte) 0);
        assertEquals("héllo ✓", m.readCString(100));
        assertThrows(TrapException.class, () -> m.readDouble(65536 - 4));
    }

    @Test
    void textErrorsNameTheFileLineAndColumn() throws IOException {
        Path wat = dir.resolve("bad.wat");
        Files.writeString(wat, "(module\n  (func (result i32)\n    (i64.const 1)))\n");
        InvalidException e = assertThrows(InvalidException.class, () -> WasmModule.fromPath(wat));
        assertEquals(wat.toString(), e.source());
        assertEquals(3, e.line());
        assertTrue(e.getMessage().startsWith(wat + ":3:"), e.getMessage());

        Files.writeString(wat, "(module\n  (func\n    (i32.const 1) (bogus)))\n");
        MalformedException m = assertThrows(MalformedException.class, () -> WasmModule.fromPath(wat));
        assertEquals(wat + ":3:20: unknown operator bogus", m.getMessage());

        // a type error inside a body points at the instruction
        Files.writeString(wat, "(module\n  (func (param i32)\n    (drop (i32.add (local.get 0) (f32.const 1)))))\n");
        e = assertThrows(InvalidException.class, () -> WasmModule.fromPath(wat));
        assertEquals(3, e.line(), e.getMessage());
        assertEquals(12, e.column(), e.getMessage());
    }

    @Test
    void binaryOrTextIsToldByTheMagicNumber() throws IOException {
        Path random = dir.resolve("random.wasm");
        Files.write(random, new byte[] {1, 2, (byte) 0xFF, 0x7F, 0, 9, 8});
        MalformedException e = assertThrows(MalformedException.class, () -> WasmModule.fromPath(random));
        assertEquals(random + ": magic header not detected (at offset 0)", e.getMessage());
        Path empty = dir.resolve("empty.wasm");
        Files.write(empty, new byte[0]);
        assertThrows(MalformedException.class, () -> WasmModule.fromPath(empty));
        Path textNamedWasm = dir.resolve("text.wasm");
        Files.writeString(textNamedWasm, "(module)");
        assertEquals(0, WasmModule.fromPath(textNamedWasm).exports().size());
    }

    @Test
    void wasiByBuilder() throws IOException {
        Files.writeString(dir.resolve("in.txt"), "data");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WasiConfig config = WasiConfig.builder().args("prog", "x").env("K", "V").preopen(dir, "/d")
                .stdout(out).build();
        assertEquals(java.util.List.of("prog", "x"), config.args());
        assertEquals("V", config.env().get("K"));
        assertEquals("/d", config.preopens().getFirst().guest());
        String hello = """
                (module
                  (import "wasi_snapshot_preview1" "fd_write" (func $w (param i32 i32 i32 i32) (result i32)))
                  (memory (export "memory") 1)
                  (data (i32.const 16) "hi\\n")
                  (func (export "_start")
                    (i32.store (i32.const 0) (i32.const 16)) (i32.store (i32.const 4) (i32.const 3))
                    (drop (call $w (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8)))))
                """;
        try (Wasi wasi = new Wasi(config);
             Instance i = wasi.define(new Linker()).instantiate(WasmModule.parseText(hello))) {
            assertEquals(0, wasi.run(i));
        }
        assertArrayEquals("hi\n".getBytes(StandardCharsets.UTF_8), out.toByteArray());
    }

    @Test
    void valueTypesOfLambdas() {
        Linker linker = new Linker().define("m", "f", DoubleBinaryOperator.class, (a, b) -> a - b);
        String wat = """
                (module (import "m" "f" (func $f (param f64 f64) (result f64)))
                  (func (export "g") (result f64) (call $f (f64.const 5) (f64.const 2))))
                """;
        try (Instance i = linker.instantiate(WasmModule.parseText(wat))) {
            assertEquals(3.0, i.call("g")[0] instanceof Value.F64 f ? f.value() : -1);
            assertEquals(NumType.F64, i.function("g").type().results().getFirst());
        }
    }
}
