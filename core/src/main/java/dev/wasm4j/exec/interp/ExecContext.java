package dev.wasm4j.exec.interp;

import dev.wasm4j.TrapException;

import java.util.Arrays;

/**
 * One thread's execution state: the value stack (numbers in {@link #stack}, references in {@link #refs} at
 * the same slot index) and the frame stack of suspended callers. Host functions that call back into Wasm
 * continue on the same stacks, above {@link #sp}.
 */
final class ExecContext {
    /** Most value slots a thread may use (8 bytes + one reference each). */
    static final int MAX_SLOTS = 16 * 1024 * 1024;
    /** Most nested Wasm calls. */
    static final int MAX_DEPTH = 200_000;
    static final String EXHAUSTED = "call stack exhausted";

    private static final ThreadLocal<ExecContext> CURRENT = ThreadLocal.withInitial(ExecContext::new);

    long[] stack = new long[4096];
    Object[] refs = new Object[4096];
    /** First free slot below which outer invocations keep their frames. */
    int sp;
    Code[] frameCode = new Code[256];
    int[] framePc = new int[256];
    int[] frameFp = new int[256];
    int depth;

    static ExecContext current() {
        return CURRENT.get();
    }

    /** Makes room for slots up to {@code needed} (exclusive), or traps when that exceeds the limit. */
    void ensureSlots(int needed) {
        if (needed <= stack.length) {
            return;
        }
        if (needed > MAX_SLOTS || needed < 0) {
            throw new TrapException(EXHAUSTED);
        }
        int n = Math.max(needed, Math.min(MAX_SLOTS, stack.length * 2));
        stack = Arrays.copyOf(stack, n);
        refs = Arrays.copyOf(refs, n);
    }

    /** Saves a caller's frame; traps when calls nest too deeply. */
    void pushFrame(Code code, int pc, int fp) {
        int d = depth;
        if (d == frameCode.length) {
            if (d >= MAX_DEPTH) {
                throw new TrapException(EXHAUSTED);
            }
            int n = Math.min(MAX_DEPTH, d * 2);
            frameCode = Arrays.copyOf(frameCode, n);
            framePc = Arrays.copyOf(framePc, n);
            frameFp = Arrays.copyOf(frameFp, n);
        }
        frameCode[d] = code;
        framePc[d] = pc;
        frameFp[d] = fp;
        depth = d + 1;
    }
}
