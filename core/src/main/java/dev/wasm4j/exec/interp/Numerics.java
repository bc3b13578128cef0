package dev.wasm4j.exec.interp;

import dev.wasm4j.exec.numeric.Conversions;
import dev.wasm4j.exec.numeric.F32Ops;
import dev.wasm4j.exec.numeric.F64Ops;
import dev.wasm4j.exec.numeric.I64Ops;
import dev.wasm4j.model.Opcode;

/** Dispatches the interpreter's out-of-line numeric ops to the numerics library. */
final class Numerics {
    private Numerics() {
    }

    static long unary(int op, long a) {
        return switch (op) {
            case Ops.F32_CEIL -> F32Ops.ceil((int) a);
            case Ops.F32_FLOOR -> F32Ops.floor((int) a);
            case Ops.F32_TRUNC -> F32Ops.trunc((int) a);
            case Ops.F32_NEAREST -> F32Ops.nearest((int) a);
            case Ops.F32_SQRT -> F32Ops.sqrt((int) a);
            case Ops.F64_CEIL -> F64Ops.ceil(a);
            case Ops.F64_FLOOR -> F64Ops.floor(a);
            case Ops.F64_TRUNC -> F64Ops.trunc(a);
            case Ops.F64_NEAREST -> F64Ops.nearest(a);
            case Ops.F64_SQRT -> F64Ops.sqrt(a);
            default -> throw new IllegalStateException(Ops.name(op));
        };
    }

    static long binary(int op, long a, long b) {
        return switch (op) {
            case Ops.F32_MIN -> F32Ops.min((int) a, (int) b);
            case Ops.F32_MAX -> F32Ops.max((int) a, (int) b);
            case Ops.F32_COPYSIGN -> F32Ops.copysign((int) a, (int) b);
            case Ops.F64_MIN -> F64Ops.min(a, b);
            case Ops.F64_MAX -> F64Ops.max(a, b);
            case Ops.F64_COPYSIGN -> F64Ops.copysign(a, b);
            default -> throw new IllegalStateException(Ops.name(op));
        };
    }

    static long convert(Opcode op, long a) {
        return switch (op) {
            case I32_TRUNC_F32_S -> Conversions.i32TruncF32S((int) a);
            case I32_TRUNC_F32_U -> Conversions.i32TruncF32U((int) a);
            case I32_TRUNC_F64_S -> Conversions.i32TruncF64S(a);
            case I32_TRUNC_F64_U -> Conversions.i32TruncF64U(a);
            case I64_TRUNC_F32_S -> Conversions.i64TruncF32S((int) a);
            case I64_TRUNC_F32_U -> Conversions.i64TruncF32U((int) a);
            case I64_TRUNC_F64_S -> Conversions.i64TruncF64S(a);
            case I64_TRUNC_F64_U -> Conversions.i64TruncF64U(a);
            case I32_TRUNC_SAT_F32_S -> Conversions.i32TruncSatF32S((int) a);
            case I32_TRUNC_SAT_F32_U -> Conversions.i32TruncSatF32U((int) a);
            case I32_TRUNC_SAT_F64_S -> Conversions.i32TruncSatF64S(a);
            case I32_TRUNC_SAT_F64_U -> Conversions.i32TruncSatF64U(a);
            case I64_TRUNC_SAT_F32_S -> Conversions.i64TruncSatF32S((int) a);
            case I64_TRUNC_SAT_F32_U -> Conversions.i64TruncSatF32U((int) a);
            case I64_TRUNC_SAT_F64_S -> Conversions.i64TruncSatF64S(a);
            case I64_TRUNC_SAT_F64_U -> Conversions.i64TruncSatF64U(a);
            case F32_CONVERT_I32_S -> Conversions.f32ConvertI32S((int) a);
            case F32_CONVERT_I32_U -> Conversions.f32ConvertI32U((int) a);
            case F32_CONVERT_I64_S -> Conversions.f32ConvertI64S(a);
            case F32_CONVERT_I64_U -> Conversions.f32ConvertI64U(a);
            case F32_DEMOTE_F64 -> Conversions.f32DemoteF64(a);
            case F64_CONVERT_I32_S -> Conversions.f64ConvertI32S((int) a);
            case F64_CONVERT_I32_U -> Conversions.f64ConvertI32U((int) a);
            case F64_CONVERT_I64_S -> Conversions.f64ConvertI64S(a);
            case F64_CONVERT_I64_U -> Conversions.f64ConvertI64U(a);
            case F64_PROMOTE_F32 -> Conversions.f64PromoteF32((int) a);
            default -> throw new IllegalStateException("not a conversion: " + op);
        };
    }

    static int wide(Opcode op, long[] s, int sp) {
        switch (op) {
            case I64_ADD128 -> {
                I64Ops.add128(s, sp);
                return sp - 2;
            }
            case I64_SUB128 -> {
                I64Ops.sub128(s, sp);
                return sp - 2;
            }
            case I64_MUL_WIDE_S -> I64Ops.mulWideS(s, sp);
            case I64_MUL_WIDE_U -> I64Ops.mulWideU(s, sp);
            default -> throw new IllegalStateException("not wide arithmetic: " + op);
        }
        return sp;
    }
}
