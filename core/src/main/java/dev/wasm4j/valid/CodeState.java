package dev.wasm4j.valid;

import dev.wasm4j.model.FuncType;
import dev.wasm4j.model.Opcode;
import dev.wasm4j.model.ValType;

import java.util.List;

/**
 * A read-only view of the validator's state at the current instruction, for a {@link CodeSink}. Heights
 * are counted in slots (a v128 takes 2, every other value 1) from the bottom of the function's operand
 * stack, which sits just above its locals.
 */
public interface CodeState {

    /** Byte offset of the current instruction in the module binary. */
    int offset();

    /** Current operand stack height, in slots. */
    int operandSlots();

    /** Current operand stack height, in values. */
    int operandCount();

    /**
     * Type of the operand {@code fromTop} values below the top (0 = top), or null when it is unknown
     * (the polymorphic stack of unreachable code).
     */
    ValType operandType(int fromTop);

    /** True when the current instruction can never execute (it follows br, return, unreachable, ...). */
    boolean unreachable();

    /** Highest operand stack height in slots reached so far; final at {@link CodeSink#endFunction}. */
    int maxOperandSlots();

    /** Number of open control frames; the function body itself is the outermost frame. */
    int frameCount();

    /** Control frame at label depth {@code depth} (0 = innermost, {@code frameCount() - 1} = function). */
    Frame frame(int depth);

    /** An open control frame, as seen from the current instruction. */
    interface Frame {

        /**
         * BLOCK, LOOP, IF, ELSE (an if after its else), TRY_TABLE, TRY, CATCH, CATCH_ALL (legacy), or null
         * for the function body.
         */
        Opcode kind();

        /** The frame's block type {@code [params] -> [results]}. */
        FuncType type();

        /** Operand stack height in slots when the frame was entered, below its parameters. */
        int heightSlots();

        /** Types a branch to this frame's label carries: params for a loop, results otherwise. */
        List<ValType> labelTypes();

        /** Slots a branch to this label carries. */
        int labelSlots();

        /** True when the rest of this frame is unreachable. */
        boolean unreachable();
    }
}
