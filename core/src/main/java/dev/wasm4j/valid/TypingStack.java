package dev.wasm4j.valid;

import dev.wasm4j.InvalidException;
import dev.wasm4j.model.FuncType;
import dev.wasm4j.model.HeapType;
import dev.wasm4j.model.Opcode;
import dev.wasm4j.model.RefType;
import dev.wasm4j.model.ValType;
import dev.wasm4j.model.VecType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The operand and control stacks of the validation algorithm (spec 3.4.1 / appendix "Validation
 * Algorithm"), with slot accounting for the tiers. An operand is a closed {@link ValType}; {@code null} is
 * the unknown type of a polymorphic stack, and {@link #BOT_REF} a reference of unknown heap type (what
 * {@code ref.as_non_null} yields from an unknown operand). Popping below the current frame's height yields
 * unknown types when the frame is unreachable and is a type mismatch otherwise.
 */
abstract class TypingStack implements CodeState {

    /** {@code (ref bot)}: a non-null reference whose heap type is unknown; a subtype of every reference. */
    static final RefType BOT_REF = new RefType(false, new HeapType.Concrete(-1));

    private ValType[] stack = new ValType[64];
    int size;
    int slots;
    int maxSlots;

    private ControlFrame[] frames = new ControlFrame[16];
    int depth;

    /** Offset of the current instruction, for errors and {@link #offset()}. */
    int offset;

    void resetStacks() {
        size = 0;
        slots = 0;
        maxSlots = 0;
        depth = 0;
    }

    InvalidException error(String rule) {
        return new InvalidException(rule, offset);
    }

    static int slotsOf(ValType t) {
        return t == VecType.V128 ? 2 : 1;
    }

    /** {@code actual <: expected}, where null and {@link #BOT_REF} are the unknown types. */
    static boolean matches(ValType actual, ValType expected) {
        if (actual == expected || actual == null) {
            return true;
        }
        if (actual == BOT_REF) {
            return expected instanceof RefType;
        }
        return Types.isSubtype(actual, expected);
    }

    // ---- operands ----

    final void push(ValType t) {
        if (size == stack.length) {
            stack = Arrays.copyOf(stack, size * 2);
        }
        stack[size++] = t;
        slots += slotsOf(t);
        if (slots > maxSlots) {
            maxSlots = slots;
        }
    }

    final void pushAll(List<ValType> ts) {
        pushAll(ts, ts.size());
    }

    /** Pushes the first {@code n} types of {@code ts}. */
    final void pushAll(List<ValType> ts, int n) {
        for (int i = 0; i < n; i++) {
            push(ts.get(i));
        }
    }

    /** Pops any operand; null when it is unknown. */
    final ValType pop() {
        ControlFrame f = frames[depth - 1];
        if (size == f.height) {
            if (f.unreachable) {
                return null;
            }
            throw error("type mismatch: instruction requires [any] but stack has []");
        }
        ValType t = stack[--size];
        slots -= slotsOf(t);
        return t;
    }

    /** Pops an operand that must match {@code expected}; returns its actual type (null if unknown). */
    final ValType pop(ValType expected) {
        ControlFrame f = frames[depth - 1];
        if (size == f.height) {
            if (f.unreachable) {
                return null;
            }
            throw mismatch(List.of(expected), 0);
        }
        ValType t = stack[size - 1];
        if (t != expected && !matches(t, expected)) {
            throw mismatch(List.of(expected), 1);
        }
        size--;
        slots -= slotsOf(t);
        return t;
    }

    /** Pops operands matching {@code ts} (the last one on top), checking all before popping any. */
    final void popAll(List<ValType> ts) {
        popAll(ts, ts.size());
    }

    /** Pops operands matching {@code ts} (the last one on top), checking all before popping any. */
    final void popAll(ValType[] ts) {
        int n = ts.length;
        if (n == 0) {
            return;
        }
        ControlFrame f = frames[depth - 1];
        int avail = size - f.height;
        for (int i = 0; i < n; i++) {
            ValType e = ts[n - 1 - i];
            if (i < avail) {
                ValType a = stack[size - 1 - i];
                if (a != e && !matches(a, e)) {
                    throw mismatch(Arrays.asList(ts), avail);
                }
            } else if (!f.unreachable) {
                throw mismatch(Arrays.asList(ts), avail);
            }
        }
        for (int k = Math.min(n, avail); k > 0; k--) {
            slots -= slotsOf(stack[--size]);
        }
    }

    final void pushAll(ValType[] ts) {
        for (ValType t : ts) {
            push(t);
        }
    }

    /** Pops operands matching the first {@code n} types of {@code ts}. */
    final void popAll(List<ValType> ts, int n) {
        if (n == 0) {
            return;
        }
        ControlFrame f = frames[depth - 1];
        int avail = size - f.height;
        for (int i = 0; i < n; i++) {
            ValType e = ts.get(n - 1 - i);
            if (i < avail) {
                ValType a = stack[size - 1 - i];
                if (a != e && !matches(a, e)) {
                    throw mismatch(ts.subList(0, n), avail);
                }
            } else if (!f.unreachable) {
                throw mismatch(ts.subList(0, n), avail);
            }
        }
        for (int k = Math.min(n, avail); k > 0; k--) {
            slots -= slotsOf(stack[--size]);
        }
    }

    /**
     * Pops a reference operand (any heap type); returns it, {@link #BOT_REF} when unknown. Other operand
     * types are a type mismatch.
     */
    final RefType popRef() {
        ValType t = pop();
        if (t == null) {
            return BOT_REF;
        }
        if (t instanceof RefType r) {
            return r;
        }
        throw error("type mismatch: instruction requires reference type but stack has " + Types.format(t));
    }

    /** Type of the operand {@code fromTop} below the top, null if unknown (polymorphic part). */
    final ValType peek(int fromTop) {
        ControlFrame f = frames[depth - 1];
        if (fromTop >= size - f.height) {
            return null;
        }
        return stack[size - 1 - fromTop];
    }

    /** Checks that the top of the stack matches {@code ts} without popping. */
    final boolean topMatches(List<ValType> ts) {
        ControlFrame f = frames[depth - 1];
        int n = ts.size();
        int avail = size - f.height;
        for (int i = 0; i < n; i++) {
            if (i < avail) {
                if (!matches(stack[size - 1 - i], ts.get(n - 1 - i))) {
                    return false;
                }
            } else if (!f.unreachable) {
                return false;
            }
        }
        return true;
    }

    final InvalidException mismatch(List<ValType> required, int avail) {
        int n = Math.min(required.size(), Math.max(avail, 0));
        List<ValType> has = new ArrayList<>(n);
        for (int i = n - 1; i >= 0; i--) {
            has.add(stack[size - 1 - i]);
        }
        return error("type mismatch: instruction requires " + Types.format(required)
                + " but stack has " + Types.format(has));
    }

    // ---- control frames ----

    /** Opens a frame whose parameters have already been popped; pushes them again. */
    final ControlFrame pushFrame(Opcode kind, FuncType type, int initMark) {
        if (depth == frames.length) {
            frames = Arrays.copyOf(frames, depth * 2);
        }
        ControlFrame f = frames[depth];
        if (f == null) {
            f = frames[depth] = new ControlFrame();
        }
        f.enter(kind, type, size, slots, initMark);
        depth++;
        pushAll(type.params());
        return f;
    }

    final ControlFrame top() {
        return frames[depth - 1];
    }

    /** The frame at label {@code l}, or "unknown label". */
    final ControlFrame label(int l) {
        if (l < 0 || l >= depth) {
            throw error("unknown label " + Integer.toUnsignedString(l));
        }
        return frames[depth - 1 - l];
    }

    /** The rest of the current frame is unreachable: drop its operands, make the stack polymorphic. */
    final void setUnreachable() {
        ControlFrame f = frames[depth - 1];
        size = f.height;
        slots = f.heightSlots;
        f.unreachable = true;
    }

    /** At the end of a frame's instruction sequence: exactly its results must be on the stack. */
    final void checkFrameEnd(ControlFrame f) {
        List<ValType> results = f.type.results();
        if (size - f.height > results.size()) {
            List<ValType> has = new ArrayList<>(Arrays.asList(stack).subList(f.height, size));
            throw error("type mismatch: block requires " + Types.format(results)
                    + " but stack has " + Types.format(has));
        }
        popAll(results);
    }

    /** Back to the frame's entry height (for else and catch). */
    final void resetToFrame(ControlFrame f) {
        size = f.height;
        slots = f.heightSlots;
        f.unreachable = false;
    }

    // ---- CodeState ----

    @Override
    public int offset() {
        return offset;
    }

    @Override
    public int operandSlots() {
        return slots;
    }

    @Override
    public int operandCount() {
        return size;
    }

    @Override
    public ValType operandType(int fromTop) {
        if (fromTop < 0 || fromTop >= size) {
            return null;
        }
        ControlFrame f = frames[depth - 1];
        if (f.unreachable && fromTop >= size - f.height) {
            return null;
        }
        ValType t = stack[size - 1 - fromTop];
        return t == BOT_REF ? null : t;
    }

    @Override
    public boolean unreachable() {
        return frames[depth - 1].unreachable;
    }

    @Override
    public int maxOperandSlots() {
        return maxSlots;
    }

    @Override
    public int frameCount() {
        return depth;
    }

    @Override
    public Frame frame(int d) {
        if (d < 0 || d >= depth) {
            throw new IndexOutOfBoundsException(d);
        }
        return frames[depth - 1 - d];
    }
}
