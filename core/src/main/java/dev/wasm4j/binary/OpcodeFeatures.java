package dev.wasm4j.binary;

import dev.wasm4j.model.Feature;
import dev.wasm4j.model.Opcode;

/**
 * Which {@link Feature} each instruction belongs to. The decoder reports an instruction of a disabled feature
 * as {@code illegal opcode}, exactly as if the opcode did not exist.
 */
public final class OpcodeFeatures {

    private OpcodeFeatures() {
    }

    /** The feature {@code op} needs, or null for the instructions of the Wasm 2.0 core. */
    public static Feature required(Opcode op) {
        return switch (op.prefix()) {
            case Opcode.SIMD -> op.code() >= 0x100 ? Feature.RELAXED_SIMD : Feature.SIMD;
            case Opcode.ATOMIC -> Feature.THREADS;
            case Opcode.GC -> op == Opcode.REF_FREEZE ? Feature.FROZEN : Feature.GC;
            default -> switch (op) {
                case TRY, CATCH, RETHROW, DELEGATE, CATCH_ALL -> Feature.LEGACY_EXCEPTIONS;
                case THROW, THROW_REF, TRY_TABLE -> Feature.EXCEPTIONS;
                case RETURN_CALL, RETURN_CALL_INDIRECT, RETURN_CALL_REF -> Feature.TAIL_CALL;
                case CALL_REF, REF_AS_NON_NULL, BR_ON_NULL, BR_ON_NON_NULL -> Feature.FUNCTION_REFERENCES;
                case REF_EQ -> Feature.GC;
                case MEMORY_DISCARD, MEMORY_MAP, MEMORY_UNMAP, MEMORY_PROTECT -> Feature.MEMORY_CONTROL;
                case I64_ADD128, I64_SUB128, I64_MUL_WIDE_S, I64_MUL_WIDE_U -> Feature.WIDE_ARITHMETIC;
                default -> null;
            };
        };
    }
}
