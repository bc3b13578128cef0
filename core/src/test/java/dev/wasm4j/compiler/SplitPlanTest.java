package dev.wasm4j.compiler;

import dev.wasm4j.Engine;
import dev.wasm4j.EngineConfig;
import dev.wasm4j.Instance;
import dev.wasm4j.Linker;
import dev.wasm4j.Value;
import dev.wasm4j.WasmModule;
import dev.wasm4j.binary.ModuleDecoder;
import dev.wasm4j.model.Features;
import dev.wasm4j.text.Wat;
import dev.wasm4j.valid.ValidModule;
import dev.wasm4j.valid.Validator;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Where {@link SplitPlanner} cuts the shapes that matter: an interpreter's dispatch, a numeric loop, small
 * functions; and that the cut functions compute what the interpreter computes.
 */
class SplitPlanTest {

    private static ValidModule valid(String wat) {
        return Validator.validate(ModuleDecoder.decode(Wat.assemble(wat), Features.DEFAULT), Features.DEFAULT);
    }

    private static SplitPlan plan(ValidModule v, int func) {
        return SplitPlan.of(FunctionShape.of(v.walkFunction(func), false), SplitPlan.Budget.DEFAULT, -1, new java.util.BitSet(), false);
    }

    /**
     * An interpreter loop: {@code cases} nested blocks, a {@code br_table} in the innermost, and after each
     * block's end the code of one case, which goes back to the loop.
     */
    static String dispatch(int cases, int work) {
        StringBuilder w = new StringBuilder("(module (memory 1) (func (export \"run\") (param $n i32) (result i32)"
                + " (local $pc i32) (local $acc i32) (local $t i32)\n (loop $next\n");
        for (int c = 0; c < cases; c++) {
            w.append("(block $c").append(c).append('\n');
        }
        w.append("(if (i32.ge_u (local.get $pc) (local.get $n)) (then (return (local.get $acc))))\n");
        w.append("(br_table");
        for (int c = 0; c < cases; c++) {
            w.append(" $c").append(c);
        }
        w.append(" $c0 (i32.rem_u (local.get $pc) (i32.const ").append(cases).append(")))\n");
        for (int c = cases - 1; c >= 0; c--) {
            w.append(")\n");
            for (int k = 0; k < work; k++) {
                w.append("(local.set $t (i32.add (i32.load (i32.and (local.get $acc) (i32.const 1020))) (i32.const ")
                        .append(c * 31 + k).append(")))\n");
                w.append("(i32.store (i32.and (local.get $t) (i32.const 1020)) (local.get $acc))\n");
                w.append("(local.set $acc (i32.xor (i32.mul (local.get $acc) (i32.const 33)) (local.get $t)))\n");
            }
            w.append("(local.set $pc (i32.add (local.get $pc) (i32.const 1)))\n(br $next)\n");
        }
        w.append(") (local.get $acc)))");
        return w.toString();
    }

    @Test
    void aDispatchKeepsItsStructureAndEachCaseIsOneCall() {
        ValidModule v = valid(dispatch(300, 3));
        SplitPlan p = plan(v, 0);
        assertTrue(p.split());
        int nested = 0;
        for (SplitPlan.Region r : p.regions) {
            if (r.parent() != null && r.parent().parent() != null) {
                nested++;
            }
        }
        assertEquals(0, nested, "regions are at most one level deep");
        assertTrue(p.regions.size() >= 250, "most cases are regions of their own: " + p.regions.size());
    }

    /**
     * What runs on every dispatch (here the bounds check before the {@code br_table}) stays in the method
     * that dispatches: cut out, it would cost a region call per dispatch.
     */
    @Test
    void theCodeBeforeADispatchStaysWithIt() {
        ValidModule v = valid(dispatch(300, 3).replace("(if (i32.ge_u (local.get $pc) (local.get $n))",
                "(if (i32.ge_u (i32.add (i32.mul (local.get $pc) (i32.const 3)) (i32.const 7)) "
                        + "(i32.add (i32.mul (local.get $n) (i32.const 3)) (i32.const 7)))"));
        SplitPlan p = plan(v, 0);
        int brTable = firstDispatch(p.shape.root);
        assertTrue(brTable > 0);
        for (SplitPlan.Region r : p.regions) {
            assertTrue(r.start() > brTable, "region " + r.id() + " [" + r.start() + "," + r.end()
                    + ") is before the br_table at " + brTable);
        }
    }

    /** The index of the first plain instruction with more than two labels outside it, or -1. */
    private static int firstDispatch(FunctionShape.Node n) {
        for (FunctionShape.Body b : n.bodies) {
            for (FunctionShape.Item it : b.items) {
                int at = it.node != null ? firstDispatch(it.node) : it.exits.cardinality() > 2 ? it.start : -1;
                if (at >= 0) {
                    return at;
                }
            }
        }
        return -1;
    }

    /**
     * A program's main in the shape clang gives it: a repeat loop around three phases, each a loop, the second
     * with a short loop in its body. Loops are numbered in the order they start: the repeat loop 0, the
     * phases 1, 2 and 4, the short loop 3.
     */
    private static final String PHASES = """
            (module (memory 1) (func (export "main") (param $n i32) (result i32) (local $r i32) (local $i i32) (local $j i32) (local $acc i32)
              (loop $rep
                (local.set $i (i32.const 0))
                (block $b1 (loop $l1
                  (i32.store8 (local.get $i) (i32.const 1))
                  (i32.store8 offset=1 (local.get $i) (i32.add (local.get $i) (local.get $acc)))
                  (i32.store8 offset=2 (local.get $i) (i32.mul (local.get $i) (local.get $r)))
                  (local.set $i (i32.add (local.get $i) (i32.const 1)))
                  (br_if $l1 (i32.lt_u (local.get $i) (local.get $n)))))
                (local.set $i (i32.const 0))
                (block $b2 (loop $l2
                  (local.set $j (i32.const 0))
                  (loop $l4
                    (local.set $acc (i32.add (local.get $acc) (i32.load8_u (i32.add (local.get $i) (local.get $j)))))
                    (local.set $j (i32.add (local.get $j) (i32.const 1)))
                    (br_if $l4 (i32.lt_u (local.get $j) (i32.const 4))))
                  (i32.store8 offset=3 (local.get $i) (local.get $acc))
                  (local.set $acc (i32.mul (local.get $acc) (i32.load8_u offset=3 (local.get $i))))
                  (local.set $i (i32.add (local.get $i) (i32.const 1)))
                  (br_if $l2 (i32.lt_u (local.get $i) (local.get $n)))))
                (local.set $i (i32.const 0))
                (block $b3 (loop $l3
                  (local.set $acc (i32.xor (local.get $acc) (i32.load8_u (local.get $i))))
                  (local.set $acc (i32.rotl (local.get $acc) (i32.load8_u offset=1 (local.get $i))))
                  (local.set $acc (i32.add (local.get $acc) (i32.load8_u offset=2 (local.get $i))))
                  (local.set $i (i32.add (local.get $i) (i32.const 1)))
                  (br_if $l3 (i32.lt_u (local.get $i) (local.get $n)))))
                (local.set $r (i32.add (local.get $r) (i32.const 1)))
                (br_if $rep (i32.lt_u (local.get $r) (i32.const 3))))
              (local.get $acc)))
            """;

    private static SplitPlan loopEntryPlan(ValidModule v, int loop, int... busy) {
        java.util.BitSet b = new java.util.BitSet();
        for (int l : busy) {
            b.set(l);
        }
        return SplitPlan.of(FunctionShape.of(v.walkFunction(0), false), SplitPlan.Budget.DEFAULT, loop, b, false);
    }

    @Test
    void aLoopEntryPutsEachLaterPhaseIntoARegionOfItsOwn() {
        ValidModule v = valid(PHASES);
        assertFalse(plan(v, 0).split(), "called normally, main is one method");
        // entered in the first phase's loop, with the repeat loop not yet busy: the other phases are regions,
        // the second with its short loop inside
        SplitPlan p = loopEntryPlan(v, 1, 1);
        assertEquals(2, p.regions.size(), "regions: " + p.regions);
        for (SplitPlan.Region r : p.regions) {
            assertEquals(null, r.parent(), "the phases are called by the entry");
        }
        // entered in the short loop, inside a busy loop: nothing inside that loop is cut, so only the phases
        // outside it (the first and the third) become regions
        SplitPlan inner = loopEntryPlan(v, 3, 3, 2);
        assertEquals(2, inner.regions.size(), "regions: " + inner.regions);
        int secondPhase = p.regions.get(0).start();
        for (SplitPlan.Region r : inner.regions) {
            assertTrue(r.start() != secondPhase, "the busy loop's phase stays in the entry: " + inner.regions);
        }
    }

    @Test
    void aLoopEntryKeepsItsLoopNestsLocalsOutOfTheFrame() {
        ValidModule v = valid(PHASES);
        int n = 0, r = 1, i = 2, acc = 4;
        // entered in the short loop inside the busy second phase: the first and third phases are regions called
        // once per repetition, while the entry's own nest runs many iterations per call, so the locals the nest
        // shares with those regions stay JVM locals in the entry, stored and reloaded around the two calls
        SplitPlan inner = loopEntryPlan(v, 3, 3, 2);
        java.util.BitSet cached = inner.cachedAcrossCalls(null);
        assertTrue(cached.get(i) && cached.get(acc), "cached: " + cached);
        // the repeat counter is used only by the repeat loop, which calls the regions: it stays in the frame, as
        // does the bound, which the nest's outer loop reads as often as the regions run
        assertFalse(cached.get(r) || cached.get(n), "cached: " + cached);
        for (SplitPlan.Region region : inner.regions) {
            assertTrue(inner.cachedAcrossCalls(region).isEmpty(), "regions keep what their callees use in the frame");
        }
    }

    @Test
    void aLoopThatFitsStaysInOneMethod() {
        StringBuilder body = new StringBuilder();
        for (int k = 0; k < 400; k++) {
            body.append("(local.set $a (i32.add (local.get $a) (i32.const ").append(k).append(")))\n");
        }
        String wat = "(module (memory 1) (func (export \"f\") (param $n i32) (result i32) (local $a i32) (local $i i32)\n"
                + body + "(loop $l (i32.store (i32.and (local.get $i) (i32.const 1020))"
                + " (i32.add (i32.load (i32.and (local.get $a) (i32.const 1020))) (local.get $i)))"
                + " (local.set $a (i32.add (local.get $a) (local.get $i)))"
                + " (br_if $l (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1))) (local.get $n))))\n"
                + body + "(local.get $a)))";
        ValidModule v = valid(wat);
        SplitPlan p = plan(v, 0);
        assertTrue(p.split(), "the function is over the budget");
        for (FunctionShape.Item loop : p.shape.loops) {
            for (SplitPlan.Region r : p.regions) {
                boolean inside = r.start() > loop.start && r.end() <= loop.end;
                assertFalse(inside, "no region inside the loop: " + r);
            }
        }
    }

    /** A function of {@code n} branching statements and no loop, like a hot allocator's code. */
    private static String branchy(int n) {
        StringBuilder w = new StringBuilder("(module (memory 1) (func (export \"f\") (param $a i32) (result i32)\n");
        for (int k = 0; k < n; k++) {
            w.append("(if (i32.gt_u (local.get $a) (i32.const ").append(k).append("))")
                    .append(" (then (local.set $a (i32.add (i32.load offset=").append(4 * k)
                    .append(" (i32.const 0)) (local.get $a)))))\n");
        }
        return w.append("(local.get $a)))").toString();
    }

    @Test
    void aFunctionOfAFewKilobytesStaysOneMethod() {
        // between the method budget and the whole-function limit: one method, no frame or region calls per call
        SplitPlan.Budget b = SplitPlan.Budget.DEFAULT;
        SplitPlan mid = plan(valid(branchy(80)), 0);
        assertTrue(mid.shape == null || mid.shape.size > b.methodBytes() && mid.shape.size <= b.wholeBytes(),
                "size " + (mid.shape == null ? "-" : mid.shape.size));
        assertFalse(mid.split());
        SplitPlan large = plan(valid(branchy(300)), 0);
        assertTrue(large.shape.size > b.wholeBytes(), "size " + large.shape.size);
        assertTrue(large.split());
    }

    @Test
    void smallFunctionsAreNotSplit() {
        ValidModule v = valid("(module (func (param i32) (result i32) (i32.add (local.get 0) (i32.const 1))))");
        assertFalse(plan(v, 0).split());
    }

    @Test
    void aSplitDispatchComputesWhatTheInterpreterComputes() {
        WasmModule m = WasmModule.parseText(dispatch(200, 4));
        var compiledModule = dev.wasm4j.internal.Internals.compiled(m);
        Instance compiled = new Linker(EngineConfig.of(Engine.COMPILER)).instantiate(m);
        Instance interpreted = new Linker(EngineConfig.of(Engine.INTERPRETER)).instantiate(m);
        for (int n : new int[] {0, 1, 7, 1000, 12345}) {
            assertEquals(interpreted.call("run", Value.i32(n))[0], compiled.call("run", Value.i32(n))[0], "n=" + n);
        }
        assertFalse(compiledModule.split().isEmpty(), "split: " + compiledModule.split());
    }
}
