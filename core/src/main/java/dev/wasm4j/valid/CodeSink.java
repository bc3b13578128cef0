package dev.wasm4j.valid;

import dev.wasm4j.binary.Immediates;
import dev.wasm4j.model.FuncType;
import dev.wasm4j.model.Opcode;
import dev.wasm4j.model.ValType;

import java.util.List;

/**
 * Receives a function body instruction by instruction while the validator types it. This is how the
 * execution tiers (interpreter translator, bytecode compiler) learn operand types, stack heights and branch
 * targets without re-deriving them.
 *
 * <p>Protocol: {@link #beginFunction}, then {@link #instruction} for every instruction including the final
 * {@code end} (also for instructions in unreachable code, where {@link CodeState#unreachable()} is true), then
 * {@link #endFunction}. {@code instruction} is called <em>before</em> the validator applies the
 * instruction's typing, so its operands are still on the state's operand stack and, for {@code end} and
 * {@code else}, the frame being closed is still frame 0.
 */
public interface CodeSink {

    /**
     * Start of a function body. {@code locals} lists every local slot's type: the parameters, then the
     * declared locals expanded. For a constant expression {@code funcIndex} is -1 and {@code type} is
     * {@code [] -> [t]}.
     */
    void beginFunction(int funcIndex, FuncType type, List<ValType> locals);

    /** One instruction; {@code imm} is reused by the reader, copy what you keep. */
    void instruction(Opcode op, Immediates imm, CodeState state);

    /** After the final {@code end}; {@link CodeState#maxOperandSlots()} is then final. */
    void endFunction(CodeState state);

    /** A sink that ignores everything: plain validation. */
    CodeSink NONE = new CodeSink() {
        @Override
        public void beginFunction(int funcIndex, FuncType type, List<ValType> locals) {
        }

        @Override
        public void instruction(Opcode op, Immediates imm, CodeState state) {
        }

        @Override
        public void endFunction(CodeState state) {
        }
    };
}
