package dev.wasm4j.exec.interp;

import dev.wasm4j.exec.CompiledCode;
import dev.wasm4j.exec.LoopTier;
import dev.wasm4j.exec.WasmFunction;

/**
 * On-stack replacement, the interpreter's side: a {@code LOOP_HEAD} counts its loop's iterations, and once
 * there have been {@link LoopTier#loopThreshold()} of them it asks the instance's tier for compiled code that
 * continues the call from there. If there is some, the rest of the call runs compiled and the interpreter
 * returns its results; if not (not compiled yet, or never), it asks again after as many iterations.
 */
final class LoopEntry {
    private LoopEntry() {
    }

    /** The compiled continuation of {@code code}'s call at loop {@code loop}, or null; resets its counter. */
    static CompiledCode find(Code code, int loop) {
        LoopTier tier = code.function.instance().loopTier;
        if (tier == null) {
            code.loopCounters[loop] = Integer.MAX_VALUE;
            return null;
        }
        int threshold = tier.loopThreshold();
        java.util.BitSet busy = new java.util.BitSet();
        for (int i = 0; i < code.loopCounters.length; i++) {
            if (code.loopCounters[i] <= threshold - LoopTier.BUSY_ITERATIONS) {
                busy.set(i);
            }
        }
        code.loopCounters[loop] = threshold;
        CompiledCode entry = tier.loopEntry(code.function, loop, busy);
        if (entry == null) {
            int ready = tier.readyLoop(code.function);
            if (ready >= 0 && ready != loop && ready < code.loopCounters.length) {
                code.loopCounters[ready] = 0;   // asks at its next head
            }
        }
        return entry;
    }

    /** Runs the rest of {@code f}'s call compiled, its locals at {@code fp}; the results are then at {@code fp}. */
    static void enter(ExecContext ctx, CompiledCode compiled, WasmFunction f, int fp, int resultSlots) {
        long[] s = ctx.stack;
        Object[] r = ctx.refs;
        f.instance().settleMemories();
        compiled.call(f.instance(), s, r, fp);
        if (ctx.stack != s) {
            // compiled code called back into the interpreter, which grew the stacks
            System.arraycopy(s, fp, ctx.stack, fp, resultSlots);
            System.arraycopy(r, fp, ctx.refs, fp, resultSlots);
        }
    }
}
