package dev.wasm4j.compiler;

import dev.wasm4j.binary.Immediates;
import dev.wasm4j.exec.gc.StorageKind;
import dev.wasm4j.exec.gc.StructLayout;
import dev.wasm4j.model.DefType;
import dev.wasm4j.model.Opcode;
import dev.wasm4j.model.RefType;
import dev.wasm4j.model.ValType;
import dev.wasm4j.valid.CodeState;

import java.lang.classfile.CodeBuilder;
import java.lang.constant.ConstantDescs;

/**
 * Reference instructions and the GC proposal's structs, arrays and i31 references. Struct fields are read
 * and written inline in the {@code StructObject}'s arrays at positions fixed at compile time by its
 * {@link StructLayout}; arrays go through {@link GcRt}. Types for casts and allocation are constants of the
 * class ({@link ChunkCompiler#constant}).
 */
final class GcEmitter {
    private static final String OBJ = "Ljava/lang/Object;";
    private static final String DEF = "Ldev/wasm4j/model/DefType;";
    private static final String INST = "Ldev/wasm4j/exec/ModuleInstance;";

    private GcEmitter() {
    }

    static boolean emit(FunctionCompiler fc, Opcode op, Immediates imm, CodeState st) {
        CodeBuilder cb = fc.cb;
        if (fc.frozen.before(op, imm, st)) {
            return true;
        }
        switch (op) {
            case REF_NULL -> cb.aconst_null();
            case REF_IS_NULL -> fc.pending = java.lang.classfile.Opcode.IFNULL;
            case REF_FUNC -> {
                cb.aload(fc.instSlot).loadConstant(imm.index);
                Descs.call(cb, Descs.TABLE_OPS, "refFunc", "(" + INST + "I)" + OBJ);
            }
            case REF_EQ -> Descs.call(cb, Descs.REF_OPS, "eq", "(" + OBJ + OBJ + ")I");
            case REF_AS_NON_NULL -> Descs.call(cb, Descs.REF_OPS, "asNonNull", "(" + OBJ + ")" + OBJ);
            case REF_TEST, REF_TEST_NULL -> {
                refType(fc, RefType.of(op == Opcode.REF_TEST_NULL, imm.heapType));
                Descs.call(cb, Descs.REF_OPS, "test", "(" + OBJ + "Ldev/wasm4j/model/RefType;)I");
            }
            case REF_CAST, REF_CAST_NULL -> {
                refType(fc, RefType.of(op == Opcode.REF_CAST_NULL, imm.heapType));
                Descs.call(cb, Descs.REF_OPS, "cast", "(" + OBJ + "Ldev/wasm4j/model/RefType;)" + OBJ);
            }
            case REF_I31 -> Descs.call(cb, Descs.REF_OPS, "i31", "(I)" + OBJ);
            case I31_GET_S -> Descs.call(cb, Descs.REF_OPS, "i31GetS", "(" + OBJ + ")I");
            case I31_GET_U -> Descs.call(cb, Descs.REF_OPS, "i31GetU", "(" + OBJ + ")I");
            case ANY_CONVERT_EXTERN -> Descs.call(cb, Descs.REF_OPS, "internalize", "(" + OBJ + ")" + OBJ);
            case EXTERN_CONVERT_ANY -> Descs.call(cb, Descs.REF_OPS, "externalize", "(" + OBJ + ")" + OBJ);
            case REF_FREEZE -> fc.frozen.refFreeze(imm.index);

            case STRUCT_NEW -> structNew(fc, imm.index, st);
            case STRUCT_NEW_DEFAULT -> {
                defType(fc, imm.index);
                Descs.call(cb, Descs.GC, "newStruct", "(" + DEF + ")Ldev/wasm4j/exec/gc/StructObject;");
            }
            case STRUCT_GET, STRUCT_GET_S, STRUCT_GET_U ->
                    structGet(fc, op, imm.index, imm.index2, frozenNonNull(fc, imm.index, st.operandType(0)));
            case STRUCT_SET -> structSet(fc, imm.index, imm.index2);

            case ARRAY_NEW -> {
                int kind = elementKind(fc, imm.index);
                defType(fc, imm.index);
                switch (kind) {
                    case StorageKind.REF -> Descs.call(cb, Descs.GC, "newArrayRef", "(" + OBJ + "I" + DEF + ")" + OBJ);
                    case StorageKind.V128 -> Descs.call(cb, Descs.GC, "newArrayV128", "(JJI" + DEF + ")" + OBJ);
                    default -> {
                        int t = fc.temp(JvmType.INT, 4);
                        int d = fc.temp(JvmType.REF, 4);
                        cb.astore(d).istore(t);
                        if (JvmType.of(st.operandType(1)) == JvmType.INT) {
                            cb.i2l();
                        }
                        cb.iload(t).aload(d);
                        Descs.call(cb, Descs.GC, "newArrayNum", "(JI" + DEF + ")" + OBJ);
                    }
                }
            }
            case ARRAY_NEW_DEFAULT -> {
                defType(fc, imm.index);
                Descs.call(cb, Descs.GC, "newArray", "(I" + DEF + ")Ldev/wasm4j/exec/gc/ArrayObject;");
            }
            case ARRAY_NEW_FIXED -> arrayNewFixed(fc, imm.index, imm.index2, st);
            case ARRAY_NEW_DATA -> {
                cb.aload(fc.instSlot);
                defType(fc, imm.index);
                cb.loadConstant(imm.index2);
                Descs.call(cb, Descs.GC, "newArrayData", "(II" + INST + DEF + "I)" + OBJ);
            }
            case ARRAY_NEW_ELEM -> {
                cb.aload(fc.instSlot);
                defType(fc, imm.index);
                cb.loadConstant(imm.index2);
                Descs.call(cb, Descs.GC, "newArrayElem", "(II" + INST + DEF + "I)" + OBJ);
            }
            case ARRAY_GET, ARRAY_GET_S, ARRAY_GET_U -> arrayGet(fc, op, elementKind(fc, imm.index));
            case ARRAY_SET -> {
                switch (elementKind(fc, imm.index)) {
                    case StorageKind.REF -> Descs.call(cb, Descs.GC, "setRef", "(" + OBJ + "I" + OBJ + ")V");
                    case StorageKind.V128 -> Descs.call(cb, Descs.GC, "setV128", "(" + OBJ + "IJJ)V");
                    default -> {
                        if (JvmType.of(st.operandType(0)) == JvmType.INT) {
                            cb.i2l();
                        }
                        Descs.call(cb, Descs.GC, "setNum", "(" + OBJ + "IJ)V");
                    }
                }
            }
            case ARRAY_LEN -> Descs.call(cb, Descs.GC, "len", "(" + OBJ + ")I");
            case ARRAY_FILL -> {
                int kind = elementKind(fc, imm.index);
                Spill s = Spill.of(fc, st, 4);
                s.reload(0).reload(1);
                switch (kind) {
                    case StorageKind.REF -> {
                        cb.lconst_0().lconst_0();
                        s.reload(2);
                    }
                    case StorageKind.V128 -> {
                        s.reload(2);
                        cb.aconst_null();
                    }
                    default -> {
                        s.asSlot(2);
                        cb.lconst_0().aconst_null();
                    }
                }
                s.reload(3);
                Descs.call(cb, Descs.GC, "fill", "(" + OBJ + "IJJ" + OBJ + "I)V");
            }
            case ARRAY_COPY -> Descs.call(cb, Descs.GC, "copy", "(" + OBJ + "I" + OBJ + "II)V");
            case ARRAY_INIT_DATA -> {
                cb.aload(fc.instSlot).loadConstant(imm.index2);
                Descs.call(cb, Descs.GC, "initData", "(" + OBJ + "III" + INST + "I)V");
            }
            case ARRAY_INIT_ELEM -> {
                cb.aload(fc.instSlot).loadConstant(imm.index2);
                Descs.call(cb, Descs.GC, "initElem", "(" + OBJ + "III" + INST + "I)V");
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private static void refType(FunctionCompiler fc, RefType t) {
        fc.cb.ldc(fc.chunk.refTypeConstant(t));
    }

    private static DefType type(FunctionCompiler fc, int typeIndex) {
        return fc.chunk.valid().defType(typeIndex);
    }

    private static void defType(FunctionCompiler fc, int typeIndex) {
        fc.cb.ldc(fc.chunk.typeConstant(typeIndex));
    }

    private static int elementKind(FunctionCompiler fc, int typeIndex) {
        return GcRt.elementKind(type(fc, typeIndex));
    }

    private static void structNew(FunctionCompiler fc, int typeIndex, CodeState st) {
        CodeBuilder cb = fc.cb;
        StructLayout layout = StructLayout.of(type(fc, typeIndex));
        int n = layout.fieldCount();
        Spill s = Spill.of(fc, st, n);
        defType(fc, typeIndex);
        Descs.call(cb, Descs.GC, "newStruct", "(" + DEF + ")Ldev/wasm4j/exec/gc/StructObject;");
        int o = fc.temp(JvmType.REF, 5);
        cb.astore(o);
        for (int f = 0; f < n; f++) {
            int kind = layout.kind(f);
            int slot = layout.slot(f);
            switch (kind) {
                case StorageKind.REF -> {
                    cb.aload(o).getfield(Descs.STRUCT, "refs", ConstantDescs.CD_Object.arrayType()).loadConstant(slot);
                    s.reload(f);
                    cb.aastore();
                }
                case StorageKind.V128 -> {
                    cb.aload(o).getfield(Descs.STRUCT, "nums", ConstantDescs.CD_long.arrayType()).loadConstant(slot)
                            .lload(s.slots[f]).lastore();
                    cb.aload(o).getfield(Descs.STRUCT, "nums", ConstantDescs.CD_long.arrayType()).loadConstant(slot + 1)
                            .lload(s.slots[f] + 2).lastore();
                }
                default -> {
                    cb.aload(o).getfield(Descs.STRUCT, "nums", ConstantDescs.CD_long.arrayType()).loadConstant(slot);
                    s.asSlot(f);
                    wrap(cb, kind);
                    cb.lastore();
                }
            }
        }
        cb.aload(o);
    }

    /** Narrows a long to a packed storage kind, as {@link StorageKind#wrap} does. */
    private static void wrap(CodeBuilder cb, int kind) {
        if (kind == StorageKind.I8) {
            cb.loadConstant(0xFFL).land();
        } else if (kind == StorageKind.I16) {
            cb.loadConstant(0xFFFFL).land();
        }
    }

    /**
     * Whether a {@code struct.get} of type {@code typeIndex} reads a frozen type's non-null value: then it
     * needs no null check (frozen fields are non-null where their types say so, which the freeze checked).
     */
    private static boolean frozenNonNull(FunctionCompiler fc, int typeIndex, ValType operand) {
        return type(fc, typeIndex).isFrozen() && operand instanceof RefType r && !r.nullable();
    }

    /** The struct's {@code refs} or {@code nums} array; {@code nonNull}: no null check (see above). */
    private static void fields(CodeBuilder cb, boolean refs, boolean nonNull) {
        if (nonNull) {
            cb.checkcast(Descs.STRUCT).getfield(Descs.STRUCT, refs ? "refs" : "nums",
                    refs ? ConstantDescs.CD_Object.arrayType() : ConstantDescs.CD_long.arrayType());
        } else {
            Descs.call(cb, Descs.GC, refs ? "refs" : "nums", "(" + OBJ + ")" + (refs ? "[" + OBJ : "[J"));
        }
    }

    static void structGet(FunctionCompiler fc, Opcode op, int typeIndex, int field, boolean nonNull) {
        CodeBuilder cb = fc.cb;
        StructLayout layout = StructLayout.of(type(fc, typeIndex));
        int kind = layout.kind(field);
        int slot = layout.slot(field);
        switch (kind) {
            case StorageKind.REF -> {
                fields(cb, true, nonNull);
                cb.loadConstant(slot).aaload();
            }
            case StorageKind.V128 -> {
                fields(cb, false, nonNull);
                cb.dup().loadConstant(slot).laload().dup2_x1().pop2().loadConstant(slot + 1).laload();
            }
            default -> {
                fields(cb, false, nonNull);
                cb.loadConstant(slot).laload();
                switch (kind) {
                    case StorageKind.I8 -> {
                        cb.l2i();
                        if (op == Opcode.STRUCT_GET_S) {
                            cb.i2b();
                        }
                    }
                    case StorageKind.I16 -> {
                        cb.l2i();
                        if (op == Opcode.STRUCT_GET_S) {
                            cb.i2s();
                        }
                    }
                    case StorageKind.I32, StorageKind.F32 -> cb.l2i();
                    default -> { }
                }
            }
        }
    }

    private static void structSet(FunctionCompiler fc, int typeIndex, int field) {
        CodeBuilder cb = fc.cb;
        StructLayout layout = StructLayout.of(type(fc, typeIndex));
        int kind = layout.kind(field);
        int slot = layout.slot(field);
        switch (kind) {
            case StorageKind.REF -> {
                cb.loadConstant(slot);
                Descs.call(cb, Descs.GC, "setRef", "(" + OBJ + OBJ + "I)V");
            }
            case StorageKind.V128 -> {
                cb.loadConstant(slot);
                Descs.call(cb, Descs.GC, "setV128", "(" + OBJ + "JJI)V");
            }
            default -> {
                if (kind != StorageKind.I64 && kind != StorageKind.F64) {
                    cb.i2l();
                }
                wrap(cb, kind);
                cb.loadConstant(slot);
                Descs.call(cb, Descs.GC, "setNum", "(" + OBJ + "JI)V");
            }
        }
    }

    private static void arrayGet(FunctionCompiler fc, Opcode op, int kind) {
        CodeBuilder cb = fc.cb;
        boolean signed = op == Opcode.ARRAY_GET_S;
        switch (kind) {
            case StorageKind.I8 -> Descs.call(cb, Descs.GC, signed ? "getI8S" : "getI8U", "(" + OBJ + "I)I");
            case StorageKind.I16 -> Descs.call(cb, Descs.GC, signed ? "getI16S" : "getI16U", "(" + OBJ + "I)I");
            case StorageKind.I32, StorageKind.F32 -> Descs.call(cb, Descs.GC, "getI32", "(" + OBJ + "I)I");
            case StorageKind.I64, StorageKind.F64 -> Descs.call(cb, Descs.GC, "getI64", "(" + OBJ + "I)J");
            case StorageKind.REF -> Descs.call(cb, Descs.GC, "getRef", "(" + OBJ + "I)" + OBJ);
            default -> {
                int i = fc.temp(JvmType.INT, 4);
                int a = fc.temp(JvmType.REF, 4);
                cb.istore(i).astore(a);
                cb.aload(a).iload(i);
                Descs.call(cb, Descs.GC, "getV128Lo", "(" + OBJ + "I)J");
                cb.aload(a).iload(i);
                Descs.call(cb, Descs.GC, "getV128Hi", "(" + OBJ + "I)J");
            }
        }
    }

    private static void arrayNewFixed(FunctionCompiler fc, int typeIndex, int n, CodeState st) {
        CodeBuilder cb = fc.cb;
        int kind = elementKind(fc, typeIndex);
        Spill s = Spill.of(fc, st, n);
        cb.loadConstant(n);
        defType(fc, typeIndex);
        Descs.call(cb, Descs.GC, "newArray", "(I" + DEF + ")Ldev/wasm4j/exec/gc/ArrayObject;");
        int a = fc.temp(JvmType.REF, 5);
        cb.astore(a);
        for (int i = 0; i < n; i++) {
            cb.aload(a).loadConstant(i);
            switch (kind) {
                case StorageKind.REF -> {
                    s.reload(i);
                    Descs.call(cb, Descs.GC, "setRef", "(" + OBJ + "I" + OBJ + ")V");
                }
                case StorageKind.V128 -> {
                    s.reload(i);
                    Descs.call(cb, Descs.GC, "setV128", "(" + OBJ + "IJJ)V");
                }
                default -> {
                    s.asSlot(i);
                    Descs.call(cb, Descs.GC, "setNum", "(" + OBJ + "IJ)V");
                }
            }
        }
        cb.aload(a);
    }
}
