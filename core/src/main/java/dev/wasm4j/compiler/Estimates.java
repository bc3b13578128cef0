package dev.wasm4j.compiler;

import dev.wasm4j.binary.Immediates;
import dev.wasm4j.model.Imm;
import dev.wasm4j.model.Opcode;

/**
 * How many bytes of JVM bytecode the compiler emits for one Wasm instruction, roughly: what
 * {@link SplitPlan} measures methods with. Calibrated on real programs (Lua, SQLite, the C kernels): over a
 * whole function the estimate stays within about 15% of the bytecode actually generated.
 */
final class Estimates {
    private Estimates() {
    }

    /** Bytes of an inline memory access (address, bounds check, var handle, slow path call). */
    static final int INLINE_ACCESS = 46;
    /**
     * A memory access through a helper method: 10 bytes of the method's own bytecode, but C2 inlines the
     * helper's 30, and what limits a method is C2's inlining budget as much as its own size.
     */
    static final int HELPER_ACCESS = 30;

    static int of(Opcode op, Immediates imm, boolean inlineMemory) {
        if (op.imm() == Imm.MEMARG && op.prefix() != Opcode.SIMD && op.prefix() != Opcode.ATOMIC) {
            return inlineMemory ? INLINE_ACCESS : HELPER_ACCESS;
        }
        if (op.prefix() == Opcode.SIMD) {
            return 16;
        }
        if (op.prefix() == Opcode.ATOMIC) {
            return 14;
        }
        return switch (op) {
            case BLOCK, LOOP, END, NOP -> 0;
            case IF, ELSE, BR, BR_IF, DROP -> 3;
            case LOCAL_GET, LOCAL_SET -> 2;
            case LOCAL_TEE -> 4;
            case I32_CONST, F32_CONST -> 3;
            case I64_CONST, F64_CONST -> 3;
            case BR_TABLE -> 16 + 4 * imm.labels.length;
            case CALL -> 8;
            // the inline cache's check, its two cached calls and the dispatcher's call beside them
            // (ChunkCompiler.emitCacheCheck)
            case CALL_INDIRECT, CALL_REF -> ChunkCompiler.INLINE_CACHES ? 73 : 22;
            case RETURN_CALL, RETURN_CALL_INDIRECT, RETURN_CALL_REF -> 40;
            case RETURN -> 4;
            case GLOBAL_GET -> 6;
            case GLOBAL_SET -> 7;
            case SELECT, SELECT_T -> 12;
            case I32_EQZ, I32_EQ, I32_NE, I32_LT_S, I32_LT_U, I32_GT_S, I32_GT_U, I32_LE_S, I32_LE_U, I32_GE_S,
                 I32_GE_U, I64_EQZ, I64_EQ, I64_NE, I64_LT_S, I64_LT_U, I64_GT_S, I64_GT_U, I64_LE_S, I64_LE_U,
                 I64_GE_S, I64_GE_U -> 6;
            case F32_EQ, F32_NE, F32_LT, F32_GT, F32_LE, F32_GE, F64_EQ, F64_NE, F64_LT, F64_GT, F64_LE, F64_GE -> 14;
            case F32_ADD, F32_SUB, F32_MUL, F32_DIV, F64_ADD, F64_SUB, F64_MUL, F64_DIV -> 9;
            case TRY_TABLE, TRY -> 30;
            case CATCH, CATCH_ALL -> 30;
            case THROW, THROW_REF -> 30;
            default -> 4;
        };
    }
}
