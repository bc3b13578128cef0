package dev.wasm4j.exec.interp;

/**
 * The interpreter's internal instruction set. A translated body is an int array: an op code followed by
 * its immediates; {@link #immediates(int)} gives their count (-1: variable, only {@code BR_TABLE}).
 * Branch immediates are {@code target pc, destination height (slots from the frame pointer), kept slots}.
 * Ops that are rare or large are executed outside the main loop (see {@code Interpreter}).
 */
final class Ops {
    static final int UNREACHABLE = 0;
    static final int NOP = 1;
    static final int JUMP = 2;
    static final int BR = 3;
    static final int BR_IF = 4;
    static final int BR_UNLESS = 5;
    static final int BR_TABLE = 6;
    static final int RETURN = 7;
    static final int CALL = 8;
    static final int CALL_INDIRECT = 9;
    static final int CALL_REF = 10;
    static final int RETURN_CALL = 11;
    static final int RETURN_CALL_INDIRECT = 12;
    static final int RETURN_CALL_REF = 13;
    static final int THROW = 14;
    static final int THROW_REF = 15;
    static final int RETHROW = 16;
    static final int FUEL = 17;
    static final int BR_ON_NULL = 18;
    static final int BR_ON_NON_NULL = 19;
    static final int BR_ON_CAST = 20;
    static final int BR_ON_CAST_FAIL = 21;
    static final int DROP = 22;
    static final int SELECT = 23;
    static final int SELECT_REF = 24;
    static final int SELECT_V128 = 25;
    static final int LOCAL_GET = 26;
    static final int LOCAL_SET = 27;
    static final int LOCAL_TEE = 28;
    static final int LOCAL_GET_REF = 29;
    static final int LOCAL_SET_REF = 30;
    static final int LOCAL_TEE_REF = 31;
    static final int LOCAL_GET_V128 = 32;
    static final int LOCAL_SET_V128 = 33;
    static final int LOCAL_TEE_V128 = 34;
    static final int GLOBAL_GET = 35;
    static final int GLOBAL_SET = 36;
    static final int GLOBAL_GET_REF = 37;
    static final int GLOBAL_SET_REF = 38;
    static final int GLOBAL_GET_V128 = 39;
    static final int GLOBAL_SET_V128 = 40;
    static final int I32_CONST = 41;
    static final int I64_CONST = 42;
    static final int V128_CONST = 43;
    static final int REF_NULL = 44;
    static final int REF_FUNC = 45;
    static final int LOAD8_S = 46;
    static final int LOAD8_U = 47;
    static final int LOAD16_S = 48;
    static final int LOAD16_U = 49;
    static final int LOAD32_S = 50;
    static final int LOAD32_U = 51;
    static final int LOAD64 = 52;
    static final int STORE8 = 53;
    static final int STORE16 = 54;
    static final int STORE32 = 55;
    static final int STORE64 = 56;
    static final int MEM_GENERIC = 57;
    static final int MEMORY_SIZE = 58;
    static final int MEMORY_GROW = 59;
    static final int MEMORY_FILL = 60;
    static final int MEMORY_COPY = 61;
    static final int MEMORY_INIT = 62;
    static final int DATA_DROP = 63;
    static final int MEMORY_DISCARD = 64;
    static final int MEMORY_MAP = 65;
    static final int MEMORY_UNMAP = 66;
    static final int MEMORY_PROTECT = 67;
    static final int TABLE_GET = 68;
    static final int TABLE_SET = 69;
    static final int TABLE_SIZE = 70;
    static final int TABLE_GROW = 71;
    static final int TABLE_FILL = 72;
    static final int TABLE_COPY = 73;
    static final int TABLE_INIT = 74;
    static final int ELEM_DROP = 75;
    static final int I32_EQZ = 76;
    static final int I32_EQ = 77;
    static final int I32_NE = 78;
    static final int I32_LT_S = 79;
    static final int I32_LT_U = 80;
    static final int I32_GT_S = 81;
    static final int I32_GT_U = 82;
    static final int I32_LE_S = 83;
    static final int I32_LE_U = 84;
    static final int I32_GE_S = 85;
    static final int I32_GE_U = 86;
    static final int I64_EQZ = 87;
    static final int I64_EQ = 88;
    static final int I64_NE = 89;
    static final int I64_LT_S = 90;
    static final int I64_LT_U = 91;
    static final int I64_GT_S = 92;
    static final int I64_GT_U = 93;
    static final int I64_LE_S = 94;
    static final int I64_LE_U = 95;
    static final int I64_GE_S = 96;
    static final int I64_GE_U = 97;
    static final int F32_EQ = 98;
    static final int F32_NE = 99;
    static final int F32_LT = 100;
    static final int F32_GT = 101;
    static final int F32_LE = 102;
    static final int F32_GE = 103;
    static final int F64_EQ = 104;
    static final int F64_NE = 105;
    static final int F64_LT = 106;
    static final int F64_GT = 107;
    static final int F64_LE = 108;
    static final int F64_GE = 109;
    static final int I32_CLZ = 110;
    static final int I32_CTZ = 111;
    static final int I32_POPCNT = 112;
    static final int I32_ADD = 113;
    static final int I32_SUB = 114;
    static final int I32_MUL = 115;
    static final int I32_DIV_S = 116;
    static final int I32_DIV_U = 117;
    static final int I32_REM_S = 118;
    static final int I32_REM_U = 119;
    static final int I32_AND = 120;
    static final int I32_OR = 121;
    static final int I32_XOR = 122;
    static final int I32_SHL = 123;
    static final int I32_SHR_S = 124;
    static final int I32_SHR_U = 125;
    static final int I32_ROTL = 126;
    static final int I32_ROTR = 127;
    static final int I64_CLZ = 128;
    static final int I64_CTZ = 129;
    static final int I64_POPCNT = 130;
    static final int I64_ADD = 131;
    static final int I64_SUB = 132;
    static final int I64_MUL = 133;
    static final int I64_DIV_S = 134;
    static final int I64_DIV_U = 135;
    static final int I64_REM_S = 136;
    static final int I64_REM_U = 137;
    static final int I64_AND = 138;
    static final int I64_OR = 139;
    static final int I64_XOR = 140;
    static final int I64_SHL = 141;
    static final int I64_SHR_S = 142;
    static final int I64_SHR_U = 143;
    static final int I64_ROTL = 144;
    static final int I64_ROTR = 145;
    static final int F32_ABS = 146;
    static final int F32_NEG = 147;
    static final int F32_CEIL = 148;
    static final int F32_FLOOR = 149;
    static final int F32_TRUNC = 150;
    static final int F32_NEAREST = 151;
    static final int F32_SQRT = 152;
    static final int F32_ADD = 153;
    static final int F32_SUB = 154;
    static final int F32_MUL = 155;
    static final int F32_DIV = 156;
    static final int F32_MIN = 157;
    static final int F32_MAX = 158;
    static final int F32_COPYSIGN = 159;
    static final int F64_ABS = 160;
    static final int F64_NEG = 161;
    static final int F64_CEIL = 162;
    static final int F64_FLOOR = 163;
    static final int F64_TRUNC = 164;
    static final int F64_NEAREST = 165;
    static final int F64_SQRT = 166;
    static final int F64_ADD = 167;
    static final int F64_SUB = 168;
    static final int F64_MUL = 169;
    static final int F64_DIV = 170;
    static final int F64_MIN = 171;
    static final int F64_MAX = 172;
    static final int F64_COPYSIGN = 173;
    static final int I32_WRAP_I64 = 174;
    static final int I64_EXTEND_I32_S = 175;
    static final int I64_EXTEND_I32_U = 176;
    static final int I32_EXTEND8_S = 177;
    static final int I32_EXTEND16_S = 178;
    static final int I64_EXTEND8_S = 179;
    static final int I64_EXTEND16_S = 180;
    static final int I64_EXTEND32_S = 181;
    static final int REINTERPRET = 182;
    static final int CONVERT = 183;
    static final int REF_IS_NULL = 184;
    static final int REF_AS_NON_NULL = 185;
    static final int REF_EQ = 186;
    static final int REF_TEST = 187;
    static final int REF_CAST = 188;
    static final int REF_I31 = 189;
    static final int I31_GET_S = 190;
    static final int I31_GET_U = 191;
    static final int ANY_CONVERT_EXTERN = 192;
    static final int EXTERN_CONVERT_ANY = 193;
    static final int STRUCT_NEW = 194;
    static final int STRUCT_NEW_DEFAULT = 195;
    static final int STRUCT_GET = 196;
    static final int STRUCT_GET_S = 197;
    static final int STRUCT_GET_U = 198;
    static final int STRUCT_SET = 199;
    static final int ARRAY_NEW = 200;
    static final int ARRAY_NEW_DEFAULT = 201;
    static final int ARRAY_NEW_FIXED = 202;
    static final int ARRAY_NEW_DATA = 203;
    static final int ARRAY_NEW_ELEM = 204;
    static final int ARRAY_GET = 205;
    static final int ARRAY_GET_S = 206;
    static final int ARRAY_GET_U = 207;
    static final int ARRAY_SET = 208;
    static final int ARRAY_LEN = 209;
    static final int ARRAY_FILL = 210;
    static final int ARRAY_COPY = 211;
    static final int ARRAY_INIT_DATA = 212;
    static final int ARRAY_INIT_ELEM = 213;
    static final int SIMD = 214;
    static final int WIDE = 215;
    static final int ATOMIC = 216;
    /** The head of a loop the compiling tier may take over: counts iterations (immediate: the loop's ordinal). */
    static final int LOOP_HEAD = 217;
    /**
     * The frozen proposal's operations (immediates: kind, argument), executed by {@link FrozenOps}:
     * {@code ref.freeze}, and the checks of accesses to freezable objects and globals and of a phase's entry.
     */
    static final int FROZEN = 218;
    /**
     * Function entry and loop head: stops the call when the instance was interrupted or the thread's
     * interrupt status is set (see {@link dev.wasm4j.exec.Interrupts}).
     */
    static final int INTERRUPT = 219;

    static final int COUNT = 219;

    private static final byte[] IMMEDIATES = {
        0, 0, 1, 3, 3, 1, -1, 0, 1, 2, 1, 1, 2, 1, 1, 0, 1, 1, 3, 3, 4, 4, 1, 0, 0, 0, 1, 1, 1, 1, 1,
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 4, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 4, 1, 1, 1, 2,
        2, 1, 1, 2, 1, 2, 1, 1, 1, 1, 1, 2, 2, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0,
        0, 1, 1, 0, 0, 0, 0, 0, 1, 1, 2, 2, 2, 2, 1, 1, 2, 2, 2, 1, 1, 1, 1, 0, 1, 2, 2, 2, 5, 1, 4, 1, 2,
        0,
    };

    private static final String[] NAMES = {
        "UNREACHABLE",
        "NOP",
        "JUMP",
        "BR",
        "BR_IF",
        "BR_UNLESS",
        "BR_TABLE",
        "RETURN",
        "CALL",
        "CALL_INDIRECT",
        "CALL_REF",
        "RETURN_CALL",
        "RETURN_CALL_INDIRECT",
        "RETURN_CALL_REF",
        "THROW",
        "THROW_REF",
        "RETHROW",
        "FUEL",
        "BR_ON_NULL",
        "BR_ON_NON_NULL",
        "BR_ON_CAST",
        "BR_ON_CAST_FAIL",
        "DROP",
        "SELECT",
        "SELECT_REF",
        "SELECT_V128",
        "LOCAL_GET",
        "LOCAL_SET",
        "LOCAL_TEE",
        "LOCAL_GET_REF",
        "LOCAL_SET_REF",
        "LOCAL_TEE_REF",
        "LOCAL_GET_V128",
        "LOCAL_SET_V128",
        "LOCAL_TEE_V128",
        "GLOBAL_GET",
        "GLOBAL_SET",
        "GLOBAL_GET_REF",
        "GLOBAL_SET_REF",
        "GLOBAL_GET_V128",
        "GLOBAL_SET_V128",
        "I32_CONST",
        "I64_CONST",
        "V128_CONST",
        "REF_NULL",
        "REF_FUNC",
        "LOAD8_S",
        "LOAD8_U",
        "LOAD16_S",
        "LOAD16_U",
        "LOAD32_S",
        "LOAD32_U",
        "LOAD64",
        "STORE8",
        "STORE16",
        "STORE32",
        "STORE64",
        "MEM_GENERIC",
        "MEMORY_SIZE",
        "MEMORY_GROW",
        "MEMORY_FILL",
        "MEMORY_COPY",
        "MEMORY_INIT",
        "DATA_DROP",
        "MEMORY_DISCARD",
        "MEMORY_MAP",
        "MEMORY_UNMAP",
        "MEMORY_PROTECT",
        "TABLE_GET",
        "TABLE_SET",
        "TABLE_SIZE",
        "TABLE_GROW",
        "TABLE_FILL",
        "TABLE_COPY",
        "TABLE_INIT",
        "ELEM_DROP",
        "I32_EQZ",
        "I32_EQ",
        "I32_NE",
        "I32_LT_S",
        "I32_LT_U",
        "I32_GT_S",
        "I32_GT_U",
        "I32_LE_S",
        "I32_LE_U",
        "I32_GE_S",
        "I32_GE_U",
        "I64_EQZ",
        "I64_EQ",
        "I64_NE",
        "I64_LT_S",
        "I64_LT_U",
        "I64_GT_S",
        "I64_GT_U",
        "I64_LE_S",
        "I64_LE_U",
        "I64_GE_S",
        "I64_GE_U",
        "F32_EQ",
        "F32_NE",
        "F32_LT",
        "F32_GT",
        "F32_LE",
        "F32_GE",
        "F64_EQ",
        "F64_NE",
        "F64_LT",
        "F64_GT",
        "F64_LE",
        "F64_GE",
        "I32_CLZ",
        "I32_CTZ",
        "I32_POPCNT",
        "I32_ADD",
        "I32_SUB",
        "I32_MUL",
        "I32_DIV_S",
        "I32_DIV_U",
        "I32_REM_S",
        "I32_REM_U",
        "I32_AND",
        "I32_OR",
        "I32_XOR",
        "I32_SHL",
        "I32_SHR_S",
        "I32_SHR_U",
        "I32_ROTL",
        "I32_ROTR",
        "I64_CLZ",
        "I64_CTZ",
        "I64_POPCNT",
        "I64_ADD",
        "I64_SUB",
        "I64_MUL",
        "I64_DIV_S",
        "I64_DIV_U",
        "I64_REM_S",
        "I64_REM_U",
        "I64_AND",
        "I64_OR",
        "I64_XOR",
        "I64_SHL",
        "I64_SHR_S",
        "I64_SHR_U",
        "I64_ROTL",
        "I64_ROTR",
        "F32_ABS",
        "F32_NEG",
        "F32_CEIL",
        "F32_FLOOR",
        "F32_TRUNC",
        "F32_NEAREST",
        "F32_SQRT",
        "F32_ADD",
        "F32_SUB",
        "F32_MUL",
        "F32_DIV",
        "F32_MIN",
        "F32_MAX",
        "F32_COPYSIGN",
        "F64_ABS",
        "F64_NEG",
        "F64_CEIL",
        "F64_FLOOR",
        "F64_TRUNC",
        "F64_NEAREST",
        "F64_SQRT",
        "F64_ADD",
        "F64_SUB",
        "F64_MUL",
        "F64_DIV",
        "F64_MIN",
        "F64_MAX",
        "F64_COPYSIGN",
        "I32_WRAP_I64",
        "I64_EXTEND_I32_S",
        "I64_EXTEND_I32_U",
        "I32_EXTEND8_S",
        "I32_EXTEND16_S",
        "I64_EXTEND8_S",
        "I64_EXTEND16_S",
        "I64_EXTEND32_S",
        "REINTERPRET",
        "CONVERT",
        "REF_IS_NULL",
        "REF_AS_NON_NULL",
        "REF_EQ",
        "REF_TEST",
        "REF_CAST",
        "REF_I31",
        "I31_GET_S",
        "I31_GET_U",
        "ANY_CONVERT_EXTERN",
        "EXTERN_CONVERT_ANY",
        "STRUCT_NEW",
        "STRUCT_NEW_DEFAULT",
        "STRUCT_GET",
        "STRUCT_GET_S",
        "STRUCT_GET_U",
        "STRUCT_SET",
        "ARRAY_NEW",
        "ARRAY_NEW_DEFAULT",
        "ARRAY_NEW_FIXED",
        "ARRAY_NEW_DATA",
        "ARRAY_NEW_ELEM",
        "ARRAY_GET",
        "ARRAY_GET_S",
        "ARRAY_GET_U",
        "ARRAY_SET",
        "ARRAY_LEN",
        "ARRAY_FILL",
        "ARRAY_COPY",
        "ARRAY_INIT_DATA",
        "ARRAY_INIT_ELEM",
        "SIMD",
        "WIDE",
        "ATOMIC",
        "LOOP_HEAD",
        "FROZEN",
        "INTERRUPT",
    };

    private Ops() {
    }

    /** Number of immediates after the op code; -1 for BR_TABLE (1 + 3 * (count + 1)). */
    static int immediates(int op) {
        return IMMEDIATES[op];
    }

    static String name(int op) {
        return NAMES[op];
    }
}
