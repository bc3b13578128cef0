package dev.wasm4j.exec.interp;

import dev.wasm4j.exec.WasmFunction;

/**
 * A function body translated for the interpreter. Slots are counted from the frame pointer: parameters,
 * then declared locals ({@code localSlots} in all), then the operand stack (at most {@code maxSlots} in
 * all). {@code constants} holds immediates that are not ints (types for casts, ...).
 */
public final class Code {
    final WasmFunction function;
    final int[] ins;
    final Object[] constants;
    final int paramSlots;
    final int localSlots;
    final int resultSlots;
    final int maxSlots;
    final Handler[] handlers;
    /** A RETURN op at the very end, where a tail call to a host function goes to return its results. */
    final int returnPc;
    /** Per loop (by ordinal), iterations left before the interpreter asks for compiled code (see LOOP_HEAD). */
    final int[] loopCounters;

    Code(WasmFunction function, int[] ins, Object[] constants, int paramSlots, int localSlots, int resultSlots,
         int maxSlots, Handler[] handlers, int loops) {
        this.function = function;
        this.ins = ins;
        this.constants = constants;
        this.paramSlots = paramSlots;
        this.localSlots = localSlots;
        this.resultSlots = resultSlots;
        this.maxSlots = maxSlots;
        this.handlers = handlers;
        this.returnPc = ins.length - 1;
        this.loopCounters = new int[loops];
        dev.wasm4j.exec.LoopTier tier = function.instance().loopTier;
        java.util.Arrays.fill(loopCounters, tier != null ? tier.loopThreshold() : Integer.MAX_VALUE);
    }

    public WasmFunction function() {
        return function;
    }

    /** Number of ints of translated code. */
    public int length() {
        return ins.length;
    }

    /**
     * A catch clause of a {@code try_table} (or a legacy {@code try}), active for code in {@code [start, end)}
     * of a block nested {@code depth} frames deep: on an exception whose tag is {@code tag} (or any, for
     * catch_all), the stack is cut to {@code height} slots above the frame pointer, the payload (and, for the
     * _ref kinds, the exnref) is pushed, the exception is kept in slot {@code exnSlot} for {@code rethrow}
     * (legacy catches; -1 otherwise), and execution continues at {@code target}. A legacy {@code delegate}
     * is a handler with {@code delegateTo >= 0}: it catches nothing but makes the search skip handlers of
     * blocks deeper than {@code delegateTo}. Handlers are listed innermost first.
     */
    record Handler(int start, int end, int depth, int tag, boolean pushRef, int target, int height, int exnSlot,
                   int delegateTo) {
        static final int CATCH_ALL = -1;

        boolean covers(int pc) {
            return pc >= start && pc < end;
        }
    }
}
