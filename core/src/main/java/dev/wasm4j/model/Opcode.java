package dev.wasm4j.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every instruction wasm4j knows, once: its encoding (prefix byte and code), its text mnemonic, the
 * immediates it carries and, for instructions whose typing is fixed, its stack signature. The decoder,
 * encoder, text parser, printer and the validator's generic arm all derive from this table.
 *
 * <p>Signatures read {@code "i32 i32 -> i32"}; {@code a} stands for the address type of the instruction's
 * memory (i32 or i64 with memory64). A null signature means the typing depends on immediates or on the
 * context and the validator has a hand-written rule. {@code width} is the number of bytes a memory access
 * touches (for alignment checks); 0 for other instructions.
 *
 * <p>A few instructions share a text keyword and differ in encoding: {@link #SELECT_T} is written
 * {@code select (result t)}, {@link #REF_TEST_NULL} and {@link #REF_CAST_NULL} are {@code ref.test} and
 * {@code ref.cast} with a nullable reference type. {@link #textKeyword()} gives the written keyword.
 *
 * <p>Proposal encodings: 0xFC 0x12 {@code memory.discard} (SpiderMonkey's prototype), 0xFC 0x13..0x16 the
 * wide-arithmetic proposal, 0xFC 0x20..0x22 {@code memory.map/unmap/protect}, chosen by wasm4j for the
 * memory control proposal (docs/proposals/memory-control.md), and 0xFB 0x30 {@code ref.freeze}, chosen by
 * wasm4j for the frozen proposal past the GC bytes other proposals use (docs/proposals/frozen.md).
 *
 * <p>Part of the decoded module's structure, shared by the engine's packages; not API (see module-info).
 *
 * @hidden
 */
public enum Opcode {
    UNREACHABLE(Prefix.SINGLE, 0x00, "unreachable", Imm.NONE, null),
    NOP(Prefix.SINGLE, 0x01, "nop", Imm.NONE, "->"),
    BLOCK(Prefix.SINGLE, 0x02, "block", Imm.BLOCK, null),
    LOOP(Prefix.SINGLE, 0x03, "loop", Imm.BLOCK, null),
    IF(Prefix.SINGLE, 0x04, "if", Imm.BLOCK, null),
    ELSE(Prefix.SINGLE, 0x05, "else", Imm.NONE, null),
    TRY(Prefix.SINGLE, 0x06, "try", Imm.BLOCK, null),
    CATCH(Prefix.SINGLE, 0x07, "catch", Imm.TAG, null),
    THROW(Prefix.SINGLE, 0x08, "throw", Imm.TAG, null),
    RETHROW(Prefix.SINGLE, 0x09, "rethrow", Imm.LABEL, null),
    THROW_REF(Prefix.SINGLE, 0x0A, "throw_ref", Imm.NONE, null),
    END(Prefix.SINGLE, 0x0B, "end", Imm.NONE, null),
    BR(Prefix.SINGLE, 0x0C, "br", Imm.LABEL, null),
    BR_IF(Prefix.SINGLE, 0x0D, "br_if", Imm.LABEL, null),
    BR_TABLE(Prefix.SINGLE, 0x0E, "br_table", Imm.BR_TABLE, null),
    RETURN(Prefix.SINGLE, 0x0F, "return", Imm.NONE, null),
    CALL(Prefix.SINGLE, 0x10, "call", Imm.FUNC, null),
    CALL_INDIRECT(Prefix.SINGLE, 0x11, "call_indirect", Imm.CALL_INDIRECT, null),
    RETURN_CALL(Prefix.SINGLE, 0x12, "return_call", Imm.FUNC, null),
    RETURN_CALL_INDIRECT(Prefix.SINGLE, 0x13, "return_call_indirect", Imm.CALL_INDIRECT, null),
    CALL_REF(Prefix.SINGLE, 0x14, "call_ref", Imm.TYPE, null),
    RETURN_CALL_REF(Prefix.SINGLE, 0x15, "return_call_ref", Imm.TYPE, null),
    DELEGATE(Prefix.SINGLE, 0x18, "delegate", Imm.LABEL, null),
    CATCH_ALL(Prefix.SINGLE, 0x19, "catch_all", Imm.NONE, null),
    DROP(Prefix.SINGLE, 0x1A, "drop", Imm.NONE, null),
    SELECT(Prefix.SINGLE, 0x1B, "select", Imm.NONE, null),
    SELECT_T(Prefix.SINGLE, 0x1C, "select_t", Imm.SELECT_TYPES, null),
    TRY_TABLE(Prefix.SINGLE, 0x1F, "try_table", Imm.TRY_TABLE, null),
    LOCAL_GET(Prefix.SINGLE, 0x20, "local.get", Imm.LOCAL, null),
    LOCAL_SET(Prefix.SINGLE, 0x21, "local.set", Imm.LOCAL, null),
    LOCAL_TEE(Prefix.SINGLE, 0x22, "local.tee", Imm.LOCAL, null),
    GLOBAL_GET(Prefix.SINGLE, 0x23, "global.get", Imm.GLOBAL, null),
    GLOBAL_SET(Prefix.SINGLE, 0x24, "global.set", Imm.GLOBAL, null),
    TABLE_GET(Prefix.SINGLE, 0x25, "table.get", Imm.TABLE, null),
    TABLE_SET(Prefix.SINGLE, 0x26, "table.set", Imm.TABLE, null),
    I32_LOAD(Prefix.SINGLE, 0x28, "i32.load", Imm.MEMARG, "a -> i32", 4),
    I64_LOAD(Prefix.SINGLE, 0x29, "i64.load", Imm.MEMARG, "a -> i64", 8),
    F32_LOAD(Prefix.SINGLE, 0x2A, "f32.load", Imm.MEMARG, "a -> f32", 4),
    F64_LOAD(Prefix.SINGLE, 0x2B, "f64.load", Imm.MEMARG, "a -> f64", 8),
    I32_LOAD8_S(Prefix.SINGLE, 0x2C, "i32.load8_s", Imm.MEMARG, "a -> i32", 1),
    I32_LOAD8_U(Prefix.SINGLE, 0x2D, "i32.load8_u", Imm.MEMARG, "a -> i32", 1),
    I32_LOAD16_S(Prefix.SINGLE, 0x2E, "i32.load16_s", Imm.MEMARG, "a -> i32", 2),
    I32_LOAD16_U(Prefix.SINGLE, 0x2F, "i32.load16_u", Imm.MEMARG, "a -> i32", 2),
    I64_LOAD8_S(Prefix.SINGLE, 0x30, "i64.load8_s", Imm.MEMARG, "a -> i64", 1),
    I64_LOAD8_U(Prefix.SINGLE, 0x31, "i64.load8_u", Imm.MEMARG, "a -> i64", 1),
    I64_LOAD16_S(Prefix.SINGLE, 0x32, "i64.load16_s", Imm.MEMARG, "a -> i64", 2),
    I64_LOAD16_U(Prefix.SINGLE, 0x33, "i64.load16_u", Imm.MEMARG, "a -> i64", 2),
    I64_LOAD32_S(Prefix.SINGLE, 0x34, "i64.load32_s", Imm.MEMARG, "a -> i64", 4),
    I64_LOAD32_U(Prefix.SINGLE, 0x35, "i64.load32_u", Imm.MEMARG, "a -> i64", 4),
    I32_STORE(Prefix.SINGLE, 0x36, "i32.store", Imm.MEMARG, "a i32 ->", 4),
    I64_STORE(Prefix.SINGLE, 0x37, "i64.store", Imm.MEMARG, "a i64 ->", 8),
    F32_STORE(Prefix.SINGLE, 0x38, "f32.store", Imm.MEMARG, "a f32 ->", 4),
    F64_STORE(Prefix.SINGLE, 0x39, "f64.store", Imm.MEMARG, "a f64 ->", 8),
    I32_STORE8(Prefix.SINGLE, 0x3A, "i32.store8", Imm.MEMARG, "a i32 ->", 1),
    I32_STORE16(Prefix.SINGLE, 0x3B, "i32.store16", Imm.MEMARG, "a i32 ->", 2),
    I64_STORE8(Prefix.SINGLE, 0x3C, "i64.store8", Imm.MEMARG, "a i64 ->", 1),
    I64_STORE16(Prefix.SINGLE, 0x3D, "i64.store16", Imm.MEMARG, "a i64 ->", 2),
    I64_STORE32(Prefix.SINGLE, 0x3E, "i64.store32", Imm.MEMARG, "a i64 ->", 4),
    MEMORY_SIZE(Prefix.SINGLE, 0x3F, "memory.size", Imm.MEMORY, "-> a"),
    MEMORY_GROW(Prefix.SINGLE, 0x40, "memory.grow", Imm.MEMORY, "a -> a"),
    I32_CONST(Prefix.SINGLE, 0x41, "i32.const", Imm.I32, "-> i32"),
    I64_CONST(Prefix.SINGLE, 0x42, "i64.const", Imm.I64, "-> i64"),
    F32_CONST(Prefix.SINGLE, 0x43, "f32.const", Imm.F32, "-> f32"),
    F64_CONST(Prefix.SINGLE, 0x44, "f64.const", Imm.F64, "-> f64"),
    I32_EQZ(Prefix.SINGLE, 0x45, "i32.eqz", Imm.NONE, "i32 -> i32"),
    I32_EQ(Prefix.SINGLE, 0x46, "i32.eq", Imm.NONE, "i32 i32 -> i32"),
    I32_NE(Prefix.SINGLE, 0x47, "i32.ne", Imm.NONE, "i32 i32 -> i32"),
    I32_LT_S(Prefix.SINGLE, 0x48, "i32.lt_s", Imm.NONE, "i32 i32 -> i32"),
    I32_LT_U(Prefix.SINGLE, 0x49, "i32.lt_u", Imm.NONE, "i32 i32 -> i32"),
    I32_GT_S(Prefix.SINGLE, 0x4A, "i32.gt_s", Imm.NONE, "i32 i32 -> i32"),
    I32_GT_U(Prefix.SINGLE, 0x4B, "i32.gt_u", Imm.NONE, "i32 i32 -> i32"),
    I32_LE_S(Prefix.SINGLE, 0x4C, "i32.le_s", Imm.NONE, "i32 i32 -> i32"),
    I32_LE_U(Prefix.SINGLE, 0x4D, "i32.le_u", Imm.NONE, "i32 i32 -> i32"),
    I32_GE_S(Prefix.SINGLE, 0x4E, "i32.ge_s", Imm.NONE, "i32 i32 -> i32"),
    I32_GE_U(Prefix.SINGLE, 0x4F, "i32.ge_u", Imm.NONE, "i32 i32 -> i32"),
    I64_EQZ(Prefix.SINGLE, 0x50, "i64.eqz", Imm.NONE, "i64 -> i32"),
    I64_EQ(Prefix.SINGLE, 0x51, "i64.eq", Imm.NONE, "i64 i64 -> i32"),
    I64_NE(Prefix.SINGLE, 0x52, "i64.ne", Imm.NONE, "i64 i64 -> i32"),
    I64_LT_S(Prefix.SINGLE, 0x53, "i64.lt_s", Imm.NONE, "i64 i64 -> i32"),
    I64_LT_U(Prefix.SINGLE, 0x54, "i64.lt_u", Imm.NONE, "i64 i64 -> i32"),
    I64_GT_S(Prefix.SINGLE, 0x55, "i64.gt_s", Imm.NONE, "i64 i64 -> i32"),
    I64_GT_U(Prefix.SINGLE, 0x56, "i64.gt_u", Imm.NONE, "i64 i64 -> i32"),
    I64_LE_S(Prefix.SINGLE, 0x57, "i64.le_s", Imm.NONE, "i64 i64 -> i32"),
    I64_LE_U(Prefix.SINGLE, 0x58, "i64.le_u", Imm.NONE, "i64 i64 -> i32"),
    I64_GE_S(Prefix.SINGLE, 0x59, "i64.ge_s", Imm.NONE, "i64 i64 -> i32"),
    I64_GE_U(Prefix.SINGLE, 0x5A, "i64.ge_u", Imm.NONE, "i64 i64 -> i32"),
    F32_EQ(Prefix.SINGLE, 0x5B, "f32.eq", Imm.NONE, "f32 f32 -> i32"),
    F32_NE(Prefix.SINGLE, 0x5C, "f32.ne", Imm.NONE, "f32 f32 -> i32"),
    F32_LT(Prefix.SINGLE, 0x5D, "f32.lt", Imm.NONE, "f32 f32 -> i32"),
    F32_GT(Prefix.SINGLE, 0x5E, "f32.gt", Imm.NONE, "f32 f32 -> i32"),
    F32_LE(Prefix.SINGLE, 0x5F, "f32.le", Imm.NONE, "f32 f32 -> i32"),
    F32_GE(Prefix.SINGLE, 0x60, "f32.ge", Imm.NONE, "f32 f32 -> i32"),
    F64_EQ(Prefix.SINGLE, 0x61, "f64.eq", Imm.NONE, "f64 f64 -> i32"),
    F64_NE(Prefix.SINGLE, 0x62, "f64.ne", Imm.NONE, "f64 f64 -> i32"),
    F64_LT(Prefix.SINGLE, 0x63, "f64.lt", Imm.NONE, "f64 f64 -> i32"),
    F64_GT(Prefix.SINGLE, 0x64, "f64.gt", Imm.NONE, "f64 f64 -> i32"),
    F64_LE(Prefix.SINGLE, 0x65, "f64.le", Imm.NONE, "f64 f64 -> i32"),
    F64_GE(Prefix.SINGLE, 0x66, "f64.ge", Imm.NONE, "f64 f64 -> i32"),
    I32_CLZ(Prefix.SINGLE, 0x67, "i32.clz", Imm.NONE, "i32 -> i32"),
    I32_CTZ(Prefix.SINGLE, 0x68, "i32.ctz", Imm.NONE, "i32 -> i32"),
    I32_POPCNT(Prefix.SINGLE, 0x69, "i32.popcnt", Imm.NONE, "i32 -> i32"),
    I32_ADD(Prefix.SINGLE, 0x6A, "i32.add", Imm.NONE, "i32 i32 -> i32"),
    I32_SUB(Prefix.SINGLE, 0x6B, "i32.sub", Imm.NONE, "i32 i32 -> i32"),
    I32_MUL(Prefix.SINGLE, 0x6C, "i32.mul", Imm.NONE, "i32 i32 -> i32"),
    I32_DIV_S(Prefix.SINGLE, 0x6D, "i32.div_s", Imm.NONE, "i32 i32 -> i32"),
    I32_DIV_U(Prefix.SINGLE, 0x6E, "i32.div_u", Imm.NONE, "i32 i32 -> i32"),
    I32_REM_S(Prefix.SINGLE, 0x6F, "i32.rem_s", Imm.NONE, "i32 i32 -> i32"),
    I32_REM_U(Prefix.SINGLE, 0x70, "i32.rem_u", Imm.NONE, "i32 i32 -> i32"),
    I32_AND(Prefix.SINGLE, 0x71, "i32.and", Imm.NONE, "i32 i32 -> i32"),
    I32_OR(Prefix.SINGLE, 0x72, "i32.or", Imm.NONE, "i32 i32 -> i32"),
    I32_XOR(Prefix.SINGLE, 0x73, "i32.xor", Imm.NONE, "i32 i32 -> i32"),
    I32_SHL(Prefix.SINGLE, 0x74, "i32.shl", Imm.NONE, "i32 i32 -> i32"),
    I32_SHR_S(Prefix.SINGLE, 0x75, "i32.shr_s", Imm.NONE, "i32 i32 -> i32"),
    I32_SHR_U(Prefix.SINGLE, 0x76, "i32.shr_u", Imm.NONE, "i32 i32 -> i32"),
    I32_ROTL(Prefix.SINGLE, 0x77, "i32.rotl", Imm.NONE, "i32 i32 -> i32"),
    I32_ROTR(Prefix.SINGLE, 0x78, "i32.rotr", Imm.NONE, "i32 i32 -> i32"),
    I64_CLZ(Prefix.SINGLE, 0x79, "i64.clz", Imm.NONE, "i64 -> i64"),
    I64_CTZ(Prefix.SINGLE, 0x7A, "i64.ctz", Imm.NONE, "i64 -> i64"),
    I64_POPCNT(Prefix.SINGLE, 0x7B, "i64.popcnt", Imm.NONE, "i64 -> i64"),
    I64_ADD(Prefix.SINGLE, 0x7C, "i64.add", Imm.NONE, "i64 i64 -> i64"),
    I64_SUB(Prefix.SINGLE, 0x7D, "i64.sub", Imm.NONE, "i64 i64 -> i64"),
    I64_MUL(Prefix.SINGLE, 0x7E, "i64.mul", Imm.NONE, "i64 i64 -> i64"),
    I64_DIV_S(Prefix.SINGLE, 0x7F, "i64.div_s", Imm.NONE, "i64 i64 -> i64"),
    I64_DIV_U(Prefix.SINGLE, 0x80, "i64.div_u", Imm.NONE, "i64 i64 -> i64"),
    I64_REM_S(Prefix.SINGLE, 0x81, "i64.rem_s", Imm.NONE, "i64 i64 -> i64"),
    I64_REM_U(Prefix.SINGLE, 0x82, "i64.rem_u", Imm.NONE, "i64 i64 -> i64"),
    I64_AND(Prefix.SINGLE, 0x83, "i64.and", Imm.NONE, "i64 i64 -> i64"),
    I64_OR(Prefix.SINGLE, 0x84, "i64.or", Imm.NONE, "i64 i64 -> i64"),
    I64_XOR(Prefix.SINGLE, 0x85, "i64.xor", Imm.NONE, "i64 i64 -> i64"),
    I64_SHL(Prefix.SINGLE, 0x86, "i64.shl", Imm.NONE, "i64 i64 -> i64"),
    I64_SHR_S(Prefix.SINGLE, 0x87, "i64.shr_s", Imm.NONE, "i64 i64 -> i64"),
    I64_SHR_U(Prefix.SINGLE, 0x88, "i64.shr_u", Imm.NONE, "i64 i64 -> i64"),
    I64_ROTL(Prefix.SINGLE, 0x89, "i64.rotl", Imm.NONE, "i64 i64 -> i64"),
    I64_ROTR(Prefix.SINGLE, 0x8A, "i64.rotr", Imm.NONE, "i64 i64 -> i64"),
    F32_ABS(Prefix.SINGLE, 0x8B, "f32.abs", Imm.NONE, "f32 -> f32"),
    F32_NEG(Prefix.SINGLE, 0x8C, "f32.neg", Imm.NONE, "f32 -> f32"),
    F32_CEIL(Prefix.SINGLE, 0x8D, "f32.ceil", Imm.NONE, "f32 -> f32"),
    F32_FLOOR(Prefix.SINGLE, 0x8E, "f32.floor", Imm.NONE, "f32 -> f32"),
    F32_TRUNC(Prefix.SINGLE, 0x8F, "f32.trunc", Imm.NONE, "f32 -> f32"),
    F32_NEAREST(Prefix.SINGLE, 0x90, "f32.nearest", Imm.NONE, "f32 -> f32"),
    F32_SQRT(Prefix.SINGLE, 0x91, "f32.sqrt", Imm.NONE, "f32 -> f32"),
    F32_ADD(Prefix.SINGLE, 0x92, "f32.add", Imm.NONE, "f32 f32 -> f32"),
    F32_SUB(Prefix.SINGLE, 0x93, "f32.sub", Imm.NONE, "f32 f32 -> f32"),
    F32_MUL(Prefix.SINGLE, 0x94, "f32.mul", Imm.NONE, "f32 f32 -> f32"),
    F32_DIV(Prefix.SINGLE, 0x95, "f32.div", Imm.NONE, "f32 f32 -> f32"),
    F32_MIN(Prefix.SINGLE, 0x96, "f32.min", Imm.NONE, "f32 f32 -> f32"),
    F32_MAX(Prefix.SINGLE, 0x97, "f32.max", Imm.NONE, "f32 f32 -> f32"),
    F32_COPYSIGN(Prefix.SINGLE, 0x98, "f32.copysign", Imm.NONE, "f32 f32 -> f32"),
    F64_ABS(Prefix.SINGLE, 0x99, "f64.abs", Imm.NONE, "f64 -> f64"),
    F64_NEG(Prefix.SINGLE, 0x9A, "f64.neg", Imm.NONE, "f64 -> f64"),
    F64_CEIL(Prefix.SINGLE, 0x9B, "f64.ceil", Imm.NONE, "f64 -> f64"),
    F64_FLOOR(Prefix.SINGLE, 0x9C, "f64.floor", Imm.NONE, "f64 -> f64"),
    F64_TRUNC(Prefix.SINGLE, 0x9D, "f64.trunc", Imm.NONE, "f64 -> f64"),
    F64_NEAREST(Prefix.SINGLE, 0x9E, "f64.nearest", Imm.NONE, "f64 -> f64"),
    F64_SQRT(Prefix.SINGLE, 0x9F, "f64.sqrt", Imm.NONE, "f64 -> f64"),
    F64_ADD(Prefix.SINGLE, 0xA0, "f64.add", Imm.NONE, "f64 f64 -> f64"),
    F64_SUB(Prefix.SINGLE, 0xA1, "f64.sub", Imm.NONE, "f64 f64 -> f64"),
    F64_MUL(Prefix.SINGLE, 0xA2, "f64.mul", Imm.NONE, "f64 f64 -> f64"),
    F64_DIV(Prefix.SINGLE, 0xA3, "f64.div", Imm.NONE, "f64 f64 -> f64"),
    F64_MIN(Prefix.SINGLE, 0xA4, "f64.min", Imm.NONE, "f64 f64 -> f64"),
    F64_MAX(Prefix.SINGLE, 0xA5, "f64.max", Imm.NONE, "f64 f64 -> f64"),
    F64_COPYSIGN(Prefix.SINGLE, 0xA6, "f64.copysign", Imm.NONE, "f64 f64 -> f64"),
    I32_WRAP_I64(Prefix.SINGLE, 0xA7, "i32.wrap_i64", Imm.NONE, "i64 -> i32"),
    I32_TRUNC_F32_S(Prefix.SINGLE, 0xA8, "i32.trunc_f32_s", Imm.NONE, "f32 -> i32"),
    I32_TRUNC_F32_U(Prefix.SINGLE, 0xA9, "i32.trunc_f32_u", Imm.NONE, "f32 -> i32"),
    I32_TRUNC_F64_S(Prefix.SINGLE, 0xAA, "i32.trunc_f64_s", Imm.NONE, "f64 -> i32"),
    I32_TRUNC_F64_U(Prefix.SINGLE, 0xAB, "i32.trunc_f64_u", Imm.NONE, "f64 -> i32"),
    I64_EXTEND_I32_S(Prefix.SINGLE, 0xAC, "i64.extend_i32_s", Imm.NONE, "i32 -> i64"),
    I64_EXTEND_I32_U(Prefix.SINGLE, 0xAD, "i64.extend_i32_u", Imm.NONE, "i32 -> i64"),
    I64_TRUNC_F32_S(Prefix.SINGLE, 0xAE, "i64.trunc_f32_s", Imm.NONE, "f32 -> i64"),
    I64_TRUNC_F32_U(Prefix.SINGLE, 0xAF, "i64.trunc_f32_u", Imm.NONE, "f32 -> i64"),
    I64_TRUNC_F64_S(Prefix.SINGLE, 0xB0, "i64.trunc_f64_s", Imm.NONE, "f64 -> i64"),
    I64_TRUNC_F64_U(Prefix.SINGLE, 0xB1, "i64.trunc_f64_u", Imm.NONE, "f64 -> i64"),
    F32_CONVERT_I32_S(Prefix.SINGLE, 0xB2, "f32.convert_i32_s", Imm.NONE, "i32 -> f32"),
    F32_CONVERT_I32_U(Prefix.SINGLE, 0xB3, "f32.convert_i32_u", Imm.NONE, "i32 -> f32"),
    F32_CONVERT_I64_S(Prefix.SINGLE, 0xB4, "f32.convert_i64_s", Imm.NONE, "i64 -> f32"),
    F32_CONVERT_I64_U(Prefix.SINGLE, 0xB5, "f32.convert_i64_u", Imm.NONE, "i64 -> f32"),
    F32_DEMOTE_F64(Prefix.SINGLE, 0xB6, "f32.demote_f64", Imm.NONE, "f64 -> f32"),
    F64_CONVERT_I32_S(Prefix.SINGLE, 0xB7, "f64.convert_i32_s", Imm.NONE, "i32 -> f64"),
    F64_CONVERT_I32_U(Prefix.SINGLE, 0xB8, "f64.convert_i32_u", Imm.NONE, "i32 -> f64"),
    F64_CONVERT_I64_S(Prefix.SINGLE, 0xB9, "f64.convert_i64_s", Imm.NONE, "i64 -> f64"),
    F64_CONVERT_I64_U(Prefix.SINGLE, 0xBA, "f64.convert_i64_u", Imm.NONE, "i64 -> f64"),
    F64_PROMOTE_F32(Prefix.SINGLE, 0xBB, "f64.promote_f32", Imm.NONE, "f32 -> f64"),
    I32_REINTERPRET_F32(Prefix.SINGLE, 0xBC, "i32.reinterpret_f32", Imm.NONE, "f32 -> i32"),
    I64_REINTERPRET_F64(Prefix.SINGLE, 0xBD, "i64.reinterpret_f64", Imm.NONE, "f64 -> i64"),
    F32_REINTERPRET_I32(Prefix.SINGLE, 0xBE, "f32.reinterpret_i32", Imm.NONE, "i32 -> f32"),
    F64_REINTERPRET_I64(Prefix.SINGLE, 0xBF, "f64.reinterpret_i64", Imm.NONE, "i64 -> f64"),
    I32_EXTEND8_S(Prefix.SINGLE, 0xC0, "i32.extend8_s", Imm.NONE, "i32 -> i32"),
    I32_EXTEND16_S(Prefix.SINGLE, 0xC1, "i32.extend16_s", Imm.NONE, "i32 -> i32"),
    I64_EXTEND8_S(Prefix.SINGLE, 0xC2, "i64.extend8_s", Imm.NONE, "i64 -> i64"),
    I64_EXTEND16_S(Prefix.SINGLE, 0xC3, "i64.extend16_s", Imm.NONE, "i64 -> i64"),
    I64_EXTEND32_S(Prefix.SINGLE, 0xC4, "i64.extend32_s", Imm.NONE, "i64 -> i64"),
    REF_NULL(Prefix.SINGLE, 0xD0, "ref.null", Imm.HEAP_TYPE, null),
    REF_IS_NULL(Prefix.SINGLE, 0xD1, "ref.is_null", Imm.NONE, null),
    REF_FUNC(Prefix.SINGLE, 0xD2, "ref.func", Imm.FUNC, null),
    REF_EQ(Prefix.SINGLE, 0xD3, "ref.eq", Imm.NONE, null),
    REF_AS_NON_NULL(Prefix.SINGLE, 0xD4, "ref.as_non_null", Imm.NONE, null),
    BR_ON_NULL(Prefix.SINGLE, 0xD5, "br_on_null", Imm.LABEL, null),
    BR_ON_NON_NULL(Prefix.SINGLE, 0xD6, "br_on_non_null", Imm.LABEL, null),
    STRUCT_NEW(Prefix.GC, 0x00, "struct.new", Imm.TYPE, null),
    STRUCT_NEW_DEFAULT(Prefix.GC, 0x01, "struct.new_default", Imm.TYPE, null),
    STRUCT_GET(Prefix.GC, 0x02, "struct.get", Imm.TYPE_FIELD, null),
    STRUCT_GET_S(Prefix.GC, 0x03, "struct.get_s", Imm.TYPE_FIELD, null),
    STRUCT_GET_U(Prefix.GC, 0x04, "struct.get_u", Imm.TYPE_FIELD, null),
    STRUCT_SET(Prefix.GC, 0x05, "struct.set", Imm.TYPE_FIELD, null),
    ARRAY_NEW(Prefix.GC, 0x06, "array.new", Imm.TYPE, null),
    ARRAY_NEW_DEFAULT(Prefix.GC, 0x07, "array.new_default", Imm.TYPE, null),
    ARRAY_NEW_FIXED(Prefix.GC, 0x08, "array.new_fixed", Imm.TYPE_COUNT, null),
    ARRAY_NEW_DATA(Prefix.GC, 0x09, "array.new_data", Imm.TYPE_DATA, null),
    ARRAY_NEW_ELEM(Prefix.GC, 0x0A, "array.new_elem", Imm.TYPE_ELEM, null),
    ARRAY_GET(Prefix.GC, 0x0B, "array.get", Imm.TYPE, null),
    ARRAY_GET_S(Prefix.GC, 0x0C, "array.get_s", Imm.TYPE, null),
    ARRAY_GET_U(Prefix.GC, 0x0D, "array.get_u", Imm.TYPE, null),
    ARRAY_SET(Prefix.GC, 0x0E, "array.set", Imm.TYPE, null),
    ARRAY_LEN(Prefix.GC, 0x0F, "array.len", Imm.NONE, null),
    ARRAY_FILL(Prefix.GC, 0x10, "array.fill", Imm.TYPE, null),
    ARRAY_COPY(Prefix.GC, 0x11, "array.copy", Imm.TYPE_TYPE, null),
    ARRAY_INIT_DATA(Prefix.GC, 0x12, "array.init_data", Imm.TYPE_DATA, null),
    ARRAY_INIT_ELEM(Prefix.GC, 0x13, "array.init_elem", Imm.TYPE_ELEM, null),
    REF_TEST(Prefix.GC, 0x14, "ref.test", Imm.HEAP_TYPE, null),
    REF_TEST_NULL(Prefix.GC, 0x15, "ref.test_null", Imm.HEAP_TYPE, null),
    REF_CAST(Prefix.GC, 0x16, "ref.cast", Imm.HEAP_TYPE, null),
    REF_CAST_NULL(Prefix.GC, 0x17, "ref.cast_null", Imm.HEAP_TYPE, null),
    BR_ON_CAST(Prefix.GC, 0x18, "br_on_cast", Imm.BR_ON_CAST, null),
    BR_ON_CAST_FAIL(Prefix.GC, 0x19, "br_on_cast_fail", Imm.BR_ON_CAST, null),
    ANY_CONVERT_EXTERN(Prefix.GC, 0x1A, "any.convert_extern", Imm.NONE, null),
    EXTERN_CONVERT_ANY(Prefix.GC, 0x1B, "extern.convert_any", Imm.NONE, null),
    REF_I31(Prefix.GC, 0x1C, "ref.i31", Imm.NONE, null),
    I31_GET_S(Prefix.GC, 0x1D, "i31.get_s", Imm.NONE, null),
    I31_GET_U(Prefix.GC, 0x1E, "i31.get_u", Imm.NONE, null),
    REF_FREEZE(Prefix.GC, 0x30, "ref.freeze", Imm.TYPE_TYPE, null),
    I32_TRUNC_SAT_F32_S(Prefix.MISC, 0x00, "i32.trunc_sat_f32_s", Imm.NONE, "f32 -> i32"),
    I32_TRUNC_SAT_F32_U(Prefix.MISC, 0x01, "i32.trunc_sat_f32_u", Imm.NONE, "f32 -> i32"),
    I32_TRUNC_SAT_F64_S(Prefix.MISC, 0x02, "i32.trunc_sat_f64_s", Imm.NONE, "f64 -> i32"),
    I32_TRUNC_SAT_F64_U(Prefix.MISC, 0x03, "i32.trunc_sat_f64_u", Imm.NONE, "f64 -> i32"),
    I64_TRUNC_SAT_F32_S(Prefix.MISC, 0x04, "i64.trunc_sat_f32_s", Imm.NONE, "f32 -> i64"),
    I64_TRUNC_SAT_F32_U(Prefix.MISC, 0x05, "i64.trunc_sat_f32_u", Imm.NONE, "f32 -> i64"),
    I64_TRUNC_SAT_F64_S(Prefix.MISC, 0x06, "i64.trunc_sat_f64_s", Imm.NONE, "f64 -> i64"),
    I64_TRUNC_SAT_F64_U(Prefix.MISC, 0x07, "i64.trunc_sat_f64_u", Imm.NONE, "f64 -> i64"),
    MEMORY_INIT(Prefix.MISC, 0x08, "memory.init", Imm.MEMORY_INIT, "a i32 i32 ->"),
    DATA_DROP(Prefix.MISC, 0x09, "data.drop", Imm.DATA, "->"),
    MEMORY_COPY(Prefix.MISC, 0x0A, "memory.copy", Imm.MEMORY_COPY, null),
    MEMORY_FILL(Prefix.MISC, 0x0B, "memory.fill", Imm.MEMORY, "a i32 a ->"),
    TABLE_INIT(Prefix.MISC, 0x0C, "table.init", Imm.TABLE_INIT, null),
    ELEM_DROP(Prefix.MISC, 0x0D, "elem.drop", Imm.ELEM, "->"),
    TABLE_COPY(Prefix.MISC, 0x0E, "table.copy", Imm.TABLE_COPY, null),
    TABLE_GROW(Prefix.MISC, 0x0F, "table.grow", Imm.TABLE, null),
    TABLE_SIZE(Prefix.MISC, 0x10, "table.size", Imm.TABLE, null),
    TABLE_FILL(Prefix.MISC, 0x11, "table.fill", Imm.TABLE, null),
    MEMORY_DISCARD(Prefix.MISC, 0x12, "memory.discard", Imm.MEMORY, "a a ->"),
    I64_ADD128(Prefix.MISC, 0x13, "i64.add128", Imm.NONE, "i64 i64 i64 i64 -> i64 i64"),
    I64_SUB128(Prefix.MISC, 0x14, "i64.sub128", Imm.NONE, "i64 i64 i64 i64 -> i64 i64"),
    I64_MUL_WIDE_S(Prefix.MISC, 0x15, "i64.mul_wide_s", Imm.NONE, "i64 i64 -> i64 i64"),
    I64_MUL_WIDE_U(Prefix.MISC, 0x16, "i64.mul_wide_u", Imm.NONE, "i64 i64 -> i64 i64"),
    MEMORY_MAP(Prefix.MISC, 0x20, "memory.map", Imm.MEMORY_PROT, "a a -> a"),
    MEMORY_UNMAP(Prefix.MISC, 0x21, "memory.unmap", Imm.MEMORY, "a a ->"),
    MEMORY_PROTECT(Prefix.MISC, 0x22, "memory.protect", Imm.MEMORY_PROT, "a a ->"),
    V128_LOAD(Prefix.SIMD, 0x00, "v128.load", Imm.MEMARG, "a -> v128", 16),
    V128_LOAD8X8_S(Prefix.SIMD, 0x01, "v128.load8x8_s", Imm.MEMARG, "a -> v128", 8),
    V128_LOAD8X8_U(Prefix.SIMD, 0x02, "v128.load8x8_u", Imm.MEMARG, "a -> v128", 8),
    V128_LOAD16X4_S(Prefix.SIMD, 0x03, "v128.load16x4_s", Imm.MEMARG, "a -> v128", 8),
    V128_LOAD16X4_U(Prefix.SIMD, 0x04, "v128.load16x4_u", Imm.MEMARG, "a -> v128", 8),
    V128_LOAD32X2_S(Prefix.SIMD, 0x05, "v128.load32x2_s", Imm.MEMARG, "a -> v128", 8),
    V128_LOAD32X2_U(Prefix.SIMD, 0x06, "v128.load32x2_u", Imm.MEMARG, "a -> v128", 8),
    V128_LOAD8_SPLAT(Prefix.SIMD, 0x07, "v128.load8_splat", Imm.MEMARG, "a -> v128", 1),
    V128_LOAD16_SPLAT(Prefix.SIMD, 0x08, "v128.load16_splat", Imm.MEMARG, "a -> v128", 2),
    V128_LOAD32_SPLAT(Prefix.SIMD, 0x09, "v128.load32_splat", Imm.MEMARG, "a -> v128", 4),
    V128_LOAD64_SPLAT(Prefix.SIMD, 0x0A, "v128.load64_splat", Imm.MEMARG, "a -> v128", 8),
    V128_STORE(Prefix.SIMD, 0x0B, "v128.store", Imm.MEMARG, "a v128 ->", 16),
    V128_CONST(Prefix.SIMD, 0x0C, "v128.const", Imm.V128, "-> v128"),
    I8X16_SHUFFLE(Prefix.SIMD, 0x0D, "i8x16.shuffle", Imm.SHUFFLE, "v128 v128 -> v128"),
    I8X16_SWIZZLE(Prefix.SIMD, 0x0E, "i8x16.swizzle", Imm.NONE, "v128 v128 -> v128"),
    I8X16_SPLAT(Prefix.SIMD, 0x0F, "i8x16.splat", Imm.NONE, "i32 -> v128"),
    I16X8_SPLAT(Prefix.SIMD, 0x10, "i16x8.splat", Imm.NONE, "i32 -> v128"),
    I32X4_SPLAT(Prefix.SIMD, 0x11, "i32x4.splat", Imm.NONE, "i32 -> v128"),
    I64X2_SPLAT(Prefix.SIMD, 0x12, "i64x2.splat", Imm.NONE, "i64 -> v128"),
    F32X4_SPLAT(Prefix.SIMD, 0x13, "f32x4.splat", Imm.NONE, "f32 -> v128"),
    F64X2_SPLAT(Prefix.SIMD, 0x14, "f64x2.splat", Imm.NONE, "f64 -> v128"),
    I8X16_EXTRACT_LANE_S(Prefix.SIMD, 0x15, "i8x16.extract_lane_s", Imm.LANE, "v128 -> i32"),
    I8X16_EXTRACT_LANE_U(Prefix.SIMD, 0x16, "i8x16.extract_lane_u", Imm.LANE, "v128 -> i32"),
    I8X16_REPLACE_LANE(Prefix.SIMD, 0x17, "i8x16.replace_lane", Imm.LANE, "v128 i32 -> v128"),
    I16X8_EXTRACT_LANE_S(Prefix.SIMD, 0x18, "i16x8.extract_lane_s", Imm.LANE, "v128 -> i32"),
    I16X8_EXTRACT_LANE_U(Prefix.SIMD, 0x19, "i16x8.extract_lane_u", Imm.LANE, "v128 -> i32"),
    I16X8_REPLACE_LANE(Prefix.SIMD, 0x1A, "i16x8.replace_lane", Imm.LANE, "v128 i32 -> v128"),
    I32X4_EXTRACT_LANE(Prefix.SIMD, 0x1B, "i32x4.extract_lane", Imm.LANE, "v128 -> i32"),
    I32X4_REPLACE_LANE(Prefix.SIMD, 0x1C, "i32x4.replace_lane", Imm.LANE, "v128 i32 -> v128"),
    I64X2_EXTRACT_LANE(Prefix.SIMD, 0x1D, "i64x2.extract_lane", Imm.LANE, "v128 -> i64"),
    I64X2_REPLACE_LANE(Prefix.SIMD, 0x1E, "i64x2.replace_lane", Imm.LANE, "v128 i64 -> v128"),
    F32X4_EXTRACT_LANE(Prefix.SIMD, 0x1F, "f32x4.extract_lane", Imm.LANE, "v128 -> f32"),
    F32X4_REPLACE_LANE(Prefix.SIMD, 0x20, "f32x4.replace_lane", Imm.LANE, "v128 f32 -> v128"),
    F64X2_EXTRACT_LANE(Prefix.SIMD, 0x21, "f64x2.extract_lane", Imm.LANE, "v128 -> f64"),
    F64X2_REPLACE_LANE(Prefix.SIMD, 0x22, "f64x2.replace_lane", Imm.LANE, "v128 f64 -> v128"),
    I8X16_EQ(Prefix.SIMD, 0x23, "i8x16.eq", Imm.NONE, "v128 v128 -> v128"),
    I8X16_NE(Prefix.SIMD, 0x24, "i8x16.ne", Imm.NONE, "v128 v128 -> v128"),
    I8X16_LT_S(Prefix.SIMD, 0x25, "i8x16.lt_s", Imm.NONE, "v128 v128 -> v128"),
    I8X16_LT_U(Prefix.SIMD, 0x26, "i8x16.lt_u", Imm.NONE, "v128 v128 -> v128"),
    I8X16_GT_S(Prefix.SIMD, 0x27, "i8x16.gt_s", Imm.NONE, "v128 v128 -> v128"),
    I8X16_GT_U(Prefix.SIMD, 0x28, "i8x16.gt_u", Imm.NONE, "v128 v128 -> v128"),
    I8X16_LE_S(Prefix.SIMD, 0x29, "i8x16.le_s", Imm.NONE, "v128 v128 -> v128"),
    I8X16_LE_U(Prefix.SIMD, 0x2A, "i8x16.le_u", Imm.NONE, "v128 v128 -> v128"),
    I8X16_GE_S(Prefix.SIMD, 0x2B, "i8x16.ge_s", Imm.NONE, "v128 v128 -> v128"),
    I8X16_GE_U(Prefix.SIMD, 0x2C, "i8x16.ge_u", Imm.NONE, "v128 v128 -> v128"),
    I16X8_EQ(Prefix.SIMD, 0x2D, "i16x8.eq", Imm.NONE, "v128 v128 -> v128"),
    I16X8_NE(Prefix.SIMD, 0x2E, "i16x8.ne", Imm.NONE, "v128 v128 -> v128"),
    I16X8_LT_S(Prefix.SIMD, 0x2F, "i16x8.lt_s", Imm.NONE, "v128 v128 -> v128"),
    I16X8_LT_U(Prefix.SIMD, 0x30, "i16x8.lt_u", Imm.NONE, "v128 v128 -> v128"),
    I16X8_GT_S(Prefix.SIMD, 0x31, "i16x8.gt_s", Imm.NONE, "v128 v128 -> v128"),
    I16X8_GT_U(Prefix.SIMD, 0x32, "i16x8.gt_u", Imm.NONE, "v128 v128 -> v128"),
    I16X8_LE_S(Prefix.SIMD, 0x33, "i16x8.le_s", Imm.NONE, "v128 v128 -> v128"),
    I16X8_LE_U(Prefix.SIMD, 0x34, "i16x8.le_u", Imm.NONE, "v128 v128 -> v128"),
    I16X8_GE_S(Prefix.SIMD, 0x35, "i16x8.ge_s", Imm.NONE, "v128 v128 -> v128"),
    I16X8_GE_U(Prefix.SIMD, 0x36, "i16x8.ge_u", Imm.NONE, "v128 v128 -> v128"),
    I32X4_EQ(Prefix.SIMD, 0x37, "i32x4.eq", Imm.NONE, "v128 v128 -> v128"),
    I32X4_NE(Prefix.SIMD, 0x38, "i32x4.ne", Imm.NONE, "v128 v128 -> v128"),
    I32X4_LT_S(Prefix.SIMD, 0x39, "i32x4.lt_s", Imm.NONE, "v128 v128 -> v128"),
    I32X4_LT_U(Prefix.SIMD, 0x3A, "i32x4.lt_u", Imm.NONE, "v128 v128 -> v128"),
    I32X4_GT_S(Prefix.SIMD, 0x3B, "i32x4.gt_s", Imm.NONE, "v128 v128 -> v128"),
    I32X4_GT_U(Prefix.SIMD, 0x3C, "i32x4.gt_u", Imm.NONE, "v128 v128 -> v128"),
    I32X4_LE_S(Prefix.SIMD, 0x3D, "i32x4.le_s", Imm.NONE, "v128 v128 -> v128"),
    I32X4_LE_U(Prefix.SIMD, 0x3E, "i32x4.le_u", Imm.NONE, "v128 v128 -> v128"),
    I32X4_GE_S(Prefix.SIMD, 0x3F, "i32x4.ge_s", Imm.NONE, "v128 v128 -> v128"),
    I32X4_GE_U(Prefix.SIMD, 0x40, "i32x4.ge_u", Imm.NONE, "v128 v128 -> v128"),
    F32X4_EQ(Prefix.SIMD, 0x41, "f32x4.eq", Imm.NONE, "v128 v128 -> v128"),
    F32X4_NE(Prefix.SIMD, 0x42, "f32x4.ne", Imm.NONE, "v128 v128 -> v128"),
    F32X4_LT(Prefix.SIMD, 0x43, "f32x4.lt", Imm.NONE, "v128 v128 -> v128"),
    F32X4_GT(Prefix.SIMD, 0x44, "f32x4.gt", Imm.NONE, "v128 v128 -> v128"),
    F32X4_LE(Prefix.SIMD, 0x45, "f32x4.le", Imm.NONE, "v128 v128 -> v128"),
    F32X4_GE(Prefix.SIMD, 0x46, "f32x4.ge", Imm.NONE, "v128 v128 -> v128"),
    F64X2_EQ(Prefix.SIMD, 0x47, "f64x2.eq", Imm.NONE, "v128 v128 -> v128"),
    F64X2_NE(Prefix.SIMD, 0x48, "f64x2.ne", Imm.NONE, "v128 v128 -> v128"),
    F64X2_LT(Prefix.SIMD, 0x49, "f64x2.lt", Imm.NONE, "v128 v128 -> v128"),
    F64X2_GT(Prefix.SIMD, 0x4A, "f64x2.gt", Imm.NONE, "v128 v128 -> v128"),
    F64X2_LE(Prefix.SIMD, 0x4B, "f64x2.le", Imm.NONE, "v128 v128 -> v128"),
    F64X2_GE(Prefix.SIMD, 0x4C, "f64x2.ge", Imm.NONE, "v128 v128 -> v128"),
    V128_NOT(Prefix.SIMD, 0x4D, "v128.not", Imm.NONE, "v128 -> v128"),
    V128_AND(Prefix.SIMD, 0x4E, "v128.and", Imm.NONE, "v128 v128 -> v128"),
    V128_ANDNOT(Prefix.SIMD, 0x4F, "v128.andnot", Imm.NONE, "v128 v128 -> v128"),
    V128_OR(Prefix.SIMD, 0x50, "v128.or", Imm.NONE, "v128 v128 -> v128"),
    V128_XOR(Prefix.SIMD, 0x51, "v128.xor", Imm.NONE, "v128 v128 -> v128"),
    V128_BITSELECT(Prefix.SIMD, 0x52, "v128.bitselect", Imm.NONE, "v128 v128 v128 -> v128"),
    V128_ANY_TRUE(Prefix.SIMD, 0x53, "v128.any_true", Imm.NONE, "v128 -> i32"),
    V128_LOAD8_LANE(Prefix.SIMD, 0x54, "v128.load8_lane", Imm.MEMARG_LANE, "a v128 -> v128", 1),
    V128_LOAD16_LANE(Prefix.SIMD, 0x55, "v128.load16_lane", Imm.MEMARG_LANE, "a v128 -> v128", 2),
    V128_LOAD32_LANE(Prefix.SIMD, 0x56, "v128.load32_lane", Imm.MEMARG_LANE, "a v128 -> v128", 4),
    V128_LOAD64_LANE(Prefix.SIMD, 0x57, "v128.load64_lane", Imm.MEMARG_LANE, "a v128 -> v128", 8),
    V128_STORE8_LANE(Prefix.SIMD, 0x58, "v128.store8_lane", Imm.MEMARG_LANE, "a v128 ->", 1),
    V128_STORE16_LANE(Prefix.SIMD, 0x59, "v128.store16_lane", Imm.MEMARG_LANE, "a v128 ->", 2),
    V128_STORE32_LANE(Prefix.SIMD, 0x5A, "v128.store32_lane", Imm.MEMARG_LANE, "a v128 ->", 4),
    V128_STORE64_LANE(Prefix.SIMD, 0x5B, "v128.store64_lane", Imm.MEMARG_LANE, "a v128 ->", 8),
    V128_LOAD32_ZERO(Prefix.SIMD, 0x5C, "v128.load32_zero", Imm.MEMARG, "a -> v128", 4),
    V128_LOAD64_ZERO(Prefix.SIMD, 0x5D, "v128.load64_zero", Imm.MEMARG, "a -> v128", 8),
    F32X4_DEMOTE_F64X2_ZERO(Prefix.SIMD, 0x5E, "f32x4.demote_f64x2_zero", Imm.NONE, "v128 -> v128"),
    F64X2_PROMOTE_LOW_F32X4(Prefix.SIMD, 0x5F, "f64x2.promote_low_f32x4", Imm.NONE, "v128 -> v128"),
    I8X16_ABS(Prefix.SIMD, 0x60, "i8x16.abs", Imm.NONE, "v128 -> v128"),
    I8X16_NEG(Prefix.SIMD, 0x61, "i8x16.neg", Imm.NONE, "v128 -> v128"),
    I8X16_POPCNT(Prefix.SIMD, 0x62, "i8x16.popcnt", Imm.NONE, "v128 -> v128"),
    I8X16_ALL_TRUE(Prefix.SIMD, 0x63, "i8x16.all_true", Imm.NONE, "v128 -> i32"),
    I8X16_BITMASK(Prefix.SIMD, 0x64, "i8x16.bitmask", Imm.NONE, "v128 -> i32"),
    I8X16_NARROW_I16X8_S(Prefix.SIMD, 0x65, "i8x16.narrow_i16x8_s", Imm.NONE, "v128 v128 -> v128"),
    I8X16_NARROW_I16X8_U(Prefix.SIMD, 0x66, "i8x16.narrow_i16x8_u", Imm.NONE, "v128 v128 -> v128"),
    F32X4_CEIL(Prefix.SIMD, 0x67, "f32x4.ceil", Imm.NONE, "v128 -> v128"),
    F32X4_FLOOR(Prefix.SIMD, 0x68, "f32x4.floor", Imm.NONE, "v128 -> v128"),
    F32X4_TRUNC(Prefix.SIMD, 0x69, "f32x4.trunc", Imm.NONE, "v128 -> v128"),
    F32X4_NEAREST(Prefix.SIMD, 0x6A, "f32x4.nearest", Imm.NONE, "v128 -> v128"),
    I8X16_SHL(Prefix.SIMD, 0x6B, "i8x16.shl", Imm.NONE, "v128 i32 -> v128"),
    I8X16_SHR_S(Prefix.SIMD, 0x6C, "i8x16.shr_s", Imm.NONE, "v128 i32 -> v128"),
    I8X16_SHR_U(Prefix.SIMD, 0x6D, "i8x16.shr_u", Imm.NONE, "v128 i32 -> v128"),
    I8X16_ADD(Prefix.SIMD, 0x6E, "i8x16.add", Imm.NONE, "v128 v128 -> v128"),
    I8X16_ADD_SAT_S(Prefix.SIMD, 0x6F, "i8x16.add_sat_s", Imm.NONE, "v128 v128 -> v128"),
    I8X16_ADD_SAT_U(Prefix.SIMD, 0x70, "i8x16.add_sat_u", Imm.NONE, "v128 v128 -> v128"),
    I8X16_SUB(Prefix.SIMD, 0x71, "i8x16.sub", Imm.NONE, "v128 v128 -> v128"),
    I8X16_SUB_SAT_S(Prefix.SIMD, 0x72, "i8x16.sub_sat_s", Imm.NONE, "v128 v128 -> v128"),
    I8X16_SUB_SAT_U(Prefix.SIMD, 0x73, "i8x16.sub_sat_u", Imm.NONE, "v128 v128 -> v128"),
    F64X2_CEIL(Prefix.SIMD, 0x74, "f64x2.ceil", Imm.NONE, "v128 -> v128"),
    F64X2_FLOOR(Prefix.SIMD, 0x75, "f64x2.floor", Imm.NONE, "v128 -> v128"),
    I8X16_MIN_S(Prefix.SIMD, 0x76, "i8x16.min_s", Imm.NONE, "v128 v128 -> v128"),
    I8X16_MIN_U(Prefix.SIMD, 0x77, "i8x16.min_u", Imm.NONE, "v128 v128 -> v128"),
    I8X16_MAX_S(Prefix.SIMD, 0x78, "i8x16.max_s", Imm.NONE, "v128 v128 -> v128"),
    I8X16_MAX_U(Prefix.SIMD, 0x79, "i8x16.max_u", Imm.NONE, "v128 v128 -> v128"),
    F64X2_TRUNC(Prefix.SIMD, 0x7A, "f64x2.trunc", Imm.NONE, "v128 -> v128"),
    I8X16_AVGR_U(Prefix.SIMD, 0x7B, "i8x16.avgr_u", Imm.NONE, "v128 v128 -> v128"),
    I16X8_EXTADD_PAIRWISE_I8X16_S(Prefix.SIMD, 0x7C, "i16x8.extadd_pairwise_i8x16_s", Imm.NONE, "v128 -> v128"),
    I16X8_EXTADD_PAIRWISE_I8X16_U(Prefix.SIMD, 0x7D, "i16x8.extadd_pairwise_i8x16_u", Imm.NONE, "v128 -> v128"),
    I32X4_EXTADD_PAIRWISE_I16X8_S(Prefix.SIMD, 0x7E, "i32x4.extadd_pairwise_i16x8_s", Imm.NONE, "v128 -> v128"),
    I32X4_EXTADD_PAIRWISE_I16X8_U(Prefix.SIMD, 0x7F, "i32x4.extadd_pairwise_i16x8_u", Imm.NONE, "v128 -> v128"),
    I16X8_ABS(Prefix.SIMD, 0x80, "i16x8.abs", Imm.NONE, "v128 -> v128"),
    I16X8_NEG(Prefix.SIMD, 0x81, "i16x8.neg", Imm.NONE, "v128 -> v128"),
    I16X8_Q15MULR_SAT_S(Prefix.SIMD, 0x82, "i16x8.q15mulr_sat_s", Imm.NONE, "v128 v128 -> v128"),
    I16X8_ALL_TRUE(Prefix.SIMD, 0x83, "i16x8.all_true", Imm.NONE, "v128 -> i32"),
    I16X8_BITMASK(Prefix.SIMD, 0x84, "i16x8.bitmask", Imm.NONE, "v128 -> i32"),
    I16X8_NARROW_I32X4_S(Prefix.SIMD, 0x85, "i16x8.narrow_i32x4_s", Imm.NONE, "v128 v128 -> v128"),
    I16X8_NARROW_I32X4_U(Prefix.SIMD, 0x86, "i16x8.narrow_i32x4_u", Imm.NONE, "v128 v128 -> v128"),
    I16X8_EXTEND_LOW_I8X16_S(Prefix.SIMD, 0x87, "i16x8.extend_low_i8x16_s", Imm.NONE, "v128 -> v128"),
    I16X8_EXTEND_HIGH_I8X16_S(Prefix.SIMD, 0x88, "i16x8.extend_high_i8x16_s", Imm.NONE, "v128 -> v128"),
    I16X8_EXTEND_LOW_I8X16_U(Prefix.SIMD, 0x89, "i16x8.extend_low_i8x16_u", Imm.NONE, "v128 -> v128"),
    I16X8_EXTEND_HIGH_I8X16_U(Prefix.SIMD, 0x8A, "i16x8.extend_high_i8x16_u", Imm.NONE, "v128 -> v128"),
    I16X8_SHL(Prefix.SIMD, 0x8B, "i16x8.shl", Imm.NONE, "v128 i32 -> v128"),
    I16X8_SHR_S(Prefix.SIMD, 0x8C, "i16x8.shr_s", Imm.NONE, "v128 i32 -> v128"),
    I16X8_SHR_U(Prefix.SIMD, 0x8D, "i16x8.shr_u", Imm.NONE, "v128 i32 -> v128"),
    I16X8_ADD(Prefix.SIMD, 0x8E, "i16x8.add", Imm.NONE, "v128 v128 -> v128"),
    I16X8_ADD_SAT_S(Prefix.SIMD, 0x8F, "i16x8.add_sat_s", Imm.NONE, "v128 v128 -> v128"),
    I16X8_ADD_SAT_U(Prefix.SIMD, 0x90, "i16x8.add_sat_u", Imm.NONE, "v128 v128 -> v128"),
    I16X8_SUB(Prefix.SIMD, 0x91, "i16x8.sub", Imm.NONE, "v128 v128 -> v128"),
    I16X8_SUB_SAT_S(Prefix.SIMD, 0x92, "i16x8.sub_sat_s", Imm.NONE, "v128 v128 -> v128"),
    I16X8_SUB_SAT_U(Prefix.SIMD, 0x93, "i16x8.sub_sat_u", Imm.NONE, "v128 v128 -> v128"),
    F64X2_NEAREST(Prefix.SIMD, 0x94, "f64x2.nearest", Imm.NONE, "v128 -> v128"),
    I16X8_MUL(Prefix.SIMD, 0x95, "i16x8.mul", Imm.NONE, "v128 v128 -> v128"),
    I16X8_MIN_S(Prefix.SIMD, 0x96, "i16x8.min_s", Imm.NONE, "v128 v128 -> v128"),
    I16X8_MIN_U(Prefix.SIMD, 0x97, "i16x8.min_u", Imm.NONE, "v128 v128 -> v128"),
    I16X8_MAX_S(Prefix.SIMD, 0x98, "i16x8.max_s", Imm.NONE, "v128 v128 -> v128"),
    I16X8_MAX_U(Prefix.SIMD, 0x99, "i16x8.max_u", Imm.NONE, "v128 v128 -> v128"),
    I16X8_AVGR_U(Prefix.SIMD, 0x9B, "i16x8.avgr_u", Imm.NONE, "v128 v128 -> v128"),
    I16X8_EXTMUL_LOW_I8X16_S(Prefix.SIMD, 0x9C, "i16x8.extmul_low_i8x16_s", Imm.NONE, "v128 v128 -> v128"),
    I16X8_EXTMUL_HIGH_I8X16_S(Prefix.SIMD, 0x9D, "i16x8.extmul_high_i8x16_s", Imm.NONE, "v128 v128 -> v128"),
    I16X8_EXTMUL_LOW_I8X16_U(Prefix.SIMD, 0x9E, "i16x8.extmul_low_i8x16_u", Imm.NONE, "v128 v128 -> v128"),
    I16X8_EXTMUL_HIGH_I8X16_U(Prefix.SIMD, 0x9F, "i16x8.extmul_high_i8x16_u", Imm.NONE, "v128 v128 -> v128"),
    I32X4_ABS(Prefix.SIMD, 0xA0, "i32x4.abs", Imm.NONE, "v128 -> v128"),
    I32X4_NEG(Prefix.SIMD, 0xA1, "i32x4.neg", Imm.NONE, "v128 -> v128"),
    I32X4_ALL_TRUE(Prefix.SIMD, 0xA3, "i32x4.all_true", Imm.NONE, "v128 -> i32"),
    I32X4_BITMASK(Prefix.SIMD, 0xA4, "i32x4.bitmask", Imm.NONE, "v128 -> i32"),
    I32X4_EXTEND_LOW_I16X8_S(Prefix.SIMD, 0xA7, "i32x4.extend_low_i16x8_s", Imm.NONE, "v128 -> v128"),
    I32X4_EXTEND_HIGH_I16X8_S(Prefix.SIMD, 0xA8, "i32x4.extend_high_i16x8_s", Imm.NONE, "v128 -> v128"),
    I32X4_EXTEND_LOW_I16X8_U(Prefix.SIMD, 0xA9, "i32x4.extend_low_i16x8_u", Imm.NONE, "v128 -> v128"),
    I32X4_EXTEND_HIGH_I16X8_U(Prefix.SIMD, 0xAA, "i32x4.extend_high_i16x8_u", Imm.NONE, "v128 -> v128"),
    I32X4_SHL(Prefix.SIMD, 0xAB, "i32x4.shl", Imm.NONE, "v128 i32 -> v128"),
    I32X4_SHR_S(Prefix.SIMD, 0xAC, "i32x4.shr_s", Imm.NONE, "v128 i32 -> v128"),
    I32X4_SHR_U(Prefix.SIMD, 0xAD, "i32x4.shr_u", Imm.NONE, "v128 i32 -> v128"),
    I32X4_ADD(Prefix.SIMD, 0xAE, "i32x4.add", Imm.NONE, "v128 v128 -> v128"),
    I32X4_SUB(Prefix.SIMD, 0xB1, "i32x4.sub", Imm.NONE, "v128 v128 -> v128"),
    I32X4_MUL(Prefix.SIMD, 0xB5, "i32x4.mul", Imm.NONE, "v128 v128 -> v128"),
    I32X4_MIN_S(Prefix.SIMD, 0xB6, "i32x4.min_s", Imm.NONE, "v128 v128 -> v128"),
    I32X4_MIN_U(Prefix.SIMD, 0xB7, "i32x4.min_u", Imm.NONE, "v128 v128 -> v128"),
    I32X4_MAX_S(Prefix.SIMD, 0xB8, "i32x4.max_s", Imm.NONE, "v128 v128 -> v128"),
    I32X4_MAX_U(Prefix.SIMD, 0xB9, "i32x4.max_u", Imm.NONE, "v128 v128 -> v128"),
    I32X4_DOT_I16X8_S(Prefix.SIMD, 0xBA, "i32x4.dot_i16x8_s", Imm.NONE, "v128 v128 -> v128"),
    I32X4_EXTMUL_LOW_I16X8_S(Prefix.SIMD, 0xBC, "i32x4.extmul_low_i16x8_s", Imm.NONE, "v128 v128 -> v128"),
    I32X4_EXTMUL_HIGH_I16X8_S(Prefix.SIMD, 0xBD, "i32x4.extmul_high_i16x8_s", Imm.NONE, "v128 v128 -> v128"),
    I32X4_EXTMUL_LOW_I16X8_U(Prefix.SIMD, 0xBE, "i32x4.extmul_low_i16x8_u", Imm.NONE, "v128 v128 -> v128"),
    I32X4_EXTMUL_HIGH_I16X8_U(Prefix.SIMD, 0xBF, "i32x4.extmul_high_i16x8_u", Imm.NONE, "v128 v128 -> v128"),
    I64X2_ABS(Prefix.SIMD, 0xC0, "i64x2.abs", Imm.NONE, "v128 -> v128"),
    I64X2_NEG(Prefix.SIMD, 0xC1, "i64x2.neg", Imm.NONE, "v128 -> v128"),
    I64X2_ALL_TRUE(Prefix.SIMD, 0xC3, "i64x2.all_true", Imm.NONE, "v128 -> i32"),
    I64X2_BITMASK(Prefix.SIMD, 0xC4, "i64x2.bitmask", Imm.NONE, "v128 -> i32"),
    I64X2_EXTEND_LOW_I32X4_S(Prefix.SIMD, 0xC7, "i64x2.extend_low_i32x4_s", Imm.NONE, "v128 -> v128"),
    I64X2_EXTEND_HIGH_I32X4_S(Prefix.SIMD, 0xC8, "i64x2.extend_high_i32x4_s", Imm.NONE, "v128 -> v128"),
    I64X2_EXTEND_LOW_I32X4_U(Prefix.SIMD, 0xC9, "i64x2.extend_low_i32x4_u", Imm.NONE, "v128 -> v128"),
    I64X2_EXTEND_HIGH_I32X4_U(Prefix.SIMD, 0xCA, "i64x2.extend_high_i32x4_u", Imm.NONE, "v128 -> v128"),
    I64X2_SHL(Prefix.SIMD, 0xCB, "i64x2.shl", Imm.NONE, "v128 i32 -> v128"),
    I64X2_SHR_S(Prefix.SIMD, 0xCC, "i64x2.shr_s", Imm.NONE, "v128 i32 -> v128"),
    I64X2_SHR_U(Prefix.SIMD, 0xCD, "i64x2.shr_u", Imm.NONE, "v128 i32 -> v128"),
    I64X2_ADD(Prefix.SIMD, 0xCE, "i64x2.add", Imm.NONE, "v128 v128 -> v128"),
    I64X2_SUB(Prefix.SIMD, 0xD1, "i64x2.sub", Imm.NONE, "v128 v128 -> v128"),
    I64X2_MUL(Prefix.SIMD, 0xD5, "i64x2.mul", Imm.NONE, "v128 v128 -> v128"),
    I64X2_EQ(Prefix.SIMD, 0xD6, "i64x2.eq", Imm.NONE, "v128 v128 -> v128"),
    I64X2_NE(Prefix.SIMD, 0xD7, "i64x2.ne", Imm.NONE, "v128 v128 -> v128"),
    I64X2_LT_S(Prefix.SIMD, 0xD8, "i64x2.lt_s", Imm.NONE, "v128 v128 -> v128"),
    I64X2_GT_S(Prefix.SIMD, 0xD9, "i64x2.gt_s", Imm.NONE, "v128 v128 -> v128"),
    I64X2_LE_S(Prefix.SIMD, 0xDA, "i64x2.le_s", Imm.NONE, "v128 v128 -> v128"),
    I64X2_GE_S(Prefix.SIMD, 0xDB, "i64x2.ge_s", Imm.NONE, "v128 v128 -> v128"),
    I64X2_EXTMUL_LOW_I32X4_S(Prefix.SIMD, 0xDC, "i64x2.extmul_low_i32x4_s", Imm.NONE, "v128 v128 -> v128"),
    I64X2_EXTMUL_HIGH_I32X4_S(Prefix.SIMD, 0xDD, "i64x2.extmul_high_i32x4_s", Imm.NONE, "v128 v128 -> v128"),
    I64X2_EXTMUL_LOW_I32X4_U(Prefix.SIMD, 0xDE, "i64x2.extmul_low_i32x4_u", Imm.NONE, "v128 v128 -> v128"),
    I64X2_EXTMUL_HIGH_I32X4_U(Prefix.SIMD, 0xDF, "i64x2.extmul_high_i32x4_u", Imm.NONE, "v128 v128 -> v128"),
    F32X4_ABS(Prefix.SIMD, 0xE0, "f32x4.abs", Imm.NONE, "v128 -> v128"),
    F32X4_NEG(Prefix.SIMD, 0xE1, "f32x4.neg", Imm.NONE, "v128 -> v128"),
    F32X4_SQRT(Prefix.SIMD, 0xE3, "f32x4.sqrt", Imm.NONE, "v128 -> v128"),
    F32X4_ADD(Prefix.SIMD, 0xE4, "f32x4.add", Imm.NONE, "v128 v128 -> v128"),
    F32X4_SUB(Prefix.SIMD, 0xE5, "f32x4.sub", Imm.NONE, "v128 v128 -> v128"),
    F32X4_MUL(Prefix.SIMD, 0xE6, "f32x4.mul", Imm.NONE, "v128 v128 -> v128"),
    F32X4_DIV(Prefix.SIMD, 0xE7, "f32x4.div", Imm.NONE, "v128 v128 -> v128"),
    F32X4_MIN(Prefix.SIMD, 0xE8, "f32x4.min", Imm.NONE, "v128 v128 -> v128"),
    F32X4_MAX(Prefix.SIMD, 0xE9, "f32x4.max", Imm.NONE, "v128 v128 -> v128"),
    F32X4_PMIN(Prefix.SIMD, 0xEA, "f32x4.pmin", Imm.NONE, "v128 v128 -> v128"),
    F32X4_PMAX(Prefix.SIMD, 0xEB, "f32x4.pmax", Imm.NONE, "v128 v128 -> v128"),
    F64X2_ABS(Prefix.SIMD, 0xEC, "f64x2.abs", Imm.NONE, "v128 -> v128"),
    F64X2_NEG(Prefix.SIMD, 0xED, "f64x2.neg", Imm.NONE, "v128 -> v128"),
    F64X2_SQRT(Prefix.SIMD, 0xEF, "f64x2.sqrt", Imm.NONE, "v128 -> v128"),
    F64X2_ADD(Prefix.SIMD, 0xF0, "f64x2.add", Imm.NONE, "v128 v128 -> v128"),
    F64X2_SUB(Prefix.SIMD, 0xF1, "f64x2.sub", Imm.NONE, "v128 v128 -> v128"),
    F64X2_MUL(Prefix.SIMD, 0xF2, "f64x2.mul", Imm.NONE, "v128 v128 -> v128"),
    F64X2_DIV(Prefix.SIMD, 0xF3, "f64x2.div", Imm.NONE, "v128 v128 -> v128"),
    F64X2_MIN(Prefix.SIMD, 0xF4, "f64x2.min", Imm.NONE, "v128 v128 -> v128"),
    F64X2_MAX(Prefix.SIMD, 0xF5, "f64x2.max", Imm.NONE, "v128 v128 -> v128"),
    F64X2_PMIN(Prefix.SIMD, 0xF6, "f64x2.pmin", Imm.NONE, "v128 v128 -> v128"),
    F64X2_PMAX(Prefix.SIMD, 0xF7, "f64x2.pmax", Imm.NONE, "v128 v128 -> v128"),
    I32X4_TRUNC_SAT_F32X4_S(Prefix.SIMD, 0xF8, "i32x4.trunc_sat_f32x4_s", Imm.NONE, "v128 -> v128"),
    I32X4_TRUNC_SAT_F32X4_U(Prefix.SIMD, 0xF9, "i32x4.trunc_sat_f32x4_u", Imm.NONE, "v128 -> v128"),
    F32X4_CONVERT_I32X4_S(Prefix.SIMD, 0xFA, "f32x4.convert_i32x4_s", Imm.NONE, "v128 -> v128"),
    F32X4_CONVERT_I32X4_U(Prefix.SIMD, 0xFB, "f32x4.convert_i32x4_u", Imm.NONE, "v128 -> v128"),
    I32X4_TRUNC_SAT_F64X2_S_ZERO(Prefix.SIMD, 0xFC, "i32x4.trunc_sat_f64x2_s_zero", Imm.NONE, "v128 -> v128"),
    I32X4_TRUNC_SAT_F64X2_U_ZERO(Prefix.SIMD, 0xFD, "i32x4.trunc_sat_f64x2_u_zero", Imm.NONE, "v128 -> v128"),
    F64X2_CONVERT_LOW_I32X4_S(Prefix.SIMD, 0xFE, "f64x2.convert_low_i32x4_s", Imm.NONE, "v128 -> v128"),
    F64X2_CONVERT_LOW_I32X4_U(Prefix.SIMD, 0xFF, "f64x2.convert_low_i32x4_u", Imm.NONE, "v128 -> v128"),
    I8X16_RELAXED_SWIZZLE(Prefix.SIMD, 0x100, "i8x16.relaxed_swizzle", Imm.NONE, "v128 v128 -> v128"),
    I32X4_RELAXED_TRUNC_F32X4_S(Prefix.SIMD, 0x101, "i32x4.relaxed_trunc_f32x4_s", Imm.NONE, "v128 -> v128"),
    I32X4_RELAXED_TRUNC_F32X4_U(Prefix.SIMD, 0x102, "i32x4.relaxed_trunc_f32x4_u", Imm.NONE, "v128 -> v128"),
    I32X4_RELAXED_TRUNC_F64X2_S_ZERO(Prefix.SIMD, 0x103, "i32x4.relaxed_trunc_f64x2_s_zero", Imm.NONE, "v128 -> v128"),
    I32X4_RELAXED_TRUNC_F64X2_U_ZERO(Prefix.SIMD, 0x104, "i32x4.relaxed_trunc_f64x2_u_zero", Imm.NONE, "v128 -> v128"),
    F32X4_RELAXED_MADD(Prefix.SIMD, 0x105, "f32x4.relaxed_madd", Imm.NONE, "v128 v128 v128 -> v128"),
    F32X4_RELAXED_NMADD(Prefix.SIMD, 0x106, "f32x4.relaxed_nmadd", Imm.NONE, "v128 v128 v128 -> v128"),
    F64X2_RELAXED_MADD(Prefix.SIMD, 0x107, "f64x2.relaxed_madd", Imm.NONE, "v128 v128 v128 -> v128"),
    F64X2_RELAXED_NMADD(Prefix.SIMD, 0x108, "f64x2.relaxed_nmadd", Imm.NONE, "v128 v128 v128 -> v128"),
    I8X16_RELAXED_LANESELECT(Prefix.SIMD, 0x109, "i8x16.relaxed_laneselect", Imm.NONE, "v128 v128 v128 -> v128"),
    I16X8_RELAXED_LANESELECT(Prefix.SIMD, 0x10A, "i16x8.relaxed_laneselect", Imm.NONE, "v128 v128 v128 -> v128"),
    I32X4_RELAXED_LANESELECT(Prefix.SIMD, 0x10B, "i32x4.relaxed_laneselect", Imm.NONE, "v128 v128 v128 -> v128"),
    I64X2_RELAXED_LANESELECT(Prefix.SIMD, 0x10C, "i64x2.relaxed_laneselect", Imm.NONE, "v128 v128 v128 -> v128"),
    F32X4_RELAXED_MIN(Prefix.SIMD, 0x10D, "f32x4.relaxed_min", Imm.NONE, "v128 v128 -> v128"),
    F32X4_RELAXED_MAX(Prefix.SIMD, 0x10E, "f32x4.relaxed_max", Imm.NONE, "v128 v128 -> v128"),
    F64X2_RELAXED_MIN(Prefix.SIMD, 0x10F, "f64x2.relaxed_min", Imm.NONE, "v128 v128 -> v128"),
    F64X2_RELAXED_MAX(Prefix.SIMD, 0x110, "f64x2.relaxed_max", Imm.NONE, "v128 v128 -> v128"),
    I16X8_RELAXED_Q15MULR_S(Prefix.SIMD, 0x111, "i16x8.relaxed_q15mulr_s", Imm.NONE, "v128 v128 -> v128"),
    I16X8_RELAXED_DOT_I8X16_I7X16_S(Prefix.SIMD, 0x112, "i16x8.relaxed_dot_i8x16_i7x16_s", Imm.NONE, "v128 v128 -> v128"),
    I32X4_RELAXED_DOT_I8X16_I7X16_ADD_S(Prefix.SIMD, 0x113, "i32x4.relaxed_dot_i8x16_i7x16_add_s", Imm.NONE, "v128 v128 v128 -> v128"),
    MEMORY_ATOMIC_NOTIFY(Prefix.ATOMIC, 0x00, "memory.atomic.notify", Imm.MEMARG, "a i32 -> i32", 4),
    MEMORY_ATOMIC_WAIT32(Prefix.ATOMIC, 0x01, "memory.atomic.wait32", Imm.MEMARG, "a i32 i64 -> i32", 4),
    MEMORY_ATOMIC_WAIT64(Prefix.ATOMIC, 0x02, "memory.atomic.wait64", Imm.MEMARG, "a i64 i64 -> i32", 8),
    ATOMIC_FENCE(Prefix.ATOMIC, 0x03, "atomic.fence", Imm.ZERO_BYTE, "->"),
    I32_ATOMIC_LOAD(Prefix.ATOMIC, 0x10, "i32.atomic.load", Imm.MEMARG, "a -> i32", 4),
    I64_ATOMIC_LOAD(Prefix.ATOMIC, 0x11, "i64.atomic.load", Imm.MEMARG, "a -> i64", 8),
    I32_ATOMIC_LOAD8_U(Prefix.ATOMIC, 0x12, "i32.atomic.load8_u", Imm.MEMARG, "a -> i32", 1),
    I32_ATOMIC_LOAD16_U(Prefix.ATOMIC, 0x13, "i32.atomic.load16_u", Imm.MEMARG, "a -> i32", 2),
    I64_ATOMIC_LOAD8_U(Prefix.ATOMIC, 0x14, "i64.atomic.load8_u", Imm.MEMARG, "a -> i64", 1),
    I64_ATOMIC_LOAD16_U(Prefix.ATOMIC, 0x15, "i64.atomic.load16_u", Imm.MEMARG, "a -> i64", 2),
    I64_ATOMIC_LOAD32_U(Prefix.ATOMIC, 0x16, "i64.atomic.load32_u", Imm.MEMARG, "a -> i64", 4),
    I32_ATOMIC_STORE(Prefix.ATOMIC, 0x17, "i32.atomic.store", Imm.MEMARG, "a i32 ->", 4),
    I64_ATOMIC_STORE(Prefix.ATOMIC, 0x18, "i64.atomic.store", Imm.MEMARG, "a i64 ->", 8),
    I32_ATOMIC_STORE8(Prefix.ATOMIC, 0x19, "i32.atomic.store8", Imm.MEMARG, "a i32 ->", 1),
    I32_ATOMIC_STORE16(Prefix.ATOMIC, 0x1A, "i32.atomic.store16", Imm.MEMARG, "a i32 ->", 2),
    I64_ATOMIC_STORE8(Prefix.ATOMIC, 0x1B, "i64.atomic.store8", Imm.MEMARG, "a i64 ->", 1),
    I64_ATOMIC_STORE16(Prefix.ATOMIC, 0x1C, "i64.atomic.store16", Imm.MEMARG, "a i64 ->", 2),
    I64_ATOMIC_STORE32(Prefix.ATOMIC, 0x1D, "i64.atomic.store32", Imm.MEMARG, "a i64 ->", 4),
    I32_ATOMIC_RMW_ADD(Prefix.ATOMIC, 0x1E, "i32.atomic.rmw.add", Imm.MEMARG, "a i32 -> i32", 4),
    I64_ATOMIC_RMW_ADD(Prefix.ATOMIC, 0x1F, "i64.atomic.rmw.add", Imm.MEMARG, "a i64 -> i64", 8),
    I32_ATOMIC_RMW8_ADD_U(Prefix.ATOMIC, 0x20, "i32.atomic.rmw8.add_u", Imm.MEMARG, "a i32 -> i32", 1),
    I32_ATOMIC_RMW16_ADD_U(Prefix.ATOMIC, 0x21, "i32.atomic.rmw16.add_u", Imm.MEMARG, "a i32 -> i32", 2),
    I64_ATOMIC_RMW8_ADD_U(Prefix.ATOMIC, 0x22, "i64.atomic.rmw8.add_u", Imm.MEMARG, "a i64 -> i64", 1),
    I64_ATOMIC_RMW16_ADD_U(Prefix.ATOMIC, 0x23, "i64.atomic.rmw16.add_u", Imm.MEMARG, "a i64 -> i64", 2),
    I64_ATOMIC_RMW32_ADD_U(Prefix.ATOMIC, 0x24, "i64.atomic.rmw32.add_u", Imm.MEMARG, "a i64 -> i64", 4),
    I32_ATOMIC_RMW_SUB(Prefix.ATOMIC, 0x25, "i32.atomic.rmw.sub", Imm.MEMARG, "a i32 -> i32", 4),
    I64_ATOMIC_RMW_SUB(Prefix.ATOMIC, 0x26, "i64.atomic.rmw.sub", Imm.MEMARG, "a i64 -> i64", 8),
    I32_ATOMIC_RMW8_SUB_U(Prefix.ATOMIC, 0x27, "i32.atomic.rmw8.sub_u", Imm.MEMARG, "a i32 -> i32", 1),
    I32_ATOMIC_RMW16_SUB_U(Prefix.ATOMIC, 0x28, "i32.atomic.rmw16.sub_u", Imm.MEMARG, "a i32 -> i32", 2),
    I64_ATOMIC_RMW8_SUB_U(Prefix.ATOMIC, 0x29, "i64.atomic.rmw8.sub_u", Imm.MEMARG, "a i64 -> i64", 1),
    I64_ATOMIC_RMW16_SUB_U(Prefix.ATOMIC, 0x2A, "i64.atomic.rmw16.sub_u", Imm.MEMARG, "a i64 -> i64", 2),
    I64_ATOMIC_RMW32_SUB_U(Prefix.ATOMIC, 0x2B, "i64.atomic.rmw32.sub_u", Imm.MEMARG, "a i64 -> i64", 4),
    I32_ATOMIC_RMW_AND(Prefix.ATOMIC, 0x2C, "i32.atomic.rmw.and", Imm.MEMARG, "a i32 -> i32", 4),
    I64_ATOMIC_RMW_AND(Prefix.ATOMIC, 0x2D, "i64.atomic.rmw.and", Imm.MEMARG, "a i64 -> i64", 8),
    I32_ATOMIC_RMW8_AND_U(Prefix.ATOMIC, 0x2E, "i32.atomic.rmw8.and_u", Imm.MEMARG, "a i32 -> i32", 1),
    I32_ATOMIC_RMW16_AND_U(Prefix.ATOMIC, 0x2F, "i32.atomic.rmw16.and_u", Imm.MEMARG, "a i32 -> i32", 2),
    I64_ATOMIC_RMW8_AND_U(Prefix.ATOMIC, 0x30, "i64.atomic.rmw8.and_u", Imm.MEMARG, "a i64 -> i64", 1),
    I64_ATOMIC_RMW16_AND_U(Prefix.ATOMIC, 0x31, "i64.atomic.rmw16.and_u", Imm.MEMARG, "a i64 -> i64", 2),
    I64_ATOMIC_RMW32_AND_U(Prefix.ATOMIC, 0x32, "i64.atomic.rmw32.and_u", Imm.MEMARG, "a i64 -> i64", 4),
    I32_ATOMIC_RMW_OR(Prefix.ATOMIC, 0x33, "i32.atomic.rmw.or", Imm.MEMARG, "a i32 -> i32", 4),
    I64_ATOMIC_RMW_OR(Prefix.ATOMIC, 0x34, "i64.atomic.rmw.or", Imm.MEMARG, "a i64 -> i64", 8),
    I32_ATOMIC_RMW8_OR_U(Prefix.ATOMIC, 0x35, "i32.atomic.rmw8.or_u", Imm.MEMARG, "a i32 -> i32", 1),
    I32_ATOMIC_RMW16_OR_U(Prefix.ATOMIC, 0x36, "i32.atomic.rmw16.or_u", Imm.MEMARG, "a i32 -> i32", 2),
    I64_ATOMIC_RMW8_OR_U(Prefix.ATOMIC, 0x37, "i64.atomic.rmw8.or_u", Imm.MEMARG, "a i64 -> i64", 1),
    I64_ATOMIC_RMW16_OR_U(Prefix.ATOMIC, 0x38, "i64.atomic.rmw16.or_u", Imm.MEMARG, "a i64 -> i64", 2),
    I64_ATOMIC_RMW32_OR_U(Prefix.ATOMIC, 0x39, "i64.atomic.rmw32.or_u", Imm.MEMARG, "a i64 -> i64", 4),
    I32_ATOMIC_RMW_XOR(Prefix.ATOMIC, 0x3A, "i32.atomic.rmw.xor", Imm.MEMARG, "a i32 -> i32", 4),
    I64_ATOMIC_RMW_XOR(Prefix.ATOMIC, 0x3B, "i64.atomic.rmw.xor", Imm.MEMARG, "a i64 -> i64", 8),
    I32_ATOMIC_RMW8_XOR_U(Prefix.ATOMIC, 0x3C, "i32.atomic.rmw8.xor_u", Imm.MEMARG, "a i32 -> i32", 1),
    I32_ATOMIC_RMW16_XOR_U(Prefix.ATOMIC, 0x3D, "i32.atomic.rmw16.xor_u", Imm.MEMARG, "a i32 -> i32", 2),
    I64_ATOMIC_RMW8_XOR_U(Prefix.ATOMIC, 0x3E, "i64.atomic.rmw8.xor_u", Imm.MEMARG, "a i64 -> i64", 1),
    I64_ATOMIC_RMW16_XOR_U(Prefix.ATOMIC, 0x3F, "i64.atomic.rmw16.xor_u", Imm.MEMARG, "a i64 -> i64", 2),
    I64_ATOMIC_RMW32_XOR_U(Prefix.ATOMIC, 0x40, "i64.atomic.rmw32.xor_u", Imm.MEMARG, "a i64 -> i64", 4),
    I32_ATOMIC_RMW_XCHG(Prefix.ATOMIC, 0x41, "i32.atomic.rmw.xchg", Imm.MEMARG, "a i32 -> i32", 4),
    I64_ATOMIC_RMW_XCHG(Prefix.ATOMIC, 0x42, "i64.atomic.rmw.xchg", Imm.MEMARG, "a i64 -> i64", 8),
    I32_ATOMIC_RMW8_XCHG_U(Prefix.ATOMIC, 0x43, "i32.atomic.rmw8.xchg_u", Imm.MEMARG, "a i32 -> i32", 1),
    I32_ATOMIC_RMW16_XCHG_U(Prefix.ATOMIC, 0x44, "i32.atomic.rmw16.xchg_u", Imm.MEMARG, "a i32 -> i32", 2),
    I64_ATOMIC_RMW8_XCHG_U(Prefix.ATOMIC, 0x45, "i64.atomic.rmw8.xchg_u", Imm.MEMARG, "a i64 -> i64", 1),
    I64_ATOMIC_RMW16_XCHG_U(Prefix.ATOMIC, 0x46, "i64.atomic.rmw16.xchg_u", Imm.MEMARG, "a i64 -> i64", 2),
    I64_ATOMIC_RMW32_XCHG_U(Prefix.ATOMIC, 0x47, "i64.atomic.rmw32.xchg_u", Imm.MEMARG, "a i64 -> i64", 4),
    I32_ATOMIC_RMW_CMPXCHG(Prefix.ATOMIC, 0x48, "i32.atomic.rmw.cmpxchg", Imm.MEMARG, "a i32 i32 -> i32", 4),
    I64_ATOMIC_RMW_CMPXCHG(Prefix.ATOMIC, 0x49, "i64.atomic.rmw.cmpxchg", Imm.MEMARG, "a i64 i64 -> i64", 8),
    I32_ATOMIC_RMW8_CMPXCHG_U(Prefix.ATOMIC, 0x4A, "i32.atomic.rmw8.cmpxchg_u", Imm.MEMARG, "a i32 i32 -> i32", 1),
    I32_ATOMIC_RMW16_CMPXCHG_U(Prefix.ATOMIC, 0x4B, "i32.atomic.rmw16.cmpxchg_u", Imm.MEMARG, "a i32 i32 -> i32", 2),
    I64_ATOMIC_RMW8_CMPXCHG_U(Prefix.ATOMIC, 0x4C, "i64.atomic.rmw8.cmpxchg_u", Imm.MEMARG, "a i64 i64 -> i64", 1),
    I64_ATOMIC_RMW16_CMPXCHG_U(Prefix.ATOMIC, 0x4D, "i64.atomic.rmw16.cmpxchg_u", Imm.MEMARG, "a i64 i64 -> i64", 2),
    I64_ATOMIC_RMW32_CMPXCHG_U(Prefix.ATOMIC, 0x4E, "i64.atomic.rmw32.cmpxchg_u", Imm.MEMARG, "a i64 i64 -> i64", 4);

    /** Prefix value of single-byte opcodes. */
    public static final int SINGLE = Prefix.SINGLE;
    /** Prefix byte of the GC instructions. */
    public static final int GC = Prefix.GC;
    /** Prefix byte of saturating truncation, bulk memory, table and memory control instructions. */
    public static final int MISC = Prefix.MISC;
    /** Prefix byte of the SIMD instructions. */
    public static final int SIMD = Prefix.SIMD;
    /** Prefix byte of the atomic (threads) instructions. */
    public static final int ATOMIC = Prefix.ATOMIC;

    /** The prefix bytes, in a holder so that the constants above can be used in the table. */
    private static final class Prefix {
        static final int SINGLE = 0;
        static final int GC = 0xFB;
        static final int MISC = 0xFC;
        static final int SIMD = 0xFD;
        static final int ATOMIC = 0xFE;
    }

    private final int prefix;
    private final int code;
    private final String mnemonic;
    private final Imm imm;
    private final String signature;
    private final int width;
    private volatile List<ValType> params32;
    private volatile List<ValType> results32;
    private volatile List<ValType> params64;
    private volatile List<ValType> results64;

    Opcode(int prefix, int code, String mnemonic, Imm imm, String signature) {
        this(prefix, code, mnemonic, imm, signature, 0);
    }

    Opcode(int prefix, int code, String mnemonic, Imm imm, String signature, int width) {
        this.prefix = prefix;
        this.code = code;
        this.mnemonic = mnemonic;
        this.imm = imm;
        this.signature = signature;
        this.width = width;
    }

    /**
     * 0 for single-byte instructions, else the prefix byte (0xFB, 0xFC, 0xFD, 0xFE).
     *
     * @return the prefix
     */
    public int prefix() {
        return prefix;
    }

    /**
     * The opcode byte, or the LEB128 u32 after the prefix.
     *
     * @return the code
     */
    public int code() {
        return code;
    }

    /**
     * The unique name of this instruction, its text keyword for all but a few (see class comment).
     *
     * @return the mnemonic
     */
    public String mnemonic() {
        return mnemonic;
    }

    /**
     * The keyword written in the text format.
     *
     * @return the text keyword
     */
    public String textKeyword() {
        return switch (this) {
            case SELECT_T -> "select";
            case REF_TEST_NULL -> "ref.test";
            case REF_CAST_NULL -> "ref.cast";
            default -> mnemonic;
        };
    }

    /**
     * The shape of this instruction's immediates.
     *
     * @return the immediates' shape
     */
    public Imm imm() {
        return imm;
    }

    /**
     * The fixed stack signature, or null when validation has a hand-written rule.
     *
     * @return the signature
     */
    public String signature() {
        return signature;
    }

    public boolean hasFixedSignature() {
        return signature != null;
    }

    /**
     * Bytes touched by a memory access instruction; 0 otherwise.
     *
     * @return the width
     */
    public int width() {
        return width;
    }

    /**
     * Natural alignment exponent of a memory access: log2(width).
     *
     * @return the natural alignment
     */
    public int naturalAlignment() {
        return Integer.numberOfTrailingZeros(width);
    }

    /**
     * Operand types of a fixed signature, with {@code a} read as {@code addr}.
     *
     * @param addr the addr
     * @return the params
     */
    public List<ValType> params(AddrType addr) {
        if (results64 == null && signature != null) {
            readSignature();
        }
        return addr == AddrType.I64 ? params64 : params32;
    }

    /**
     * Result types of a fixed signature, with {@code a} read as {@code addr}.
     *
     * @param addr the addr
     * @return the results
     */
    public List<ValType> results(AddrType addr) {
        if (results64 == null && signature != null) {
            readSignature();
        }
        return addr == AddrType.I64 ? results64 : results32;
    }

    /**
     * The opcode with this prefix and code, or null.
     *
     * @param prefix the prefix
     * @param code the code
     * @return the opcode
     */
    public static Opcode of(int prefix, int code) {
        Opcode[] table = prefix == SINGLE ? SINGLE_TABLE : prefix >= GC && prefix <= ATOMIC ? PREFIXED[prefix - GC] : null;
        return table == null || code < 0 || code >= table.length ? null : table[code];
    }

    /**
     * True when {@code b} is a prefix byte that a u32 code follows.
     *
     * @param b the b
     * @return whether prefix holds
     */
    public static boolean isPrefix(int b) {
        return b == GC || b == MISC || b == SIMD || b == ATOMIC;
    }

    /**
     * The opcode with this mnemonic ({@link #mnemonic()}), or null.
     *
     * @param mnemonic the mnemonic
     * @return the by mnemonic
     */
    public static Opcode byMnemonic(String mnemonic) {
        return ByName.BY_MNEMONIC.get(mnemonic);
    }

    /**
     * All opcodes written with this text keyword (usually one).
     *
     * @param keyword the keyword
     * @return the by text keyword
     */
    public static List<Opcode> byTextKeyword(String keyword) {
        return ByName.BY_KEYWORD.getOrDefault(keyword, List.of());
    }

    @Override
    public String toString() {
        return mnemonic;
    }

    /*
     * Start-up matters here: every run decodes, and this class is initialised on the first instruction read.
     * So the decoder's tables are plain arrays filled in one pass, the signatures are read into types when
     * first asked for (the validator asks for the few instructions a module uses), and the text format's
     * name lookups are built only by the text tools (holder classes, initialised on first use).
     */
    /** Direct lookup tables: the decoder and validator look up every instruction. */
    private static final Opcode[] SINGLE_TABLE;
    private static final Opcode[][] PREFIXED;

    static {
        int[] sizes = new int[ATOMIC - GC + 2]; // single-byte opcodes last
        for (Opcode op : values()) {
            int t = tableIndex(op.prefix);
            sizes[t] = Math.max(sizes[t], op.code + 1);
        }
        Opcode[][] tables = new Opcode[sizes.length][];
        for (int t = 0; t < sizes.length; t++) {
            tables[t] = new Opcode[sizes[t]];
        }
        for (Opcode op : values()) {
            Opcode[] table = tables[tableIndex(op.prefix)];
            if (table[op.code] != null) {
                throw new AssertionError("duplicate encoding " + op + " / " + table[op.code]);
            }
            table[op.code] = op;
        }
        SINGLE_TABLE = tables[sizes.length - 1];
        PREFIXED = new Opcode[ATOMIC - GC + 1][];
        System.arraycopy(tables, 0, PREFIXED, 0, PREFIXED.length);
    }

    private static int tableIndex(int prefix) {
        return prefix == SINGLE ? ATOMIC - GC + 1 : prefix - GC;
    }

    /** The text format's lookups, built on first use. */
    private static final class ByName {
        static final Map<String, Opcode> BY_MNEMONIC = new HashMap<>();
        static final Map<String, List<Opcode>> BY_KEYWORD = new HashMap<>();

        static {
            for (Opcode op : values()) {
                BY_MNEMONIC.put(op.mnemonic, op);
                BY_KEYWORD.computeIfAbsent(op.textKeyword(), k -> new ArrayList<>()).add(op);
            }
            BY_KEYWORD.replaceAll((k, v) -> Collections.unmodifiableList(v));
        }
    }

    /**
     * Reads the signature into the four type lists. Racing threads compute equal immutable lists, and
     * {@code results64}, written last, tells that all four are there.
     */
    private void readSignature() {
        int arrow = signature.indexOf("->");
        String params = signature.substring(0, arrow);
        String results = signature.substring(arrow + 2);
        params32 = parseTypes(params, AddrType.I32);
        results32 = parseTypes(results, AddrType.I32);
        params64 = parseTypes(params, AddrType.I64);
        results64 = parseTypes(results, AddrType.I64);
    }

    private static List<ValType> parseTypes(String s, AddrType addr) {
        List<ValType> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            if (s.charAt(i) == ' ') {
                i++;
                continue;
            }
            int end = s.indexOf(' ', i);
            end = end < 0 ? s.length() : end;
            String t = s.substring(i, end);
            i = end;
            switch (t) {
                case "a" -> out.add(addr.valType());
                case "i32" -> out.add(NumType.I32);
                case "i64" -> out.add(NumType.I64);
                case "f32" -> out.add(NumType.F32);
                case "f64" -> out.add(NumType.F64);
                case "v128" -> out.add(VecType.V128);
                default -> throw new AssertionError("bad signature type " + t);
            }
        }
        return List.copyOf(out);
    }
}
