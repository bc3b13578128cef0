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
        return SplitPlan.of(FunctionShape.of(v.walkFunction(func), false), SplitPlan.Budget.DEFAULT, -1, false);
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
