package dev.wasm4j.valid;

import dev.wasm4j.binary.Immediates;
import dev.wasm4j.model.FuncType;
import dev.wasm4j.model.Opcode;
import dev.wasm4j.model.ValType;

import java.util.List;

/**
 * A function body walked one instruction at a time, exactly as validation typed it: the pull form of
 * {@link ValidModule#replayFunction}, for a tier that must decide where code goes before it emits it (the
 * compiler, which moves parts of a large function into methods of their own while it walks).
 *
 * <p>After {@link #advance} returns true, {@link #op}, {@link #imm} and {@link #state} describe the current
 * instruction and the state before it, as {@link CodeSink#instruction} would see them; the next
 * {@code advance} applies its typing and moves on. The final {@code end} is the last instruction.
 */
public interface CodeWalk {

    /** Index of the function walked. */
    int funcIndex();

    /** The function's type. */
    FuncType type();

    /** Every local's type: the parameters, then the declared locals expanded. */
    List<ValType> locals();

    /** Moves to the next instruction; false after the final {@code end}. */
    boolean advance();

    /** The current instruction. */
    Opcode op();

    /** Its immediates; reused by the walk, copy what you keep. */
    Immediates imm();

    /** Its position in the body, counting instructions from 0. */
    int index();

    /** The validator's state before the current instruction. */
    CodeState state();
}
