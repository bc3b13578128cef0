package dev.wasm4j.valid;

import dev.wasm4j.model.Feature;
import dev.wasm4j.model.Opcode;

/**
 * Which instructions a constant expression may contain (spec 3.4.2, with extended constants and GC):
 * constants, {@code global.get} of an immutable global (checked by the {@code global.get} rule), reference
 * constructors, the GC allocation instructions, the extern/any conversions, and with extended constants
 * i32/i64 add, sub and mul.
 */
final class ConstExprs {

    private ConstExprs() {
    }

    static void check(CodeValidator v, Opcode op) {
        if (!isConstant(op, v.ctx.features.has(Feature.EXTENDED_CONST))) {
            throw v.error("constant expression required");
        }
    }

    static boolean isConstant(Opcode op, boolean extendedConst) {
        return switch (op) {
            case I32_CONST, I64_CONST, F32_CONST, F64_CONST, V128_CONST, GLOBAL_GET, END,
                 REF_NULL, REF_FUNC, REF_I31, STRUCT_NEW, STRUCT_NEW_DEFAULT,
                 ARRAY_NEW, ARRAY_NEW_DEFAULT, ARRAY_NEW_FIXED, ANY_CONVERT_EXTERN, EXTERN_CONVERT_ANY -> true;
            case I32_ADD, I32_SUB, I32_MUL, I64_ADD, I64_SUB, I64_MUL -> extendedConst;
            default -> false;
        };
    }
}
