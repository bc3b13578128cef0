package dev.wasm4j.exec.interp;

import dev.wasm4j.exec.ModuleInstance;
import dev.wasm4j.exec.numeric.F32x4Ops;
import dev.wasm4j.exec.numeric.F64x2Ops;
import dev.wasm4j.exec.numeric.I16x8Ops;
import dev.wasm4j.exec.numeric.I32x4Ops;
import dev.wasm4j.exec.numeric.I64x2Ops;
import dev.wasm4j.exec.numeric.I8x16Ops;
import dev.wasm4j.exec.numeric.V128Ops;
import dev.wasm4j.memory.LinearMemory;
import dev.wasm4j.model.AddrType;
import dev.wasm4j.model.Opcode;
import dev.wasm4j.model.ValType;

/**
 * SIMD instructions (spec 4.4.x "Vector Instructions"): memory accesses here, every other operator in the
 * numerics library, which works in place on the slot stack ({@link V128Ops} documents the convention). The
 * translator gives every SIMD op four immediate ints at {@code ins[at..at+3]}: a lane; a memarg (memory,
 * offset low, offset high, lane); or 16 constant/shuffle bytes.
 */
final class VectorOps {
    private static final long MASK32 = 0xFFFF_FFFFL;
    /** Stack height change of each opcode with a fixed signature, in slots. */
    private static final int[] DELTA = new int[Opcode.values().length];

    static {
        for (Opcode op : Opcode.values()) {
            if (op.hasFixedSignature()) {
                DELTA[op.ordinal()] = slots(op.results(AddrType.I32)) - slots(op.params(AddrType.I32));
            }
        }
    }

    private VectorOps() {
    }

    private static int slots(java.util.List<ValType> types) {
        int n = 0;
        for (ValType t : types) {
            n += t.slots();
        }
        return n;
    }

    static int execute(Opcode op, ModuleInstance inst, int[] ins, int at, long[] s, int sp) {
        switch (op.imm()) {
            case MEMARG, MEMARG_LANE -> {
                return memory(op, inst.memories[ins[at]], (ins[at + 1] & MASK32) | (long) ins[at + 2] << 32,
                        ins[at + 3], s, sp);
            }
            case V128 -> {
                s[sp] = lanesLo(ins, at);
                s[sp + 1] = lanesHi(ins, at);
                return sp + 2;
            }
            default -> { }
        }
        switch (op) {
            case I8X16_SHUFFLE -> I8x16Ops.shuffle(s, sp, lanesLo(ins, at), lanesHi(ins, at));
            case I8X16_SWIZZLE -> I8x16Ops.swizzle(s, sp);
            case I8X16_SPLAT -> I8x16Ops.splat(s, sp);
            case I16X8_SPLAT -> I16x8Ops.splat(s, sp);
            case I32X4_SPLAT -> I32x4Ops.splat(s, sp);
            case I64X2_SPLAT -> I64x2Ops.splat(s, sp);
            case F32X4_SPLAT -> F32x4Ops.splat(s, sp);
            case F64X2_SPLAT -> F64x2Ops.splat(s, sp);
            case I8X16_EXTRACT_LANE_S -> I8x16Ops.extractLaneS(s, sp, ins[at]);
            case I8X16_EXTRACT_LANE_U -> I8x16Ops.extractLaneU(s, sp, ins[at]);
            case I8X16_REPLACE_LANE -> I8x16Ops.replaceLane(s, sp, ins[at]);
            case I16X8_EXTRACT_LANE_S -> I16x8Ops.extractLaneS(s, sp, ins[at]);
            case I16X8_EXTRACT_LANE_U -> I16x8Ops.extractLaneU(s, sp, ins[at]);
            case I16X8_REPLACE_LANE -> I16x8Ops.replaceLane(s, sp, ins[at]);
            case I32X4_EXTRACT_LANE -> I32x4Ops.extractLane(s, sp, ins[at]);
            case I32X4_REPLACE_LANE -> I32x4Ops.replaceLane(s, sp, ins[at]);
            case I64X2_EXTRACT_LANE -> I64x2Ops.extractLane(s, sp, ins[at]);
            case I64X2_REPLACE_LANE -> I64x2Ops.replaceLane(s, sp, ins[at]);
            case F32X4_EXTRACT_LANE -> F32x4Ops.extractLane(s, sp, ins[at]);
            case F32X4_REPLACE_LANE -> F32x4Ops.replaceLane(s, sp, ins[at]);
            case F64X2_EXTRACT_LANE -> F64x2Ops.extractLane(s, sp, ins[at]);
            case F64X2_REPLACE_LANE -> F64x2Ops.replaceLane(s, sp, ins[at]);
            case I8X16_EQ -> I8x16Ops.eq(s, sp);
            case I8X16_NE -> I8x16Ops.ne(s, sp);
            case I8X16_LT_S -> I8x16Ops.ltS(s, sp);
            case I8X16_LT_U -> I8x16Ops.ltU(s, sp);
            case I8X16_GT_S -> I8x16Ops.gtS(s, sp);
            case I8X16_GT_U -> I8x16Ops.gtU(s, sp);
            case I8X16_LE_S -> I8x16Ops.leS(s, sp);
            case I8X16_LE_U -> I8x16Ops.leU(s, sp);
            case I8X16_GE_S -> I8x16Ops.geS(s, sp);
            case I8X16_GE_U -> I8x16Ops.geU(s, sp);
            case I16X8_EQ -> I16x8Ops.eq(s, sp);
            case I16X8_NE -> I16x8Ops.ne(s, sp);
            case I16X8_LT_S -> I16x8Ops.ltS(s, sp);
            case I16X8_LT_U -> I16x8Ops.ltU(s, sp);
            case I16X8_GT_S -> I16x8Ops.gtS(s, sp);
            case I16X8_GT_U -> I16x8Ops.gtU(s, sp);
            case I16X8_LE_S -> I16x8Ops.leS(s, sp);
            case I16X8_LE_U -> I16x8Ops.leU(s, sp);
            case I16X8_GE_S -> I16x8Ops.geS(s, sp);
            case I16X8_GE_U -> I16x8Ops.geU(s, sp);
            case I32X4_EQ -> I32x4Ops.eq(s, sp);
            case I32X4_NE -> I32x4Ops.ne(s, sp);
            case I32X4_LT_S -> I32x4Ops.ltS(s, sp);
            case I32X4_LT_U -> I32x4Ops.ltU(s, sp);
            case I32X4_GT_S -> I32x4Ops.gtS(s, sp);
            case I32X4_GT_U -> I32x4Ops.gtU(s, sp);
            case I32X4_LE_S -> I32x4Ops.leS(s, sp);
            case I32X4_LE_U -> I32x4Ops.leU(s, sp);
            case I32X4_GE_S -> I32x4Ops.geS(s, sp);
            case I32X4_GE_U -> I32x4Ops.geU(s, sp);
            case F32X4_EQ -> F32x4Ops.eq(s, sp);
            case F32X4_NE -> F32x4Ops.ne(s, sp);
            case F32X4_LT -> F32x4Ops.lt(s, sp);
            case F32X4_GT -> F32x4Ops.gt(s, sp);
            case F32X4_LE -> F32x4Ops.le(s, sp);
            case F32X4_GE -> F32x4Ops.ge(s, sp);
            case F64X2_EQ -> F64x2Ops.eq(s, sp);
            case F64X2_NE -> F64x2Ops.ne(s, sp);
            case F64X2_LT -> F64x2Ops.lt(s, sp);
            case F64X2_GT -> F64x2Ops.gt(s, sp);
            case F64X2_LE -> F64x2Ops.le(s, sp);
            case F64X2_GE -> F64x2Ops.ge(s, sp);
            case V128_NOT -> V128Ops.not(s, sp);
            case V128_AND -> V128Ops.and(s, sp);
            case V128_ANDNOT -> V128Ops.andnot(s, sp);
            case V128_OR -> V128Ops.or(s, sp);
            case V128_XOR -> V128Ops.xor(s, sp);
            case V128_BITSELECT -> V128Ops.bitselect(s, sp);
            case V128_ANY_TRUE -> V128Ops.anyTrue(s, sp);
            case F32X4_DEMOTE_F64X2_ZERO -> F32x4Ops.demoteF64x2Zero(s, sp);
            case F64X2_PROMOTE_LOW_F32X4 -> F64x2Ops.promoteLowF32x4(s, sp);
            case I8X16_ABS -> I8x16Ops.abs(s, sp);
            case I8X16_NEG -> I8x16Ops.neg(s, sp);
            case I8X16_POPCNT -> I8x16Ops.popcnt(s, sp);
            case I8X16_ALL_TRUE -> I8x16Ops.allTrue(s, sp);
            case I8X16_BITMASK -> I8x16Ops.bitmask(s, sp);
            case I8X16_NARROW_I16X8_S -> I8x16Ops.narrowI16x8S(s, sp);
            case I8X16_NARROW_I16X8_U -> I8x16Ops.narrowI16x8U(s, sp);
            case F32X4_CEIL -> F32x4Ops.ceil(s, sp);
            case F32X4_FLOOR -> F32x4Ops.floor(s, sp);
            case F32X4_TRUNC -> F32x4Ops.trunc(s, sp);
            case F32X4_NEAREST -> F32x4Ops.nearest(s, sp);
            case I8X16_SHL -> I8x16Ops.shl(s, sp);
            case I8X16_SHR_S -> I8x16Ops.shrS(s, sp);
            case I8X16_SHR_U -> I8x16Ops.shrU(s, sp);
            case I8X16_ADD -> I8x16Ops.add(s, sp);
            case I8X16_ADD_SAT_S -> I8x16Ops.addSatS(s, sp);
            case I8X16_ADD_SAT_U -> I8x16Ops.addSatU(s, sp);
            case I8X16_SUB -> I8x16Ops.sub(s, sp);
            case I8X16_SUB_SAT_S -> I8x16Ops.subSatS(s, sp);
            case I8X16_SUB_SAT_U -> I8x16Ops.subSatU(s, sp);
            case F64X2_CEIL -> F64x2Ops.ceil(s, sp);
            case F64X2_FLOOR -> F64x2Ops.floor(s, sp);
            case I8X16_MIN_S -> I8x16Ops.minS(s, sp);
            case I8X16_MIN_U -> I8x16Ops.minU(s, sp);
            case I8X16_MAX_S -> I8x16Ops.maxS(s, sp);
            case I8X16_MAX_U -> I8x16Ops.maxU(s, sp);
            case F64X2_TRUNC -> F64x2Ops.trunc(s, sp);
            case I8X16_AVGR_U -> I8x16Ops.avgrU(s, sp);
            case I16X8_EXTADD_PAIRWISE_I8X16_S -> I16x8Ops.extaddPairwiseI8x16S(s, sp);
            case I16X8_EXTADD_PAIRWISE_I8X16_U -> I16x8Ops.extaddPairwiseI8x16U(s, sp);
            case I32X4_EXTADD_PAIRWISE_I16X8_S -> I32x4Ops.extaddPairwiseI16x8S(s, sp);
            case I32X4_EXTADD_PAIRWISE_I16X8_U -> I32x4Ops.extaddPairwiseI16x8U(s, sp);
            case I16X8_ABS -> I16x8Ops.abs(s, sp);
            case I16X8_NEG -> I16x8Ops.neg(s, sp);
            case I16X8_Q15MULR_SAT_S -> I16x8Ops.q15mulrSatS(s, sp);
            case I16X8_ALL_TRUE -> I16x8Ops.allTrue(s, sp);
            case I16X8_BITMASK -> I16x8Ops.bitmask(s, sp);
            case I16X8_NARROW_I32X4_S -> I16x8Ops.narrowI32x4S(s, sp);
            case I16X8_NARROW_I32X4_U -> I16x8Ops.narrowI32x4U(s, sp);
            case I16X8_EXTEND_LOW_I8X16_S -> I16x8Ops.extendLowI8x16S(s, sp);
            case I16X8_EXTEND_HIGH_I8X16_S -> I16x8Ops.extendHighI8x16S(s, sp);
            case I16X8_EXTEND_LOW_I8X16_U -> I16x8Ops.extendLowI8x16U(s, sp);
            case I16X8_EXTEND_HIGH_I8X16_U -> I16x8Ops.extendHighI8x16U(s, sp);
            case I16X8_SHL -> I16x8Ops.shl(s, sp);
            case I16X8_SHR_S -> I16x8Ops.shrS(s, sp);
            case I16X8_SHR_U -> I16x8Ops.shrU(s, sp);
            case I16X8_ADD -> I16x8Ops.add(s, sp);
            case I16X8_ADD_SAT_S -> I16x8Ops.addSatS(s, sp);
            case I16X8_ADD_SAT_U -> I16x8Ops.addSatU(s, sp);
            case I16X8_SUB -> I16x8Ops.sub(s, sp);
            case I16X8_SUB_SAT_S -> I16x8Ops.subSatS(s, sp);
            case I16X8_SUB_SAT_U -> I16x8Ops.subSatU(s, sp);
            case F64X2_NEAREST -> F64x2Ops.nearest(s, sp);
            case I16X8_MUL -> I16x8Ops.mul(s, sp);
            case I16X8_MIN_S -> I16x8Ops.minS(s, sp);
            case I16X8_MIN_U -> I16x8Ops.minU(s, sp);
            case I16X8_MAX_S -> I16x8Ops.maxS(s, sp);
            case I16X8_MAX_U -> I16x8Ops.maxU(s, sp);
            case I16X8_AVGR_U -> I16x8Ops.avgrU(s, sp);
            case I16X8_EXTMUL_LOW_I8X16_S -> I16x8Ops.extmulLowI8x16S(s, sp);
            case I16X8_EXTMUL_HIGH_I8X16_S -> I16x8Ops.extmulHighI8x16S(s, sp);
            case I16X8_EXTMUL_LOW_I8X16_U -> I16x8Ops.extmulLowI8x16U(s, sp);
            case I16X8_EXTMUL_HIGH_I8X16_U -> I16x8Ops.extmulHighI8x16U(s, sp);
            case I32X4_ABS -> I32x4Ops.abs(s, sp);
            case I32X4_NEG -> I32x4Ops.neg(s, sp);
            case I32X4_ALL_TRUE -> I32x4Ops.allTrue(s, sp);
            case I32X4_BITMASK -> I32x4Ops.bitmask(s, sp);
            case I32X4_EXTEND_LOW_I16X8_S -> I32x4Ops.extendLowI16x8S(s, sp);
            case I32X4_EXTEND_HIGH_I16X8_S -> I32x4Ops.extendHighI16x8S(s, sp);
            case I32X4_EXTEND_LOW_I16X8_U -> I32x4Ops.extendLowI16x8U(s, sp);
            case I32X4_EXTEND_HIGH_I16X8_U -> I32x4Ops.extendHighI16x8U(s, sp);
            case I32X4_SHL -> I32x4Ops.shl(s, sp);
            case I32X4_SHR_S -> I32x4Ops.shrS(s, sp);
            case I32X4_SHR_U -> I32x4Ops.shrU(s, sp);
            case I32X4_ADD -> I32x4Ops.add(s, sp);
            case I32X4_SUB -> I32x4Ops.sub(s, sp);
            case I32X4_MUL -> I32x4Ops.mul(s, sp);
            case I32X4_MIN_S -> I32x4Ops.minS(s, sp);
            case I32X4_MIN_U -> I32x4Ops.minU(s, sp);
            case I32X4_MAX_S -> I32x4Ops.maxS(s, sp);
            case I32X4_MAX_U -> I32x4Ops.maxU(s, sp);
            case I32X4_DOT_I16X8_S -> I32x4Ops.dotI16x8S(s, sp);
            case I32X4_EXTMUL_LOW_I16X8_S -> I32x4Ops.extmulLowI16x8S(s, sp);
            case I32X4_EXTMUL_HIGH_I16X8_S -> I32x4Ops.extmulHighI16x8S(s, sp);
            case I32X4_EXTMUL_LOW_I16X8_U -> I32x4Ops.extmulLowI16x8U(s, sp);
            case I32X4_EXTMUL_HIGH_I16X8_U -> I32x4Ops.extmulHighI16x8U(s, sp);
            case I64X2_ABS -> I64x2Ops.abs(s, sp);
            case I64X2_NEG -> I64x2Ops.neg(s, sp);
            case I64X2_ALL_TRUE -> I64x2Ops.allTrue(s, sp);
            case I64X2_BITMASK -> I64x2Ops.bitmask(s, sp);
            case I64X2_EXTEND_LOW_I32X4_S -> I64x2Ops.extendLowI32x4S(s, sp);
            case I64X2_EXTEND_HIGH_I32X4_S -> I64x2Ops.extendHighI32x4S(s, sp);
            case I64X2_EXTEND_LOW_I32X4_U -> I64x2Ops.extendLowI32x4U(s, sp);
            case I64X2_EXTEND_HIGH_I32X4_U -> I64x2Ops.extendHighI32x4U(s, sp);
            case I64X2_SHL -> I64x2Ops.shl(s, sp);
            case I64X2_SHR_S -> I64x2Ops.shrS(s, sp);
            case I64X2_SHR_U -> I64x2Ops.shrU(s, sp);
            case I64X2_ADD -> I64x2Ops.add(s, sp);
            case I64X2_SUB -> I64x2Ops.sub(s, sp);
            case I64X2_MUL -> I64x2Ops.mul(s, sp);
            case I64X2_EQ -> I64x2Ops.eq(s, sp);
            case I64X2_NE -> I64x2Ops.ne(s, sp);
            case I64X2_LT_S -> I64x2Ops.ltS(s, sp);
            case I64X2_GT_S -> I64x2Ops.gtS(s, sp);
            case I64X2_LE_S -> I64x2Ops.leS(s, sp);
            case I64X2_GE_S -> I64x2Ops.geS(s, sp);
            case I64X2_EXTMUL_LOW_I32X4_S -> I64x2Ops.extmulLowI32x4S(s, sp);
            case I64X2_EXTMUL_HIGH_I32X4_S -> I64x2Ops.extmulHighI32x4S(s, sp);
            case I64X2_EXTMUL_LOW_I32X4_U -> I64x2Ops.extmulLowI32x4U(s, sp);
            case I64X2_EXTMUL_HIGH_I32X4_U -> I64x2Ops.extmulHighI32x4U(s, sp);
            case F32X4_ABS -> F32x4Ops.abs(s, sp);
            case F32X4_NEG -> F32x4Ops.neg(s, sp);
            case F32X4_SQRT -> F32x4Ops.sqrt(s, sp);
            case F32X4_ADD -> F32x4Ops.add(s, sp);
            case F32X4_SUB -> F32x4Ops.sub(s, sp);
            case F32X4_MUL -> F32x4Ops.mul(s, sp);
            case F32X4_DIV -> F32x4Ops.div(s, sp);
            case F32X4_MIN -> F32x4Ops.min(s, sp);
            case F32X4_MAX -> F32x4Ops.max(s, sp);
            case F32X4_PMIN -> F32x4Ops.pmin(s, sp);
            case F32X4_PMAX -> F32x4Ops.pmax(s, sp);
            case F64X2_ABS -> F64x2Ops.abs(s, sp);
            case F64X2_NEG -> F64x2Ops.neg(s, sp);
            case F64X2_SQRT -> F64x2Ops.sqrt(s, sp);
            case F64X2_ADD -> F64x2Ops.add(s, sp);
            case F64X2_SUB -> F64x2Ops.sub(s, sp);
            case F64X2_MUL -> F64x2Ops.mul(s, sp);
            case F64X2_DIV -> F64x2Ops.div(s, sp);
            case F64X2_MIN -> F64x2Ops.min(s, sp);
            case F64X2_MAX -> F64x2Ops.max(s, sp);
            case F64X2_PMIN -> F64x2Ops.pmin(s, sp);
            case F64X2_PMAX -> F64x2Ops.pmax(s, sp);
            case I32X4_TRUNC_SAT_F32X4_S -> I32x4Ops.truncSatF32x4S(s, sp);
            case I32X4_TRUNC_SAT_F32X4_U -> I32x4Ops.truncSatF32x4U(s, sp);
            case F32X4_CONVERT_I32X4_S -> F32x4Ops.convertI32x4S(s, sp);
            case F32X4_CONVERT_I32X4_U -> F32x4Ops.convertI32x4U(s, sp);
            case I32X4_TRUNC_SAT_F64X2_S_ZERO -> I32x4Ops.truncSatF64x2SZero(s, sp);
            case I32X4_TRUNC_SAT_F64X2_U_ZERO -> I32x4Ops.truncSatF64x2UZero(s, sp);
            case F64X2_CONVERT_LOW_I32X4_S -> F64x2Ops.convertLowI32x4S(s, sp);
            case F64X2_CONVERT_LOW_I32X4_U -> F64x2Ops.convertLowI32x4U(s, sp);
            case I8X16_RELAXED_SWIZZLE -> I8x16Ops.relaxedSwizzle(s, sp);
            case I32X4_RELAXED_TRUNC_F32X4_S -> I32x4Ops.relaxedTruncF32x4S(s, sp);
            case I32X4_RELAXED_TRUNC_F32X4_U -> I32x4Ops.relaxedTruncF32x4U(s, sp);
            case I32X4_RELAXED_TRUNC_F64X2_S_ZERO -> I32x4Ops.relaxedTruncF64x2SZero(s, sp);
            case I32X4_RELAXED_TRUNC_F64X2_U_ZERO -> I32x4Ops.relaxedTruncF64x2UZero(s, sp);
            case F32X4_RELAXED_MADD -> F32x4Ops.relaxedMadd(s, sp);
            case F32X4_RELAXED_NMADD -> F32x4Ops.relaxedNmadd(s, sp);
            case F64X2_RELAXED_MADD -> F64x2Ops.relaxedMadd(s, sp);
            case F64X2_RELAXED_NMADD -> F64x2Ops.relaxedNmadd(s, sp);
            case I8X16_RELAXED_LANESELECT -> I8x16Ops.relaxedLaneselect(s, sp);
            case I16X8_RELAXED_LANESELECT -> I16x8Ops.relaxedLaneselect(s, sp);
            case I32X4_RELAXED_LANESELECT -> I32x4Ops.relaxedLaneselect(s, sp);
            case I64X2_RELAXED_LANESELECT -> I64x2Ops.relaxedLaneselect(s, sp);
            case F32X4_RELAXED_MIN -> F32x4Ops.relaxedMin(s, sp);
            case F32X4_RELAXED_MAX -> F32x4Ops.relaxedMax(s, sp);
            case F64X2_RELAXED_MIN -> F64x2Ops.relaxedMin(s, sp);
            case F64X2_RELAXED_MAX -> F64x2Ops.relaxedMax(s, sp);
            case I16X8_RELAXED_Q15MULR_S -> I16x8Ops.relaxedQ15mulrS(s, sp);
            case I16X8_RELAXED_DOT_I8X16_I7X16_S -> I16x8Ops.relaxedDotI8x16I7x16S(s, sp);
            case I32X4_RELAXED_DOT_I8X16_I7X16_ADD_S -> I32x4Ops.relaxedDotI8x16I7x16AddS(s, sp);
            default -> throw new IllegalStateException("not a vector operator: " + op);
        }
        return sp + DELTA[op.ordinal()];
    }

    static long lanesLo(int[] ins, int at) {
        return (ins[at] & MASK32) | (long) ins[at + 1] << 32;
    }

    static long lanesHi(int[] ins, int at) {
        return (ins[at + 2] & MASK32) | (long) ins[at + 3] << 32;
    }

    /** v128 loads and stores: whole, extending, splatting, zero-filling and single-lane. */
    private static int memory(Opcode op, LinearMemory m, long offset, int lane, long[] s, int sp) {
        switch (op) {
            case V128_STORE -> {
                long ea = SlowOps.effective(m, s[sp - 3], offset);
                if (ea < 0 || ea > m.byteSize() - 16) {
                    throw LinearMemory.outOfBounds();
                }
                m.storeI64(ea, s[sp - 2]);
                m.storeI64(ea + 8, s[sp - 1]);
                return sp - 3;
            }
            case V128_STORE8_LANE, V128_STORE16_LANE, V128_STORE32_LANE, V128_STORE64_LANE -> {
                long ea = SlowOps.effective(m, s[sp - 3], offset);
                int bits = 8 * op.width();
                long word = lane * bits < 64 ? s[sp - 2] : s[sp - 1];
                long v = word >>> (lane * bits % 64);
                switch (op.width()) {
                    case 1 -> m.storeI8(ea, (byte) v);
                    case 2 -> m.storeI16(ea, (short) v);
                    case 4 -> m.storeI32(ea, (int) v);
                    default -> m.storeI64(ea, v);
                }
                return sp - 3;
            }
            case V128_LOAD8_LANE, V128_LOAD16_LANE, V128_LOAD32_LANE, V128_LOAD64_LANE -> {
                long ea = SlowOps.effective(m, s[sp - 3], offset);
                int bits = 8 * op.width();
                long v = switch (op.width()) {
                    case 1 -> m.loadI8(ea) & 0xFFL;
                    case 2 -> m.loadI16(ea) & 0xFFFFL;
                    case 4 -> m.loadI32(ea) & MASK32;
                    default -> m.loadI64(ea);
                };
                int half = lane * bits < 64 ? sp - 2 : sp - 1;
                int shift = lane * bits % 64;
                long mask = bits == 64 ? -1L : ((1L << bits) - 1) << shift;
                s[half] = s[half] & ~mask | v << shift;
                s[sp - 3] = s[sp - 2];
                s[sp - 2] = s[sp - 1];
                return sp - 1;
            }
            default -> { }
        }
        long ea = SlowOps.effective(m, s[sp - 1], offset);
        sp -= 1;
        switch (op) {
            case V128_LOAD -> {
                if (ea < 0 || ea > m.byteSize() - 16) {
                    throw LinearMemory.outOfBounds();
                }
                s[sp] = m.loadI64(ea);
                s[sp + 1] = m.loadI64(ea + 8);
            }
            case V128_LOAD8X8_S, V128_LOAD8X8_U, V128_LOAD16X4_S, V128_LOAD16X4_U, V128_LOAD32X2_S,
                 V128_LOAD32X2_U -> {
                s[sp] = m.loadI64(ea);
                s[sp + 1] = 0;
                switch (op) {
                    case V128_LOAD8X8_S -> I16x8Ops.extendLowI8x16S(s, sp + 2);
                    case V128_LOAD8X8_U -> I16x8Ops.extendLowI8x16U(s, sp + 2);
                    case V128_LOAD16X4_S -> I32x4Ops.extendLowI16x8S(s, sp + 2);
                    case V128_LOAD16X4_U -> I32x4Ops.extendLowI16x8U(s, sp + 2);
                    case V128_LOAD32X2_S -> I64x2Ops.extendLowI32x4S(s, sp + 2);
                    default -> I64x2Ops.extendLowI32x4U(s, sp + 2);
                }
            }
            case V128_LOAD8_SPLAT -> {
                s[sp] = m.loadI8(ea);
                I8x16Ops.splat(s, sp + 1);
            }
            case V128_LOAD16_SPLAT -> {
                s[sp] = m.loadI16(ea);
                I16x8Ops.splat(s, sp + 1);
            }
            case V128_LOAD32_SPLAT -> {
                s[sp] = m.loadI32(ea);
                I32x4Ops.splat(s, sp + 1);
            }
            case V128_LOAD64_SPLAT -> {
                s[sp] = m.loadI64(ea);
                I64x2Ops.splat(s, sp + 1);
            }
            case V128_LOAD32_ZERO -> {
                s[sp] = m.loadI32(ea) & MASK32;
                s[sp + 1] = 0;
            }
            case V128_LOAD64_ZERO -> {
                s[sp] = m.loadI64(ea);
                s[sp + 1] = 0;
            }
            default -> throw new IllegalStateException("not a vector memory operator: " + op);
        }
        return sp + 2;
    }
}
