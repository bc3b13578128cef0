package dev.wasm4j.compiler;

import dev.wasm4j.Engine;
import dev.wasm4j.EngineConfig;
import dev.wasm4j.Instance;
import dev.wasm4j.Linker;
import dev.wasm4j.TrapException;
import dev.wasm4j.UncaughtException;
import dev.wasm4j.Value;
import dev.wasm4j.WasmModule;
import dev.wasm4j.exec.WasmFunction;
import dev.wasm4j.internal.Internals;
import dev.wasm4j.model.FuncType;
import dev.wasm4j.model.NumType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the compiler adds to the spec suite: Java stack limits, trampolines, tier boundaries, limits. */
class CompilerTest {

    private static Instance compiled(String wat) {
        return new Linker(EngineConfig.of(Engine.COMPILER)).instantiate(WasmModule.parseText(wat));
    }

    @Test
    void functionsRunCompiled() {
        Instance i = compiled("(module (func (export \"f\") (result i32) (i32.const 7)))");
        assertNotNull(((WasmFunction) i.function("f")).compiled());
        assertEquals(Value.i32(7), i.call("f")[0]);
    }

    @Test
    void infiniteRecursionTrapsWithCallStackExhausted() {
        Instance i = compiled("(module (func $f (export \"f\") (param i32) (result i32)"
                + " (i32.add (call $f (i32.add (local.get 0) (i32.const 1))) (i32.const 1))))");
        TrapException t = assertThrows(TrapException.class, () -> i.call("f", Value.i32(0)));
        assertEquals("call stack exhausted", t.trapMessage());
        // The engine is still usable afterwards.
        assertThrows(TrapException.class, () -> i.call("f", Value.i32(0)));
    }

    @Test
    void mutualTailCallsTakeNoStack() {
        Instance i = compiled("""
                (module
                  (func $even (export "even") (param i64) (result i32)
                    (if (result i32) (i64.eqz (local.get 0)) (then (i32.const 1))
                      (else (return_call $odd (i64.sub (local.get 0) (i64.const 1))))))
                  (func $odd (param i64) (result i32)
                    (if (result i32) (i64.eqz (local.get 0)) (then (i32.const 0))
                      (else (return_call $even (i64.sub (local.get 0) (i64.const 1))))))
                  (func (export "call_even") (param i64) (result i32) (call $even (local.get 0))))
                """);
        assertEquals(Value.i32(1), i.call("even", Value.i64(1_000_000))[0]);
        assertEquals(Value.i32(0), i.call("call_even", Value.i64(1_000_001))[0]);
    }

    @Test
    void selfTailCallIsALoop() {
        Instance i = compiled("""
                (module (func $count (export "count") (param i64 i64) (result i64)
                  (if (result i64) (i64.eqz (local.get 0)) (then (local.get 1))
                    (else (return_call $count (i64.sub (local.get 0) (i64.const 1))
                                              (i64.add (local.get 1) (i64.const 2)))))))
                """);
        assertEquals(Value.i64(10_000_000), i.call("count", Value.i64(5_000_000), Value.i64(0))[0]);
    }

    @Test
    void nanPayloadsSurviveLocalsGlobalsMemoryAndCalls() {
        Instance i = compiled("""
                (module (memory 1) (global $g (mut f32) (f32.const 0))
                  (func $id (param f32) (result f32) (local.get 0))
                  (func (export "f") (param i32) (result i32)
                    (local $x f32)
                    (local.set $x (f32.reinterpret_i32 (local.get 0)))
                    (global.set $g (call $id (local.get $x)))
                    (f32.store (i32.const 8) (f32.neg (f32.neg (global.get $g))))
                    (i32.reinterpret_f32 (f32.load (i32.const 8)))))
                """);
        int signalling = 0x7FA0_0001;
        assertEquals(Value.i32(signalling), i.call("f", Value.i32(signalling))[0]);
        assertEquals(Value.i32(0xFF80_0123), i.call("f", Value.i32(0xFF80_0123))[0]);
    }

    @Test
    void hostFunctionsCallBackIntoCompiledCodeAndExceptionsCrossTheBoundary() {
        WasmModule m = WasmModule.parseText("""
                (module
                  (import "env" "host" (func $host (param i32) (result i32)))
                  (tag $t (param i32))
                  (func (export "twice") (param i32) (result i32) (i32.mul (local.get 0) (i32.const 2)))
                  (func (export "outer") (param i32) (result i32) (call $host (local.get 0)))
                  (func (export "thrower") (param i32) (throw $t (local.get 0)))
                  (func (export "catcher") (param i32) (result i32)
                    (block $h (result i32)
                      (try_table (catch $t $h) (drop (call $host (local.get 0))))
                      (i32.const -1))))
                """);
        Instance[] self = new Instance[1];
        Linker linker = new Linker(EngineConfig.of(Engine.COMPILER)).define("env", "host",
                FuncType.of(List.of(NumType.I32), List.of(NumType.I32)), (caller, args) -> {
                    int v = ((Value.I32) args[0]).value();
                    if (v < 0) {
                        self[0].call("thrower", Value.i32(v * 10));
                    }
                    return new Value[] {self[0].call("twice", Value.i32(v + 1))[0]};
                });
        self[0] = linker.instantiate(m);
        assertEquals(Value.i32(8), self[0].call("outer", Value.i32(3))[0]);
        assertEquals(Value.i32(-50), self[0].call("catcher", Value.i32(-5))[0]);
        assertEquals(Value.i32(-1), self[0].call("catcher", Value.i32(5))[0]);
        assertThrows(UncaughtException.class, () -> self[0].call("thrower", Value.i32(1)));
    }

    @Test
    void functionsTooLargeForOneJvmMethodAreSplitIntoSeveral() {
        // About 6 bytes of Wasm each, but some 18 of JVM bytecode: 90 KB in one method, over the JVM's limit.
        StringBuilder body = new StringBuilder();
        for (int k = 0; k < 5000; k++) {
            body.append("(local.set 1 (f32.add (local.get 1) (local.get 0)))\n");
        }
        String wat = "(module (func $big (param f32) (result f32) (local f32) " + body + " (local.get 1))"
                + " (func (export \"f\") (param f32) (result f32) (call $big (local.get 0))))";
        WasmModule m = WasmModule.parseText(wat);
        CompiledModule cm = Internals.compiled(m);
        Instance i = new Linker(EngineConfig.of(Engine.COMPILER)).instantiate(m);
        assertEquals(Value.f32(5000f), i.call("f", Value.f32(1f))[0]);
        assertTrue(cm.interpreted().isEmpty(), "left to the interpreter: " + cm.interpreted());
        assertTrue(cm.split().getOrDefault(0, 0) > 10, "big function split: " + cm.split());
        assertFalse(cm.split().containsKey(1));
    }

    @Test
    void modulesLargerThanOneClassLinkAcrossClasses() {
        int n = ModuleCompiler.CHUNK_FUNCTIONS * 2 + 10;
        StringBuilder wat = new StringBuilder("(module (table funcref (elem");
        for (int f = 0; f < n; f++) {
            wat.append(" $f").append(f);
        }
        wat.append("))\n (type $t (func (param i32) (result i32)))\n");
        for (int f = 0; f < n; f++) {
            wat.append("(func $f").append(f).append(" (param i32) (result i32) ");
            wat.append(f == 0 ? "(local.get 0)" : "(i32.add (call $f" + (f - 1) + " (local.get 0)) (i32.const 1))");
            wat.append(")\n");
        }
        wat.append("(func (export \"top\") (param i32) (result i32) (call $f").append(n - 1).append(" (local.get 0)))\n");
        wat.append("(func (export \"ind\") (param i32 i32) (result i32)"
                + " (call_indirect (type $t) (local.get 1) (local.get 0))))");
        Instance i = compiled(wat.toString());
        assertEquals(Value.i32(n - 1 + 5), i.call("top", Value.i32(5))[0]);
        assertEquals(Value.i32(1500 + 1), i.call("ind", Value.i32(1500), Value.i32(1))[0]);
    }

    /**
     * A module of {@code n} functions {@code $f<k>} (param + k), then exports "first" and "last", which call the
     * first and the last of them.
     */
    static String manyFunctions(int n) {
        StringBuilder wat = new StringBuilder("(module\n");
        for (int f = 0; f < n; f++) {
            wat.append("(func $f").append(f).append(" (param i32) (result i32) (i32.add (local.get 0) (i32.const ")
                    .append(f).append(")))\n");
        }
        wat.append("(func (export \"first\") (param i32) (result i32) (call $f0 (local.get 0)))\n");
        return wat.append("(func (export \"last\") (param i32) (result i32) (call $f").append(n - 1)
                .append(" (local.get 0))))").toString();
    }

    @Test
    void classesAreGeneratedWhenTheirFunctionsAreFirstCalled() {
        // Functions 0..192 in classes of 64 (the last class also holds the two exports), none generated up front.
        int n = ModuleCompiler.ON_DEMAND_CHUNK_FUNCTIONS * 3 + 1;
        WasmModule m = WasmModule.parseText(manyFunctions(n));
        CompiledModule cm = Internals.compiled(m);
        Instance i = new Linker(EngineConfig.of(Engine.COMPILER)).instantiate(m);
        assertArrayEquals(new int[] {0, 0}, cm.generatedSoFar());
        assertEquals(Value.i32(5 + n - 1), i.call("last", Value.i32(5))[0]);
        assertArrayEquals(new int[] {1, 3}, cm.generatedSoFar(), "only the class of the export and its callee");
        assertEquals(Value.i32(5), i.call("first", Value.i32(5))[0]);
        assertArrayEquals(new int[] {2, 3 + ModuleCompiler.ON_DEMAND_CHUNK_FUNCTIONS}, cm.generatedSoFar(),
                "a call from compiled code generates the callee's class");
        assertEquals(4, cm.image().chunks().size(), "an image has every class");
        assertEquals(n + 2, cm.image().chunks().stream().mapToInt(c -> c.end() - c.first()).sum());
        assertEquals(Value.i32(5 + 7), new Linker(EngineConfig.of(Engine.COMPILER)).instantiate(m)
                .call("last", Value.i32(5 + 7 - n + 1))[0]);
    }

    @Test
    void classesOnDemandAreNamedClassesOfTheModulesLoaderOrHiddenOnes() {
        String wat = """
                (module
                  (func $twice (param i32) (result i32) (i32.shl (local.get 0) (i32.const 1)))
                  (func (export "f") (param i32) (result i32) (call $twice (local.get 0))))""";
        for (String named : new String[] {null, "false"}) {
            if (named != null) {
                System.setProperty("wasm4j.compiler.namedClasses", named);
            }
            try {
                WasmModule m = WasmModule.parseText(wat);
                Instance i = new Linker(EngineConfig.of(Engine.COMPILER)).instantiate(m);
                assertEquals(Value.i32(14), i.call("f", Value.i32(7))[0]);
                Class<?> c = Internals.compiled(m).compiler().linkage.classes[1].lookupClass();
                assertEquals(named != null, c.isHidden(), c.getName());
                assertEquals(named == null, c.getClassLoader() instanceof NamedClassLoader, c.getName());
            } finally {
                System.clearProperty("wasm4j.compiler.namedClasses");
            }
        }
    }

    @Test
    void anIndirectCallSiteCachesItsFirstCalleeAndStillCallsEveryOtherRightly() {
        WasmModule m = WasmModule.parseText("""
                (module
                  (type $t (func (param i32) (result i32)))
                  (global $g (mut i32) (i32.const 0))
                  (table 3 funcref)
                  (elem (i32.const 0) $add $mul $tail)
                  (func $add (type $t) (i32.add (local.get 0) (global.get $g)))
                  (func $mul (type $t) (i32.mul (local.get 0) (global.get $g)))
                  (func $tail (type $t) (return_call $add (i32.add (local.get 0) (i32.const 100))))
                  (func (export "set") (param i32) (global.set $g (local.get 0)))
                  (func (export "swap") (table.set (i32.const 0) (ref.func $mul)))
                  (func (export "call") (param i32 i32) (result i32)
                    (call_indirect (type $t) (local.get 1) (local.get 0)))
                  (func (export "callTail") (param i32 i32) (result i32)
                    (call_indirect (type $t) (local.get 1) (local.get 0))))
                """);
        Linker linker = new Linker(EngineConfig.of(Engine.COMPILER));
        Instance a = linker.instantiate(m);
        Instance b = linker.instantiate(m);   // the same classes, so the same caches
        a.call("set", Value.i32(10));
        b.call("set", Value.i32(3));
        for (int round = 0; round < 3; round++) {
            assertEquals(Value.i32(15), a.call("call", Value.i32(0), Value.i32(5))[0], "cached: $add");
            assertEquals(Value.i32(50), a.call("call", Value.i32(1), Value.i32(5))[0], "another callee");
            assertEquals(Value.i32(8), b.call("call", Value.i32(0), Value.i32(5))[0], "the other instance's $add");
            assertEquals(Value.i32(115), a.call("call", Value.i32(2), Value.i32(5))[0], "a tail caller, not cached");
            assertEquals(Value.i32(115), a.call("callTail", Value.i32(2), Value.i32(5))[0], "a tail caller, cached");
            assertEquals(Value.i32(18), a.call("callTail", Value.i32(0), Value.i32(8))[0]);
        }
        a.call("swap");
        assertEquals(Value.i32(50), a.call("call", Value.i32(0), Value.i32(5))[0], "the table changed");
        assertEquals(Value.i32(8), b.call("call", Value.i32(0), Value.i32(5))[0]);
        TrapException t = assertThrows(TrapException.class, () -> a.call("call", Value.i32(3), Value.i32(5)));
        assertEquals("undefined element 3", t.trapMessage());
    }

    @Test
    void aClassWithMoreIndirectCallSitesThanItsConstantPoolCouldCacheStillCompiles() {
        // each cached site takes constant-pool entries of its own (a class has at most 65,535)
        StringBuilder wat = new StringBuilder("""
                (module (type $t (func (param i32) (result i32)))
                  (table funcref (elem $inc))
                  (func $inc (type $t) (i32.add (local.get 0) (i32.const 1)))
                  (func (export "f") (param i32) (result i32)
                """);
        int sites = 20_000;
        for (int k = 0; k < sites; k++) {
            wat.append("    (local.set 0 (call_indirect (type $t) (local.get 0) (i32.const 0)))\n");
        }
        wat.append("    (local.get 0)))");
        WasmModule m = WasmModule.parseText(wat.toString());
        Instance i = new Linker(EngineConfig.of(Engine.COMPILER)).instantiate(m);
        assertEquals(Value.i32(sites + 3), i.call("f", Value.i32(3))[0]);
        assertTrue(Internals.compiled(m).interpreted().isEmpty(), "compiled, not left to the interpreter");
    }

    @Test
    void multipleResultsAndV128CrossEveryKindOfCall() {
        String wat = """
                (module
                  (type $t (func (param i32) (result i32 i64 v128)))
                  (table funcref (elem $multi))
                  (func $multi (type $t) (local.get 0) (i64.const -2) (v128.const i64x2 3 -4))
                  (func (export "direct") (param i32) (result i32 i64 v128) (call $multi (local.get 0)))
                  (func (export "indirect") (param i32) (result i32 i64 v128)
                    (call_indirect (type $t) (local.get 0) (i32.const 0))))
                """;
        for (Engine e : List.of(Engine.INTERPRETER, Engine.COMPILER)) {
            Instance i = new Linker(EngineConfig.of(e)).instantiate(WasmModule.parseText(wat));
            Value[] expected = {Value.i32(9), Value.i64(-2), Value.v128(3, -4)};
            assertArrayEquals(expected, i.call("direct", Value.i32(9)), e.name());
            assertArrayEquals(expected, i.call("indirect", Value.i32(9)), e.name());
        }
    }

    @ParameterizedTest
    @EnumSource(value = Engine.class, names = {"INTERPRETER", "AUTO"})
    void autoModeSwitchesToCompiledCode(Engine engine) throws InterruptedException {
        WasmModule m = WasmModule.parseText("(module (func (export \"f\") (param i32) (result i32)"
                + " (i32.mul (local.get 0) (local.get 0))))");
        Instance i = new Linker(EngineConfig.of(engine)).instantiate(m);
        assertEquals(Value.i32(49), i.call("f", Value.i32(7))[0]);
        WasmFunction f = (WasmFunction) i.function("f");
        if (engine == Engine.INTERPRETER) {
            assertFalse(f.compiled() != null);
            return;
        }
        for (int k = 0; k < 500 && f.compiled() == null; k++) {
            Thread.sleep(10);
        }
        assertNotNull(f.compiled(), "compiled in the background");
        assertEquals(Value.i32(81), i.call("f", Value.i32(9))[0]);
    }

    @Test
    void imagesReloadWithoutGeneratingCode(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        String wat = """
                (module (type $t (func (param i32) (result i32)))
                  (table funcref (elem $sq))
                  (func $sq (type $t) (i32.mul (local.get 0) (local.get 0)))
                  (func (export "f") (param i32) (result i32)
                    (ref.test (ref $t) (table.get (i32.const 0))) (drop)
                    (call_indirect (type $t) (local.get 0) (i32.const 0))))
                """;
        byte[] bytes = dev.wasm4j.text.Wat.assemble(wat);
        CompiledModule cm = Internals.compiled(WasmModule.parse(bytes));
        java.nio.file.Path file = dir.resolve("m.w4j");
        java.nio.file.Files.write(file, cm.image().write(bytes));
        WasmModule again = WasmModule.fromPath(file);
        Instance i = new Linker(EngineConfig.of(Engine.COMPILER)).instantiate(again);
        assertNotNull(((WasmFunction) i.function("f")).compiled());
        assertEquals(Value.i32(144), i.call("f", Value.i32(12))[0]);
    }

    @Test
    void anImageIsReadWhenItsClassesAreNeededAndIgnoredIfTheFileChangedMeanwhile(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        byte[] bytes = dev.wasm4j.text.Wat.assemble("(module (func (export \"f\") (result i32) (i32.const 7)))");
        byte[] file = Internals.compiled(WasmModule.parse(bytes)).image().write(bytes);
        java.nio.file.Path path = dir.resolve("m.w4j");
        java.nio.file.Files.write(path, file);
        WasmModule same = WasmModule.fromPath(path);
        assertEquals(Value.i32(7), new Linker(EngineConfig.of(Engine.COMPILER)).instantiate(same).call("f")[0]);
        assertNull(Internals.compiled(same).generatedSoFar(), "the stored classes were defined");
        WasmModule changed = WasmModule.fromPath(path);
        java.nio.file.Files.write(path, file);
        java.nio.file.Files.setLastModifiedTime(path, java.nio.file.attribute.FileTime.fromMillis(0));
        assertEquals(Value.i32(7), new Linker(EngineConfig.of(Engine.COMPILER)).instantiate(changed).call("f")[0]);
        assertNotNull(Internals.compiled(changed).generatedSoFar(), "the file changed: classes generated again");
    }

    @Test
    void anImageWhoseAccessesDifferFromThisJvmsIsIgnored() {
        // Generated classes call sun.misc.Unsafe directly when this JVM allows it (FastAccess.UNSAFE), so an
        // image made under the other choice cannot be defined here: the module is read, the image ignored.
        byte[] bytes = dev.wasm4j.text.Wat.assemble("(module (func (export \"f\") (result i32) (i32.const 7)))");
        byte[] file = Internals.compiled(WasmModule.parse(bytes)).image().write(bytes);
        assertNotNull(CodeImage.read(file).image());
        // magic, format, JDK feature version, then the access mode
        int mode = java.nio.ByteBuffer.wrap(file, 12, 4).getInt();
        assertEquals(FastAccess.UNSAFE != null ? 1 : 0, mode);
        java.nio.ByteBuffer.wrap(file, 12, 4).putInt(1 - mode);
        CodeImage.Stored other = CodeImage.read(file);
        assertArrayEquals(bytes, other.module());
        assertNull(other.image());
    }

    @Test
    void trapsCarryTheCompiledFramesInnermostFirst() {
        String wat = """
                (module
                  (func $inner (param i32) (result i32) (i32.div_s (i32.const 1) (local.get 0)))
                  (func $middle (param i32) (result i32) (call $inner (local.get 0)))
                  (func (export "outer") (param i32) (result i32) (call $middle (local.get 0))))
                """;
        for (Engine e : List.of(Engine.INTERPRETER, Engine.COMPILER)) {
            Instance i = new Linker(EngineConfig.of(e)).instantiate(WasmModule.parseText(wat));
            TrapException t = assertThrows(TrapException.class, () -> i.call("outer", Value.i32(0)));
            assertEquals("integer divide by zero", t.trapMessage());
            assertEquals(List.of("inner", "middle", "outer (func 2)"), t.wasmBacktrace(), e.name());
        }
    }

    @Test
    void largeFunctionsAreCompiledCompactWithTheSameChecks() {
        // Over ModuleCompiler.COMPACT_BODY_BYTES: memory accesses go through helpers, every width still
        // bounds-checked exactly.
        StringBuilder body = new StringBuilder();
        String[][] widths = {{"i32.load8_u", "i32.store8"}, {"i32.load16_s", "i32.store16"}, {"i32.load", "i32.store"},
                {"i64.load32_u", "i64.store32"}, {"i64.load", "i64.store"}};
        for (int k = 0; k < 700; k++) {
            String[] w = widths[k % widths.length];
            String type = w[0].substring(0, 3);
            body.append("(").append(w[1]).append(" offset=").append(k % 7).append(" (local.get 0) (")
                    .append(type).append(".add (").append(w[0]).append(" offset=").append(k % 7)
                    .append(" (local.get 0)) (").append(type).append(".const 1)))\n");
        }
        String wat = "(module (memory 1) (func (export \"bump\") (param i32)\n" + body + ")"
                + " (func (export \"peek\") (param i32) (result i64) (i64.load (local.get 0))))";
        WasmModule module = WasmModule.parseText(wat);
        assertTrue(Internals.compiled(module).interpreted().isEmpty(), Internals.compiled(module).interpreted().toString());
        Instance i = new Linker(EngineConfig.of(Engine.COMPILER)).instantiate(module);
        Instance reference = new Linker(EngineConfig.of(Engine.INTERPRETER)).instantiate(module);
        for (Instance x : List.of(i, reference)) {
            x.call("bump", Value.i32(100));
            x.call("bump", Value.i32(65536 - 14));
        }
        for (int at = 96; at < 120; at += 8) {
            assertEquals(reference.call("peek", Value.i32(at))[0], i.call("peek", Value.i32(at))[0]);
        }
        TrapException t = assertThrows(TrapException.class, () -> i.call("bump", Value.i32(65536 - 13)));
        assertEquals("out of bounds memory access", t.trapMessage());
    }

    @Test
    void compilingOnDemandScansABodyOnlyWhenItsClassIsGenerated() {
        String text = """
                (module
                  (type $t (func (result i32)))
                  (func $seven (type $t) (i32.const 7))
                  (table 1 1 (ref $t) (ref.func $seven))
                  (func (export "call") (result i32) (call_indirect (type $t) (i32.const 0))))
                """;
        var valid = Internals.valid(WasmModule.parseText(text));
        CompiledModule code = ModuleCompiler.compileOnDemand(valid, false);
        ModuleCompiler compiler = code.compiler();
        // Under auto the code is installed once this returns: no body is scanned before a class is generated.
        assertEquals(0, compiler.scanned());
        // Named only in the table's initial value, $seven can still be called indirectly (as the export can).
        assertEquals(List.of(0, 1), compiler.refFunctions(ChunkCompiler.key(valid.functionType(0).funcType())));
        Instance inst = compiled(text);
        assertEquals(Value.i32(7), inst.call("call")[0]);
    }
}
