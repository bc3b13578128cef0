package dev.wasm4j.compiler;

import dev.wasm4j.binary.Immediates;
import dev.wasm4j.model.AddrType;
import dev.wasm4j.model.Opcode;
import dev.wasm4j.model.ValType;
import dev.wasm4j.valid.CodeState;

import java.lang.classfile.CodeBuilder;
import java.lang.constant.ClassDesc;
import java.util.List;

/**
 * Constants, comparisons, integer and float arithmetic and conversions. Integer arithmetic that cannot trap
 * and float add/sub/mul/div are JVM instructions (as in the interpreter's main loop); everything that needs
 * care calls the numerics library ({@code exec.numeric}), whose method names follow from the mnemonics.
 * Floats travel as their bits and become Java floats only around an arithmetic instruction. Comparisons
 * leave a pending condition ({@link FunctionCompiler#pending}) that a following {@code br_if} or {@code if}
 * turns into one jump.
 */
final class NumericEmitter {
    private static final ClassDesc I32_OPS = Descs.numeric("I32Ops");
    private static final ClassDesc I64_OPS = Descs.numeric("I64Ops");
    private static final ClassDesc F32_OPS = Descs.numeric("F32Ops");
    private static final ClassDesc F64_OPS = Descs.numeric("F64Ops");
    private static final ClassDesc CONVERSIONS = Descs.numeric("Conversions");

    private NumericEmitter() {
    }

    static boolean emit(FunctionCompiler fc, Opcode op, Immediates imm, CodeState st) {
        CodeBuilder cb = fc.cb;
        switch (op) {
            case I32_CONST, F32_CONST -> cb.loadConstant((int) imm.value);
            case I64_CONST, F64_CONST -> cb.loadConstant(imm.value);

            case I32_EQZ -> {
                if (fc.pending != null) {
                    fc.pending = FunctionCompiler.negate(fc.pending);
                } else {
                    fc.pending = java.lang.classfile.Opcode.IFEQ;
                }
            }
            case I32_EQ -> fc.pending = java.lang.classfile.Opcode.IF_ICMPEQ;
            case I32_NE -> fc.pending = java.lang.classfile.Opcode.IF_ICMPNE;
            case I32_LT_S -> fc.pending = java.lang.classfile.Opcode.IF_ICMPLT;
            case I32_GT_S -> fc.pending = java.lang.classfile.Opcode.IF_ICMPGT;
            case I32_LE_S -> fc.pending = java.lang.classfile.Opcode.IF_ICMPLE;
            case I32_GE_S -> fc.pending = java.lang.classfile.Opcode.IF_ICMPGE;
            case I32_LT_U -> unsigned32(fc, java.lang.classfile.Opcode.IFLT);
            case I32_GT_U -> unsigned32(fc, java.lang.classfile.Opcode.IFGT);
            case I32_LE_U -> unsigned32(fc, java.lang.classfile.Opcode.IFLE);
            case I32_GE_U -> unsigned32(fc, java.lang.classfile.Opcode.IFGE);
            case I64_EQZ -> {
                cb.lconst_0().lcmp();
                fc.pending = java.lang.classfile.Opcode.IFEQ;
            }
            case I64_EQ -> compare64(fc, java.lang.classfile.Opcode.IFEQ);
            case I64_NE -> compare64(fc, java.lang.classfile.Opcode.IFNE);
            case I64_LT_S -> compare64(fc, java.lang.classfile.Opcode.IFLT);
            case I64_GT_S -> compare64(fc, java.lang.classfile.Opcode.IFGT);
            case I64_LE_S -> compare64(fc, java.lang.classfile.Opcode.IFLE);
            case I64_GE_S -> compare64(fc, java.lang.classfile.Opcode.IFGE);
            case I64_LT_U -> unsigned64(fc, java.lang.classfile.Opcode.IFLT);
            case I64_GT_U -> unsigned64(fc, java.lang.classfile.Opcode.IFGT);
            case I64_LE_U -> unsigned64(fc, java.lang.classfile.Opcode.IFLE);
            case I64_GE_U -> unsigned64(fc, java.lang.classfile.Opcode.IFGE);
            // NaN operands make every comparison but ne false: fcmpg gives +1 (so < and <= fail), fcmpl -1.
            case F32_EQ -> floatCompare(fc, false, false, java.lang.classfile.Opcode.IFEQ);
            case F32_NE -> floatCompare(fc, false, false, java.lang.classfile.Opcode.IFNE);
            case F32_LT -> floatCompare(fc, false, true, java.lang.classfile.Opcode.IFLT);
            case F32_LE -> floatCompare(fc, false, true, java.lang.classfile.Opcode.IFLE);
            case F32_GT -> floatCompare(fc, false, false, java.lang.classfile.Opcode.IFGT);
            case F32_GE -> floatCompare(fc, false, false, java.lang.classfile.Opcode.IFGE);
            case F64_EQ -> floatCompare(fc, true, false, java.lang.classfile.Opcode.IFEQ);
            case F64_NE -> floatCompare(fc, true, false, java.lang.classfile.Opcode.IFNE);
            case F64_LT -> floatCompare(fc, true, true, java.lang.classfile.Opcode.IFLT);
            case F64_LE -> floatCompare(fc, true, true, java.lang.classfile.Opcode.IFLE);
            case F64_GT -> floatCompare(fc, true, false, java.lang.classfile.Opcode.IFGT);
            case F64_GE -> floatCompare(fc, true, false, java.lang.classfile.Opcode.IFGE);

            case I32_CLZ -> Descs.call(cb, Descs.INTEGER, "numberOfLeadingZeros", "(I)I");
            case I32_CTZ -> Descs.call(cb, Descs.INTEGER, "numberOfTrailingZeros", "(I)I");
            case I32_POPCNT -> Descs.call(cb, Descs.INTEGER, "bitCount", "(I)I");
            case I32_ADD -> cb.iadd();
            case I32_SUB -> cb.isub();
            case I32_MUL -> cb.imul();
            case I32_DIV_S -> Descs.call(cb, I32_OPS, "divS", "(II)I");
            case I32_DIV_U -> Descs.call(cb, I32_OPS, "divU", "(II)I");
            case I32_REM_S -> Descs.call(cb, I32_OPS, "remS", "(II)I");
            case I32_REM_U -> Descs.call(cb, I32_OPS, "remU", "(II)I");
            case I32_AND -> cb.iand();
            case I32_OR -> cb.ior();
            case I32_XOR -> cb.ixor();
            case I32_SHL -> cb.ishl();
            case I32_SHR_S -> cb.ishr();
            case I32_SHR_U -> cb.iushr();
            case I32_ROTL -> Descs.call(cb, Descs.INTEGER, "rotateLeft", "(II)I");
            case I32_ROTR -> Descs.call(cb, Descs.INTEGER, "rotateRight", "(II)I");

            case I64_CLZ -> {
                Descs.call(cb, Descs.LONG, "numberOfLeadingZeros", "(J)I");
                cb.i2l();
            }
            case I64_CTZ -> {
                Descs.call(cb, Descs.LONG, "numberOfTrailingZeros", "(J)I");
                cb.i2l();
            }
            case I64_POPCNT -> {
                Descs.call(cb, Descs.LONG, "bitCount", "(J)I");
                cb.i2l();
            }
            case I64_ADD -> cb.ladd();
            case I64_SUB -> cb.lsub();
            case I64_MUL -> cb.lmul();
            case I64_DIV_S -> Descs.call(cb, I64_OPS, "divS", "(JJ)J");
            case I64_DIV_U -> Descs.call(cb, I64_OPS, "divU", "(JJ)J");
            case I64_REM_S -> Descs.call(cb, I64_OPS, "remS", "(JJ)J");
            case I64_REM_U -> Descs.call(cb, I64_OPS, "remU", "(JJ)J");
            case I64_AND -> cb.land();
            case I64_OR -> cb.lor();
            case I64_XOR -> cb.lxor();
            case I64_SHL -> cb.l2i().lshl();
            case I64_SHR_S -> cb.l2i().lshr();
            case I64_SHR_U -> cb.l2i().lushr();
            case I64_ROTL -> {
                cb.l2i();
                Descs.call(cb, Descs.LONG, "rotateLeft", "(JI)J");
            }
            case I64_ROTR -> {
                cb.l2i();
                Descs.call(cb, Descs.LONG, "rotateRight", "(JI)J");
            }

            case F32_ADD, F32_SUB, F32_MUL, F32_DIV -> floatArith(fc, false, op);
            case F64_ADD, F64_SUB, F64_MUL, F64_DIV -> floatArith(fc, true, op);
            case F32_ABS -> cb.loadConstant(0x7FFF_FFFF).iand();
            case F32_NEG -> cb.loadConstant(0x8000_0000).ixor();
            case F64_ABS -> cb.loadConstant(Long.MAX_VALUE).land();
            case F64_NEG -> cb.loadConstant(Long.MIN_VALUE).lxor();
            case F32_CEIL, F32_FLOOR, F32_TRUNC, F32_NEAREST, F32_SQRT ->
                    Descs.call(cb, F32_OPS, method(op), "(I)I");
            case F32_MIN, F32_MAX, F32_COPYSIGN -> Descs.call(cb, F32_OPS, method(op), "(II)I");
            case F64_CEIL, F64_FLOOR, F64_TRUNC, F64_NEAREST, F64_SQRT ->
                    Descs.call(cb, F64_OPS, method(op), "(J)J");
            case F64_MIN, F64_MAX, F64_COPYSIGN -> Descs.call(cb, F64_OPS, method(op), "(JJ)J");

            case I32_WRAP_I64 -> cb.l2i();
            case I64_EXTEND_I32_S -> cb.i2l();
            case I64_EXTEND_I32_U -> Descs.unsignedLong(cb);
            case I32_EXTEND8_S -> cb.i2b();
            case I32_EXTEND16_S -> cb.i2s();
            case I64_EXTEND8_S -> cb.l2i().i2b().i2l();
            case I64_EXTEND16_S -> cb.l2i().i2s().i2l();
            case I64_EXTEND32_S -> cb.l2i().i2l();
            // Values are raw bits already: reinterpretation is free.
            case I32_REINTERPRET_F32, I64_REINTERPRET_F64, F32_REINTERPRET_I32, F64_REINTERPRET_I64 -> { }
            case I32_TRUNC_F32_S, I32_TRUNC_F32_U, I32_TRUNC_F64_S, I32_TRUNC_F64_U,
                 I64_TRUNC_F32_S, I64_TRUNC_F32_U, I64_TRUNC_F64_S, I64_TRUNC_F64_U,
                 F32_CONVERT_I32_S, F32_CONVERT_I32_U, F32_CONVERT_I64_S, F32_CONVERT_I64_U, F32_DEMOTE_F64,
                 F64_CONVERT_I32_S, F64_CONVERT_I32_U, F64_CONVERT_I64_S, F64_CONVERT_I64_U, F64_PROMOTE_F32,
                 I32_TRUNC_SAT_F32_S, I32_TRUNC_SAT_F32_U, I32_TRUNC_SAT_F64_S, I32_TRUNC_SAT_F64_U,
                 I64_TRUNC_SAT_F32_S, I64_TRUNC_SAT_F32_U, I64_TRUNC_SAT_F64_S, I64_TRUNC_SAT_F64_U ->
                    Descs.call(cb, CONVERSIONS, method(op), descriptor(op));
            case I64_ADD128, I64_SUB128, I64_MUL_WIDE_S, I64_MUL_WIDE_U ->
                    VectorEmitter.viaScratch(fc, st, op.params(AddrType.I32), op.results(AddrType.I32),
                            () -> Descs.call(cb, I64_OPS, method(op), "([JI)V"));
            default -> {
                return false;
            }
        }
        return true;
    }

    private static void unsigned32(FunctionCompiler fc, java.lang.classfile.Opcode cond) {
        Descs.call(fc.cb, Descs.INTEGER, "compareUnsigned", "(II)I");
        fc.pending = cond;
    }

    private static void compare64(FunctionCompiler fc, java.lang.classfile.Opcode cond) {
        fc.cb.lcmp();
        fc.pending = cond;
    }

    private static void unsigned64(FunctionCompiler fc, java.lang.classfile.Opcode cond) {
        Descs.call(fc.cb, Descs.LONG, "compareUnsigned", "(JJ)I");
        fc.pending = cond;
    }

    /** The two float operands (bits) on top become Java floats. */
    private static void toFloats(FunctionCompiler fc, boolean f64) {
        CodeBuilder cb = fc.cb;
        if (f64) {
            int t = fc.temp(JvmType.LONG, 0);
            Descs.call(cb, Descs.DOUBLE, "longBitsToDouble", "(J)D");
            cb.dstore(t);
            Descs.call(cb, Descs.DOUBLE, "longBitsToDouble", "(J)D");
            cb.dload(t);
        } else {
            int t = fc.temp(JvmType.INT, 0);
            Descs.call(cb, Descs.FLOAT, "intBitsToFloat", "(I)F");
            cb.fstore(t);
            Descs.call(cb, Descs.FLOAT, "intBitsToFloat", "(I)F");
            cb.fload(t);
        }
    }

    private static void floatCompare(FunctionCompiler fc, boolean f64, boolean nanGreater,
                                     java.lang.classfile.Opcode cond) {
        toFloats(fc, f64);
        if (f64) {
            if (nanGreater) {
                fc.cb.dcmpg();
            } else {
                fc.cb.dcmpl();
            }
        } else {
            if (nanGreater) {
                fc.cb.fcmpg();
            } else {
                fc.cb.fcmpl();
            }
        }
        fc.pending = cond;
    }

    private static void floatArith(FunctionCompiler fc, boolean f64, Opcode op) {
        CodeBuilder cb = fc.cb;
        toFloats(fc, f64);
        switch (op) {
            case F32_ADD -> cb.fadd();
            case F32_SUB -> cb.fsub();
            case F32_MUL -> cb.fmul();
            case F32_DIV -> cb.fdiv();
            case F64_ADD -> cb.dadd();
            case F64_SUB -> cb.dsub();
            case F64_MUL -> cb.dmul();
            case F64_DIV -> cb.ddiv();
            default -> throw new IllegalArgumentException(op.mnemonic());
        }
        if (f64) {
            Descs.call(cb, Descs.DOUBLE, "doubleToRawLongBits", "(D)J");
        } else {
            Descs.call(cb, Descs.FLOAT, "floatToRawIntBits", "(F)I");
        }
    }

    /**
     * The numerics library's method for an instruction: for an operator ({@code f32.min}) the part after the
     * type ({@code min}), for a conversion ({@code i32.trunc_sat_f64_s}) the whole mnemonic in camel case.
     */
    static String method(Opcode op) {
        String m = op.mnemonic();
        boolean conversion = op.name().matches(".*_(I32|I64|F32|F64)(_[SU])?(_ZERO)?$")
                && !m.startsWith("v128") && !m.contains("x");
        String name = conversion ? m : m.substring(m.indexOf('.') + 1);
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char ch : name.toCharArray()) {
            if (ch == '.' || ch == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(ch) : ch);
                upper = false;
            }
        }
        return out.toString();
    }

    /** JVM descriptor of a scalar numeric instruction's library method, from its signature. */
    static String descriptor(Opcode op) {
        StringBuilder d = new StringBuilder("(");
        for (ValType t : op.params(AddrType.I32)) {
            d.append(JvmType.of(t) == JvmType.INT ? "I" : "J");
        }
        d.append(')');
        List<ValType> r = op.results(AddrType.I32);
        d.append(JvmType.of(r.getFirst()) == JvmType.INT ? "I" : "J");
        return d.toString();
    }
}
