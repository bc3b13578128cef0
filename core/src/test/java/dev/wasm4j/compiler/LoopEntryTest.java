package dev.wasm4j.compiler;

import dev.wasm4j.Engine;
import dev.wasm4j.EngineConfig;
import dev.wasm4j.Instance;
import dev.wasm4j.Linker;
import dev.wasm4j.TrapException;
import dev.wasm4j.Value;
import dev.wasm4j.WasmModule;
import dev.wasm4j.exec.ExternVal;
import dev.wasm4j.exec.Instantiator;
import dev.wasm4j.exec.ModuleInstance;
import dev.wasm4j.internal.Internals;
import dev.wasm4j.valid.ValidModule;
import org.junit.jupiter.api.Test;

import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * On-stack replacement: calls that start in the interpreter and continue compiled from a loop head (the
 * auto engine's testing knobs take every entry at the first iteration), compared with the interpreter.
 */
class LoopEntryTest {

    private static <T> T withLoopEntries(Supplier<T> action) {
        System.setProperty("wasm4j.auto.loopEntriesOnly", "true");
        System.setProperty("wasm4j.auto.loopThreshold", "3");
        try {
            return action.get();
        } finally {
            System.clearProperty("wasm4j.auto.loopEntriesOnly");
            System.clearProperty("wasm4j.auto.loopThreshold");
        }
    }

    /** An instance whose calls run interpreted until a loop entry takes them to compiled code. */
    private record Entered(ModuleInstance instance, AutoTier tier) {
        static Entered of(String wat, Instantiator.ImportResolver imports) {
            ValidModule valid = Internals.valid(WasmModule.parseText(wat));
            AutoTier tier = withLoopEntries(() -> AutoTier.of(valid));
            return new Entered(Instantiator.instantiate(valid, imports, tier::attach), tier);
        }

        Value[] call(String name, Value... args) {
            return ((ExternVal.Func) instance.export(name)).function().invoke(args);
        }
    }

    /** The same module twice: interpreted, and with loop entries. */
    private record Pair(Instance interpreted, Entered entered) {
        Value[] both(String name, Value... args) {
            Value[] expected = interpreted.call(name, args);
            Value[] actual = entered.call(name, args);
            assertArrayEquals(expected, actual, name);
            return actual;
        }

        long entries() {
            return entered.tier().loopEntriesCompiled();
        }
    }

    private static Pair pair(String wat) {
        Instance interpreted = new Linker(EngineConfig.of(Engine.INTERPRETER)).instantiate(WasmModule.parseText(wat));
        return new Pair(interpreted, Entered.of(wat, imp -> null));
    }

    /**
     * A loop entry's class holds no function but its own, so it calls every function through a trampoline
     * of its own ({@code t<N>}, holding the cross-class call): a call site in the entry itself, first reached
     * after C2 compiled the entry, would deoptimise the running loop.
     */
    @Test
    void aLoopEntryCallsOtherFunctionsThroughTrampolines() {
        ValidModule valid = Internals.valid(WasmModule.parseText("""
                (module
                  (func $work (param i32) (result i32) (i32.add (local.get 0) (i32.const 1)))
                  (func (export "run") (param $n i32) (result i32) (local $s i32)
                    (loop $l
                      (local.set $s (call $work (local.get $s)))
                      (br_if $l (i32.lt_u (local.get $s) (local.get $n))))
                    (local.get $s)))
                """));
        ModuleCompiler compiler = ModuleCompiler.compileOnDemand(valid, false).compiler();
        byte[] bytes = new ChunkCompiler(compiler, 1, 1, 2).buildLoopEntry(
                java.lang.classfile.ClassFile.of(java.lang.classfile.ClassFile.StackMapsOption.DROP_STACK_MAPS), 0,
                new java.util.BitSet());
        var cls = java.lang.classfile.ClassFile.of().parse(bytes);
        java.util.Map<String, java.util.List<java.lang.classfile.CodeElement>> code = new java.util.HashMap<>();
        for (var m : cls.methods()) {
            m.code().ifPresent(c -> code.put(m.methodName().stringValue(), c.elementList()));
        }
        java.util.function.Predicate<java.lang.classfile.CodeElement> crossClassCall = e ->
                e instanceof java.lang.classfile.instruction.InvokeDynamicInstruction i
                        && i.bootstrapMethod().owner().displayName().equals("Linkage");
        assertTrue(code.containsKey("t0"), "a trampoline to $work: " + code.keySet());
        assertTrue(code.get("t0").stream().anyMatch(crossClassCall), "the trampoline makes the call");
        assertFalse(code.get("o1").stream().anyMatch(crossClassCall), "the entry makes no cross-class call itself");
    }

    @Test
    void localsOfEveryTypeCarryOver() {
        Pair p = pair("""
                (module
                  (func (export "mix") (param $n i32) (param $x i64) (result i32 i64 f32 f64 i32)
                    (local $f f32) (local $d f64) (local $v v128) (local $e externref) (local $i i32)
                    (local.set $x (i64.mul (local.get $x) (i64.const 3)))
                    (local.set $f (f32.reinterpret_i32 (i32.const 0x7fa00001)))
                    (local.set $d (f64.const -2.5))
                    (local.set $v (v128.const i32x4 1 2 3 4))
                    (local.set $n (i32.add (local.get $n) (i32.const 1)))
                    (loop $l
                      (local.set $x (i64.add (local.get $x) (i64.extend_i32_u (local.get $i))))
                      (local.set $d (f64.add (local.get $d) (f64.const 0.5)))
                      (local.set $v (i32x4.add (local.get $v) (v128.const i32x4 1 1 1 1)))
                      (local.set $i (i32.add (local.get $i) (i32.const 1)))
                      (br_if $l (i32.lt_u (local.get $i) (local.get $n))))
                    (local.get $i) (local.get $x) (local.get $f) (local.get $d)
                    (i32x4.extract_lane 3 (local.get $v)))
                  (func (export "refs") (param $r externref) (param $n i32) (result externref i32)
                    (local $keep externref)
                    (local.set $keep (local.get $r))
                    (loop $l
                      (local.set $n (i32.sub (local.get $n) (i32.const 1)))
                      (br_if $l (local.get $n)))
                    (local.get $keep) (local.get $n)))
                """);
        Value[] r = p.both("mix", Value.i32(100), Value.i64(7));
        assertEquals(Value.i32(101), r[0]);
        assertEquals(new Value.F32(0x7fa00001), r[2], "NaN payload kept");
        Object host = new Object();
        Value[] refs = p.entered().call("refs", Value.externRef(host), Value.i32(50));
        assertEquals(host, ((Value.Ref) refs[0]).ref());
        assertEquals(Value.i32(0), refs[1]);
        assertEquals(2, p.entries());
    }

    @Test
    void anEntryInsideANestAgreesWithTheOutlinedPhasesOnSharedLocals() {
        // Entered in the inner loop of a nest, with the later phases (which read and write the nest's locals)
        // outlined as regions: the entry keeps those locals in JVM locals and must store them before each
        // phase's call and reload what the phase wrote after it (SplitPlan.cachedAcrossCalls).
        Pair p = pair("""
                (module
                  (memory 1)
                  (func (export "main") (param $n i32) (param $reps i32) (result i32)
                    (local $r i32) (local $i i32) (local $j i32) (local $acc i32)
                    (loop $rep
                      (local.set $i (i32.const 0))
                      (loop $outer
                        (local.set $j (i32.const 0))
                        (loop $inner
                          (i32.store8 (i32.add (local.get $i) (local.get $j))
                            (i32.add (local.get $acc) (local.get $j)))
                          (local.set $acc (i32.add (i32.mul (local.get $acc) (i32.const 31))
                            (i32.load8_u (local.get $j))))
                          (local.set $j (i32.add (local.get $j) (i32.const 1)))
                          (br_if $inner (i32.lt_u (local.get $j) (local.get $n))))
                        (local.set $i (i32.add (local.get $i) (i32.const 1)))
                        (br_if $outer (i32.lt_u (local.get $i) (local.get $n))))
                      (local.set $i (i32.const 0))
                      (loop $scramble
                        (local.set $acc (i32.xor (local.get $acc) (i32.load8_u (local.get $i))))
                        (local.set $acc (i32.rotl (local.get $acc) (local.get $i)))
                        (i32.store8 offset=100 (local.get $i) (local.get $acc))
                        (i32.store8 offset=200 (local.get $i) (i32.mul (local.get $acc) (local.get $r)))
                        (i32.store8 offset=300 (local.get $i) (i32.xor (local.get $acc) (local.get $j)))
                        (local.set $i (i32.add (local.get $i) (i32.const 1)))
                        (br_if $scramble (i32.lt_u (local.get $i) (i32.const 7))))
                      (local.set $j (i32.const 0))
                      (loop $sum
                        (local.set $acc (i32.add (local.get $acc) (i32.load8_u (local.get $j))))
                        (local.set $acc (i32.add (local.get $acc) (i32.load8_u offset=100 (local.get $j))))
                        (local.set $acc (i32.add (local.get $acc) (i32.load8_u offset=200 (local.get $j))))
                        (local.set $acc (i32.add (local.get $acc) (i32.load8_u offset=300 (local.get $j))))
                        (local.set $j (i32.add (local.get $j) (i32.const 1)))
                        (br_if $sum (i32.lt_u (local.get $j) (local.get $i))))
                      (local.set $r (i32.add (local.get $r) (i32.const 1)))
                      (br_if $rep (i32.lt_u (local.get $r) (local.get $reps))))
                    (i32.add (local.get $acc) (i32.mul (local.get $i) (local.get $j)))))
                """);
        p.both("main", Value.i32(20), Value.i32(5));
        p.both("main", Value.i32(9), Value.i32(40));
        assertEquals(1, p.entries(), "one entry, at the inner loop");
    }

    @Test
    void nestedLoopsBlocksAndParametersChangedBeforeTheLoop() {
        Pair p = pair("""
                (module
                  (memory 1)
                  (func (export "grid") (param $w i32) (param $h i32) (result i32)
                    (local $x i32) (local $y i32) (local $sum i32)
                    (local.set $w (i32.add (local.get $w) (i32.const 2)))
                    (block $done (result i32)
                      (loop $rows
                        (local.set $x (i32.const 0))
                        (loop $cols
                          (i32.store (i32.shl (local.get $x) (i32.const 2))
                            (i32.add (i32.load (i32.shl (local.get $x) (i32.const 2)))
                                     (i32.mul (local.get $x) (local.get $y))))
                          (local.set $sum (i32.add (local.get $sum) (i32.load (i32.shl (local.get $x) (i32.const 2)))))
                          (local.set $x (i32.add (local.get $x) (i32.const 1)))
                          (br_if $cols (i32.lt_u (local.get $x) (local.get $w))))
                        (local.set $y (i32.add (local.get $y) (i32.const 1)))
                        (br_if $done (local.get $sum) (i32.ge_u (local.get $y) (local.get $h)))
                        (br $rows))
                      (unreachable))))
                """);
        p.both("grid", Value.i32(40), Value.i32(30));
        p.both("grid", Value.i32(3), Value.i32(1000));
        assertEquals(1, p.entries(), "the inner loop, which reaches the threshold first");
    }

    @Test
    void aCallInsideANestMovesThroughTheEntryThatIsReadyInsteadOfAskingForAnother() {
        Pair p = pair("""
                (module
                  (func (export "nest") (param $w i32) (param $h i32) (result i32)
                    (local $x i32) (local $y i32) (local $sum i32)
                    (loop $rows
                      (local.set $x (i32.const 0))
                      (loop $cols
                        (local.set $sum (i32.add (local.get $sum) (i32.mul (local.get $x) (local.get $y))))
                        (local.set $x (i32.add (local.get $x) (i32.const 1)))
                        (br_if $cols (i32.lt_u (local.get $x) (local.get $w))))
                      (local.set $y (i32.add (local.get $y) (i32.const 1)))
                      (br_if $rows (i32.lt_u (local.get $y) (local.get $h))))
                    (local.get $sum)))
                """);
        p.both("nest", Value.i32(50), Value.i32(2));
        assertEquals(1, p.entries(), "the inner loop's");
        // Now the outer loop asks first (one column per row): the inner loop's entry is ready, so the
        // interpreter is told to ask there at its next head, and the call moves through it.
        p.both("nest", Value.i32(1), Value.i32(100));
        assertEquals(1, p.entries(), "no entry of the outer loop");
    }

    @Test
    void aLoopThatNeverPassesTheReadyEntryGetsItsOwnAfterAFewAsks() {
        Pair p = pair("""
                (module
                  (func (export "phases") (param $a i32) (param $b i32) (result i32)
                    (local $i i32) (local $sum i32)
                    (loop $first
                      (local.set $sum (i32.add (local.get $sum) (local.get $i)))
                      (local.set $i (i32.add (local.get $i) (i32.const 1)))
                      (br_if $first (i32.lt_u (local.get $i) (local.get $a))))
                    (local.set $i (i32.const 0))
                    (loop $second
                      (local.set $sum (i32.xor (local.get $sum) (i32.mul (local.get $i) (i32.const 31))))
                      (local.set $i (i32.add (local.get $i) (i32.const 1)))
                      (br_if $second (i32.lt_u (local.get $i) (local.get $b))))
                    (local.get $sum)))
                """);
        p.both("phases", Value.i32(20), Value.i32(1));
        assertEquals(1, p.entries(), "the first loop's");
        p.both("phases", Value.i32(1), Value.i32(60));
        assertEquals(2, p.entries(), "the second loop, refused twice, then given its own");
    }

    @Test
    void callsFromTheLoopIntoAnotherModulesInterpretedCodeThatGrowsTheStack() {
        // The callee recurses deeply in the interpreter, which grows the thread's value stack while the
        // loop entry's frame is live: the results must still land where the interpreter reads them.
        ModuleInstance deep = Instantiator.instantiate(Internals.valid(WasmModule.parseText("""
                (module (func $down (export "down") (param i32) (result i32)
                  (if (result i32) (i32.eqz (local.get 0)) (then (i32.const 1))
                    (else (i32.add (call $down (i32.sub (local.get 0) (i32.const 1))) (i32.const 1))))))
                """)), imp -> null);
        String wat = """
                (module
                  (import "deep" "down" (func $down (param i32) (result i32)))
                  (func (export "run") (param $n i32) (result i32 i64)
                    (local $i i32) (local $acc i64)
                    (loop $l
                      (local.set $acc (i64.add (local.get $acc) (i64.extend_i32_u (call $down (i32.const 20000)))))
                      (local.set $i (i32.add (local.get $i) (i32.const 1)))
                      (br_if $l (i32.lt_u (local.get $i) (local.get $n))))
                    (local.get $i) (local.get $acc)))
                """;
        ExternVal down = deep.export("down");
        Entered entered = Entered.of(wat, imp -> down);
        Value[] r = entered.call("run", Value.i32(8));
        assertArrayEquals(new Value[] {Value.i32(8), Value.i64(8L * 20001)}, r);
        assertEquals(1, entered.tier().loopEntriesCompiled());
    }

    @Test
    void aTrapInTheCompiledRestIsTheSameTrap() {
        Pair p = pair("""
                (module (memory 1)
                  (func (export "walk") (param $to i32) (result i32)
                    (local $a i32)
                    (loop $l
                      (drop (i32.load (local.get $a)))
                      (local.set $a (i32.add (local.get $a) (i32.const 4096)))
                      (br_if $l (i32.le_u (local.get $a) (local.get $to))))
                    (local.get $a)))
                """);
        p.both("walk", Value.i32(60000));
        TrapException t = assertThrows(TrapException.class, () -> p.entered().call("walk", Value.i32(70000)));
        assertEquals("out of bounds memory access", t.trapMessage());
        assertEquals(1, p.entries());
    }

    @Test
    void anExceptionLeavesTheCompiledRestToTheCallersHandler() {
        Pair p = pair("""
                (module
                  (tag $found (param i32))
                  (func $search (param $n i32)
                    (local $i i32)
                    (loop $l
                      (if (i32.eq (i32.mul (local.get $i) (local.get $i)) (local.get $n))
                        (then (throw $found (local.get $i))))
                      (local.set $i (i32.add (local.get $i) (i32.const 1)))
                      (br_if $l (i32.le_u (local.get $i) (local.get $n)))))
                  (func (export "sqrt") (param i32) (result i32)
                    (block $caught (result i32)
                      (try_table (catch $found $caught)
                        (call $search (local.get 0)))
                      (i32.const -1))))
                """);
        assertEquals(Value.i32(123), p.both("sqrt", Value.i32(123 * 123))[0]);
        assertEquals(Value.i32(-1), p.both("sqrt", Value.i32(123 * 123 + 1))[0]);
        assertEquals(1, p.entries());
    }

    @Test
    void loopsUnderOperandsOrInsideHandlersStayInterpreted() {
        Pair p = pair("""
                (module
                  (tag $t)
                  (func (export "under") (param $n i32) (result i32)
                    (i32.const 5)
                    (i32.const 1000)
                    (loop $l (param i32) (result i32)
                      (local.set $n (i32.sub (local.get $n) (i32.const 1)))
                      (i32.add (i32.const 1))
                      (br_if $l (local.get $n)))
                    (i32.add))
                  (func (export "guarded") (param $n i32) (result i32)
                    (block $out
                      (try_table (catch_all $out)
                        (loop $l
                          (local.set $n (i32.sub (local.get $n) (i32.const 1)))
                          (br_if $l (local.get $n)))))
                    (local.get $n)))
                """);
        p.both("under", Value.i32(100));
        p.both("guarded", Value.i32(100));
        assertEquals(0, p.entries());
    }

    @Test
    void theAutoEngineMovesALongRunningCallToCompiledCode() {
        // No knobs: the module compiles in the background and the loop, already running, moves over.
        Instance i = new Linker(EngineConfig.of(Engine.AUTO)).instantiate(WasmModule.parseText("""
                (module (func (export "spin") (param $n i64) (result i64)
                  (local $i i64) (local $acc i64)
                  (loop $l
                    (local.set $acc (i64.add (local.get $acc) (i64.rem_u (local.get $i) (i64.const 7))))
                    (local.set $i (i64.add (local.get $i) (i64.const 1)))
                    (br_if $l (i64.lt_u (local.get $i) (local.get $n))))
                  (local.get $acc)))
                """));
        long n = 30_000_000L;
        long expected = (n / 7) * 21 + (n % 7) * (n % 7 - 1) / 2;
        assertEquals(Value.i64(expected), i.call("spin", Value.i64(n))[0]);
    }

    @Test
    void aModuleWhoseCompilingFailsSaysWhyInTheJitReport() throws InterruptedException {
        Instance i = new Linker(EngineConfig.of(Engine.INTERPRETER)).instantiate(
                WasmModule.parseText("(module (func (export \"f\")))"));
        AutoTier tier = new AutoTier(() -> {
            throw new IllegalStateException("no code today");
        });
        tier.attach(Internals.instance(i));   // compiles in the background, after its delay
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (tier.report().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(java.util.List.of("compiling the module failed, so it runs in wasm4j's interpreter: "
                + "java.lang.IllegalStateException: no code today"), tier.report());
        assertFalse(tier.ready());
        i.call("f");
    }
}
