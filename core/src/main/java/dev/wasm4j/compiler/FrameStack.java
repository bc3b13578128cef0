package dev.wasm4j.compiler;

import dev.wasm4j.exec.ModuleInstance;

/**
 * Where the frames of split functions live (see {@link SplitPlan}): one per thread, a stack of frame arrays
 * reused from call to call, so a call allocates nothing and the arrays are only as many as the deepest
 * recursion. Because these frames are part of the Wasm call stack, their total is bounded like the JVM
 * stack is: past {@link #LIMIT} slots a call fails with {@link StackOverflowError}, which the tier boundary
 * turns into the trap {@code call stack exhausted}.
 *
 * <p>A driver calls {@link #of}, saves {@link #depth} and {@link #used}, takes its arrays with
 * {@link #push} and {@link #refs}, and writes the two fields back when it returns or an exception leaves
 * it. Frame arrays are not cleared: a driver zeroes its locals itself, as a function must.
 */
public final class FrameStack {
    private static final ThreadLocal<FrameStack> CURRENT = ThreadLocal.withInitial(FrameStack::new);
    /** Most slots (numbers and references together) of all frames of one thread. */
    static final long LIMIT = Long.getLong("wasm4j.compiler.frameSlots", 1L << 23);

    private final Thread owner = Thread.currentThread();
    private long[][] nums = new long[16][];
    private Object[][] refs = new Object[16][];
    /** Frames in use. */
    public int depth;
    /** Slots in use. */
    public long used;

    private FrameStack() {
    }

    /**
     * The calling thread's stack, first from the instance's cache: a split function is
     * entered often (an interpreter's dispatch loop, once per call), and the thread-local lookup showed in
     * profiles. The cache holds any thread's stack; only the owner's is used.
     */
    public static FrameStack of(ModuleInstance inst) {
        if (inst.frameStack instanceof FrameStack cached && cached.owner == Thread.currentThread()) {
            return cached;
        }
        FrameStack mine = CURRENT.get();
        inst.frameStack = mine;
        return mine;
    }

    /** Takes the next frame, with {@code slots} numbers and {@code refSlots} references; returns its numbers. */
    public long[] push(int slots, int refSlots) {
        long total = used + slots + refSlots;
        if (total > LIMIT) {
            throw new StackOverflowError("frames of split functions: " + total + " slots");
        }
        used = total;
        int d = depth++;
        if (d >= nums.length) {
            nums = java.util.Arrays.copyOf(nums, d * 2);
            refs = java.util.Arrays.copyOf(refs, d * 2);
        }
        long[] frame = nums[d];
        if (frame == null || frame.length < slots) {
            frame = new long[Math.max(slots, 16)];
            nums[d] = frame;
        }
        if (refSlots > 0) {
            Object[] r = refs[d];
            if (r == null || r.length < refSlots) {
                refs[d] = new Object[Math.max(refSlots, 8)];
            }
        }
        return frame;
    }

    /** The references of the frame {@link #push} took last. */
    public Object[] refs() {
        return refs[depth - 1];
    }
}
