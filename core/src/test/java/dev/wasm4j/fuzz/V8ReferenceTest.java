package dev.wasm4j.fuzz;

import dev.wasm4j.Engine;
import dev.wasm4j.EngineConfig;
import dev.wasm4j.Linker;
import dev.wasm4j.WasmModule;
import dev.wasm4j.text.Wat;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** node's V8 harness ({@code fuzz/v8-reference.js}) prints what {@link FuzzHost} prints for the same module. */
class V8ReferenceTest {

    private static final String MODULE = """
            (module
              (import "fuzzing-support" "log-i64" (func $logI64 (param i64)))
              (import "fuzzing-support" "log-f32" (func $logF32 (param f32)))
              (import "fuzzing-support" "log-v128" (func $logV128 (param v128)))
              (import "fuzzing-support" "throw" (func $throw (param i32)))
              (global (export "counter") (mut i64) (i64.const 5))
              (func (export "logs")
                (call $logI64 (i64.const -2))
                (call $logF32 (f32.const 1.5))
                (call $logV128 (v128.const i32x4 1 2 3 0xffffffff)))
              (func (export "vector") (result v128) (v128.const i64x2 0 0))
              (func (export "pair") (param i64 f32) (result i64 f64) (i64.const -1) (f64.const 0.25))
              (func (export "traps") (unreachable))
              (func (export "throws") (call $throw (i32.const 7))))
            """;

    @Test
    void v8AndFuzzHostPrintTheSameEventsForAModuleWithoutItsVectorExport() throws Exception {
        assumeTrue(nodeIsInstalled(), "node is not installed");
        byte[] bytes = JsBoundary.withoutUncallableExports(Wat.assemble(MODULE));
        Path wasm = Files.createTempFile("wasm4j-v8-reference", ".wasm");
        Files.write(wasm, bytes);
        List<String> expected = List.of("export counter", "log 5", "export logs", "log -2 -1", "log 1.5",
                "log i32x4 0x00000001 0x00000002 0x00000003 0xffffffff", "export pair", "result -1 0.25",
                "export traps", "trap", "export throws", "exception 7");
        try (V8Batch v8 = V8Batch.start(Path.of("..").toAbsolutePath().normalize())) {
            assertEquals(expected, v8.run(wasm).events());
        } finally {
            Files.delete(wasm);
        }
        assertEquals(expected, FuzzHost.run(WasmModule.parse(bytes),
                new Linker(EngineConfig.of(Engine.INTERPRETER))).events());
    }

    private static boolean nodeIsInstalled() {
        try {
            return new ProcessBuilder("node", "--version").start().waitFor() == 0;
        } catch (Exception e) {
            return false;
        }
    }
}
