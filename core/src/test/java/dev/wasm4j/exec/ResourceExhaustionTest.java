package dev.wasm4j.exec;

import dev.wasm4j.Engine;
import dev.wasm4j.EngineConfig;
import dev.wasm4j.HostFunction;
import dev.wasm4j.Instance;
import dev.wasm4j.Linker;
import dev.wasm4j.MalformedException;
import dev.wasm4j.TrapException;
import dev.wasm4j.Value;
import dev.wasm4j.WasmException;
import dev.wasm4j.WasmModule;
import dev.wasm4j.internal.Internals;
import dev.wasm4j.model.FuncType;
import dev.wasm4j.model.NumType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A guest cannot take the host down: huge tables and memories, declared counts far beyond the input, deep
 * nesting, very many locals and functions, unbounded recursion (also through host functions and split
 * functions), thousands of instances. Each case ends with a result or a clear {@link WasmException}, and
 * the engine still runs a module normally afterwards. In both engines.
 */
class ResourceExhaustionTest {

    private static final String SPLIT_ALL = "wasm4j.compiler.splitAll";

    @ParameterizedTest
    @EnumSource(value = Engine.class, names = {"INTERPRETER", "COMPILER"})
    void aTableOfFourBillionElementsIsRefusedAtInstantiation(Engine engine) {
        WasmModule m = WasmModule.parseText("(module (table 4294967295 funcref))");
        WasmException e = assertThrows(WasmException.class, () -> instantiate(engine, m));
        assertTrue(e.getMessage() != null && !e.getMessage().isBlank());
        stillUsable(engine);
    }

    @ParameterizedTest
    @EnumSource(value = Engine.class, names = {"INTERPRETER", "COMPILER"})
    void growingTablesAndMemoriesBeyondTheHostFails(Engine engine) {
        Instance i = instantiate(engine, WasmModule.parseText("""
                (module (table 1 funcref) (memory 1) (memory $big i64 1)
                  (func (export "table") (result i32) (table.grow (ref.null func) (i32.const 0x7fffffff)))
                  (func (export "memory") (result i32) (memory.grow (i32.const 65535)))
                  (func (export "memory64") (result i64) (memory.grow $big (i64.const 0x10000000000))))"""));
        assertEquals(-1, i.call("table")[0].asInt());
        assertEquals(-1L, ((Value.I64) i.call("memory64")[0]).value());
        int grown = i.call("memory")[0].asInt();
        assertTrue(grown == 1 || grown == -1, "memory.grow gave " + grown);
        i.close();
        stillUsable(engine);
    }

    @Test
    void declaredCountsBeyondTheInputAreMalformedWithoutBeingAllocated() {
        for (int section : new int[] {1, 2, 3, 4, 5, 6, 7, 9, 10, 11}) {
            // a section claiming 2^28 - 1 entries, with five bytes of content
            byte[] module = module(section, new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x7F, 0x00});
            assertThrows(MalformedException.class, () -> WasmModule.parse(module), "section " + section);
        }
        // a function declaring 2^32 - 1 locals of one type
        byte[] body = {0x01, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x0F, 0x7E, 0x0B};
        assertThrows(WasmException.class, () -> WasmModule.parse(withFunction(body)));
        stillUsable(Engine.INTERPRETER);
    }

    @ParameterizedTest
    @EnumSource(value = Engine.class, names = {"INTERPRETER", "COMPILER"})
    void deeplyNestedBlocksRunOrFailCleanly(Engine engine) {
        int depth = 50_000;
        ByteArrayOutputStream code = new ByteArrayOutputStream();
        code.write(0x00); // no locals
        for (int i = 0; i < depth; i++) {
            code.write(0x02);
            code.write(0x40);
        }
        for (int i = 0; i < depth; i++) {
            code.write(0x0B);
        }
        code.write(0x41); // i32.const 7
        code.write(0x07);
        code.write(0x0B);
        try {
            Instance i = instantiate(engine, WasmModule.parse(withFunction(code.toByteArray())));
            assertEquals(7, i.call("f")[0].asInt());
        } catch (WasmException clearError) {
            assertTrue(clearError.getMessage() != null);
        }
        stillUsable(engine);
    }

    @ParameterizedTest
    @EnumSource(value = Engine.class, names = {"INTERPRETER", "COMPILER"})
    void fortyNineThousandLocalsRunAndFiftyThousandAreRefused(Engine engine) {
        Instance i = instantiate(engine, WasmModule.parseText("""
                (module (func (export "f") (param i64) (result i64)
                  (local i64 i32 f64) (local """ + " i64".repeat(49_000) + """
                  )
                  (local.set 49003 (i64.add (local.get 0) (i64.const 5)))
                  (local.get 49003)))"""));
        assertEquals(12L, ((Value.I64) i.call("f", Value.i64(7))[0]).value());
        assertThrows(MalformedException.class, () -> WasmModule.parseText(
                "(module (func (local" + " i32".repeat(50_001) + ")))"));
    }

    @ParameterizedTest
    @EnumSource(value = Engine.class, names = {"INTERPRETER", "COMPILER"})
    void tenThousandFunctionsCompileAndRun(Engine engine) {
        StringBuilder wat = new StringBuilder("(module\n");
        int n = 10_000;
        for (int f = 0; f < n - 1; f++) {
            wat.append("(func (param i32) (result i32) (call ").append(f + 1)
                    .append(" (i32.add (local.get 0) (i32.const 1))))\n");
        }
        wat.append("(func (param i32) (result i32) (local.get 0))\n(export \"f\" (func 0)))");
        Instance i = instantiate(engine, WasmModule.parseText(wat.toString()));
        assertEquals(n - 1, i.call("f", Value.i32(0))[0].asInt());
    }

    @ParameterizedTest
    @EnumSource(value = Engine.class, names = {"INTERPRETER", "COMPILER"})
    void unboundedRecursionTrapsAndTheEngineGoesOn(Engine engine) {
        WasmModule m = WasmModule.parseText(RECURSION);
        for (int round = 0; round < 3; round++) {
            Instance i = instantiate(engine, m);
            TrapException e = assertThrows(TrapException.class, () -> i.call("down", Value.i32(0)));
            assertTrue(e.getMessage().contains("call stack exhausted"), e.getMessage());
            assertEquals(10, i.call("bounded", Value.i32(10))[0].asInt());
        }
        stillUsable(engine);
    }

    @Test
    void unboundedRecursionInSplitFunctionsTraps() {
        System.setProperty(SPLIT_ALL, "true");
        WasmModule m;
        try {
            m = WasmModule.parseText(RECURSION);
            Internals.compiled(m);
        } finally {
            System.clearProperty(SPLIT_ALL);
        }
        Instance i = instantiate(Engine.COMPILER, m);
        TrapException e = assertThrows(TrapException.class, () -> i.call("down", Value.i32(0)));
        assertTrue(e.getMessage().contains("call stack exhausted"), e.getMessage());
        assertEquals(10, i.call("bounded", Value.i32(10))[0].asInt());
    }

    @ParameterizedTest
    @EnumSource(value = Engine.class, names = {"INTERPRETER", "COMPILER"})
    void unboundedRecursionThroughTheHostTraps(Engine engine) {
        WasmModule m = WasmModule.parseText("""
                (module (import "host" "again" (func $again (param i32) (result i32)))
                  (func (export "down") (param i32) (result i32)
                    (i32.add (i32.const 1) (call $again (i32.add (local.get 0) (i32.const 1))))))""");
        Instance[] self = new Instance[1];
        HostFunction again = (caller, args) -> self[0].call("down", args);
        Linker linker = new Linker(EngineConfig.of(engine)).define("host", "again",
                new FuncType(List.of(NumType.I32), List.of(NumType.I32)), again);
        self[0] = linker.instantiate(m);
        TrapException e = assertThrows(TrapException.class, () -> self[0].call("down", Value.i32(0)));
        assertTrue(e.getMessage().contains("call stack exhausted"), e.getMessage());
        stillUsable(engine);
    }

    @ParameterizedTest
    @EnumSource(value = Engine.class, names = {"INTERPRETER", "COMPILER"})
    void thousandsOfInstancesComeAndGo(Engine engine) {
        WasmModule m = WasmModule.parseText("""
                (module (memory 1) (table 16 funcref) (global $g (mut i32) (i32.const 0))
                  (func (export "bump") (result i32)
                    (i32.store (i32.const 8) (i32.add (i32.load (i32.const 8)) (i32.const 1)))
                    (global.set $g (i32.add (global.get $g) (i32.const 1)))
                    (i32.add (global.get $g) (i32.load (i32.const 8)))))""");
        List<Instance> alive = new ArrayList<>();
        for (int n = 0; n < 3000; n++) {
            Instance i = instantiate(engine, m);
            assertEquals(2, i.call("bump")[0].asInt());
            if (n % 3 == 0) {
                alive.add(i);
            } else {
                i.close();
            }
        }
        for (Instance i : alive) {
            assertEquals(4, i.call("bump")[0].asInt());
            i.close();
        }
    }

    private static final String RECURSION = """
            (module
              (func $down (export "down") (param i32) (result i32)
                (i32.add (i32.const 1) (call $down (i32.add (local.get 0) (i32.const 1)))))
              (func $bounded (export "bounded") (param i32) (result i32)
                (if (result i32) (i32.eqz (local.get 0)) (then (i32.const 0))
                  (else (i32.add (i32.const 1) (call $bounded (i32.sub (local.get 0) (i32.const 1))))))))""";

    private static Instance instantiate(Engine engine, WasmModule m) {
        return new Linker(EngineConfig.of(engine)).instantiate(m);
    }

    /** The engine runs an ordinary module normally. */
    private static void stillUsable(Engine engine) {
        Instance i = instantiate(engine, WasmModule.parseText(
                "(module (func (export \"add\") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1))))"));
        assertArrayEquals(new Value[] {Value.i32(5)}, i.call("add", Value.i32(2), Value.i32(3)));
    }

    /** A module of the header and one section with {@code content}. */
    private static byte[] module(int id, byte[] content) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(new byte[] {0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00, (byte) id, (byte) content.length});
        b.writeBytes(content);
        return b.toByteArray();
    }

    /** A module with one exported function {@code f: [] -> [i32]} whose body (locals and code) is {@code body}. */
    private static byte[] withFunction(byte[] body) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(new byte[] {0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00});
        b.writeBytes(new byte[] {0x01, 0x05, 0x01, 0x60, 0x00, 0x01, 0x7F}); // type [] -> [i32]
        b.writeBytes(new byte[] {0x03, 0x02, 0x01, 0x00});                   // func 0: type 0
        b.writeBytes(new byte[] {0x07, 0x05, 0x01, 0x01, 'f', 0x00, 0x00});  // export "f"
        byte[] sized = concat(leb(body.length), body);
        byte[] content = concat(new byte[] {0x01}, sized);
        b.write(0x0A);
        b.writeBytes(leb(content.length));
        b.writeBytes(content);
        return b.toByteArray();
    }

    private static byte[] leb(int v) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        do {
            int low = v & 0x7F;
            v >>>= 7;
            b.write(v != 0 ? low | 0x80 : low);
        } while (v != 0);
        return b.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] r = new byte[a.length + b.length];
        System.arraycopy(a, 0, r, 0, a.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
