package dev.wasm4j.valid;

import dev.wasm4j.binary.Immediates;
import dev.wasm4j.model.AbsHeapType;
import dev.wasm4j.model.ArrayType;
import dev.wasm4j.model.DefType;
import dev.wasm4j.model.FieldType;
import dev.wasm4j.model.HeapType;
import dev.wasm4j.model.NumType;
import dev.wasm4j.model.Opcode;
import dev.wasm4j.model.PackedType;
import dev.wasm4j.model.RefType;
import dev.wasm4j.model.StorageType;
import dev.wasm4j.model.StructType;
import dev.wasm4j.model.ValType;

import java.util.List;

/**
 * Reference instructions (spec 3.3.3): {@code ref.*}, {@code br_on_null/non_null}, casts and
 * {@code br_on_cast(_fail)}, the conversions between any and extern, i31, and the aggregate instructions
 * of GC on structs and arrays.
 */
final class ReferenceRules {
    private static final RefType[] NULLABLE = new RefType[AbsHeapType.values().length];
    private static final RefType[] NON_NULL = new RefType[AbsHeapType.values().length];

    static {
        for (AbsHeapType a : AbsHeapType.values()) {
            NULLABLE[a.ordinal()] = new RefType(true, a);
            NON_NULL[a.ordinal()] = new RefType(false, a);
        }
    }

    private final CodeValidator v;

    ReferenceRules(CodeValidator v) {
        this.v = v;
    }

    /** {@code (ref null? a)} for an abstract heap type, without allocating. */
    static RefType ref(AbsHeapType a, boolean nullable) {
        return nullable ? NULLABLE[a.ordinal()] : NON_NULL[a.ordinal()];
    }

    private RefType ref(HeapType closed, boolean nullable) {
        if (closed instanceof AbsHeapType a) {
            return ref(a, nullable);
        }
        return new RefType(nullable, closed);
    }

    /** A module-relative heap type immediate as a closed reference type. */
    private RefType refOf(HeapType h, boolean nullable) {
        return switch (h) {
            case AbsHeapType a -> ref(a, nullable);
            case HeapType.Concrete(int index) -> v.ctx.ref(index, nullable, v.offset);
            case HeapType.Defined d -> new RefType(nullable, d);
        };
    }

    private RefType nonNull(RefType r) {
        if (!r.nullable()) {
            return r;
        }
        return ref(r.heapType(), false);
    }

    private static ValType unpacked(StorageType s) {
        return s instanceof PackedType ? NumType.I32 : (ValType) s;
    }

    private DefType struct(int index) {
        DefType t = v.ctx.type(index, v.offset);
        if (!t.isStruct()) {
            throw v.error("type mismatch: type " + index + " is not a struct type");
        }
        return t;
    }

    private DefType array(int index) {
        DefType t = v.ctx.type(index, v.offset);
        if (!t.isArray()) {
            throw v.error("type mismatch: type " + index + " is not an array type");
        }
        return t;
    }

    private FieldType field(DefType struct, int i) {
        List<FieldType> fields = ((StructType) struct.composite()).fields();
        if (i < 0 || i >= fields.size()) {
            throw v.error("unknown field " + Integer.toUnsignedString(i));
        }
        return fields.get(i);
    }

    private static FieldType element(DefType array) {
        return ((ArrayType) array.composite()).element();
    }

    /** Reference and aggregate instructions; false for other opcodes. */
    boolean handles(Opcode op, Immediates imm) {
        switch (op) {
            case REF_NULL -> v.push(refOf(imm.heapType, true));
            case REF_IS_NULL -> {
                v.popRef();
                v.push(NumType.I32);
            }
            case REF_FUNC -> {
                v.funcDef(imm.index);
                if (!v.constMode && !v.ctx.refs[imm.index]) {
                    throw v.error("undeclared function reference " + imm.index);
                }
                v.push(v.ctx.ref(v.ctx.module.functionTypeIndex(imm.index), false, v.offset));
            }
            case REF_EQ -> {
                v.pop(NULLABLE[AbsHeapType.EQ.ordinal()]);
                v.pop(NULLABLE[AbsHeapType.EQ.ordinal()]);
                v.push(NumType.I32);
            }
            case REF_AS_NON_NULL -> v.push(nonNull(v.popRef()));
            case BR_ON_NULL -> {
                List<ValType> ts = v.label(imm.index).labelTypes;
                RefType r = v.popRef();
                v.popAll(ts);
                v.pushAll(ts);
                v.push(nonNull(r));
            }
            case BR_ON_NON_NULL -> {
                List<ValType> ts = v.label(imm.index).labelTypes;
                int n = ts.size();
                if (n == 0 || !(ts.get(n - 1) instanceof RefType last)) {
                    throw v.error("type mismatch: instruction requires reference type but label has "
                            + Types.format(ts));
                }
                v.pop(ref(last.heapType(), true));
                v.popAll(ts, n - 1);
                v.pushAll(ts, n - 1);
            }
            case REF_TEST, REF_TEST_NULL, REF_CAST, REF_CAST_NULL -> {
                boolean nullable = op == Opcode.REF_TEST_NULL || op == Opcode.REF_CAST_NULL;
                RefType rt = refOf(imm.heapType, nullable);
                v.pop(ref(Types.top(rt.heapType()), true));
                v.push(op == Opcode.REF_TEST || op == Opcode.REF_TEST_NULL ? NumType.I32 : rt);
            }
            case BR_ON_CAST, BR_ON_CAST_FAIL -> brOnCast(op, imm);
            case REF_FREEZE -> refFreeze(imm.index, imm.index2);
            case ANY_CONVERT_EXTERN -> convert(AbsHeapType.EXTERN, AbsHeapType.ANY);
            case EXTERN_CONVERT_ANY -> convert(AbsHeapType.ANY, AbsHeapType.EXTERN);
            case REF_I31 -> {
                v.pop(NumType.I32);
                v.push(NON_NULL[AbsHeapType.I31.ordinal()]);
            }
            case I31_GET_S, I31_GET_U -> {
                v.pop(NULLABLE[AbsHeapType.I31.ordinal()]);
                v.push(NumType.I32);
            }
            default -> {
                return aggregate(op, imm);
            }
        }
        return true;
    }

    private void brOnCast(Opcode op, Immediates imm) {
        RefType rt1 = refOf(imm.heapType, (imm.castFlags & 1) != 0);
        RefType rt2 = refOf(imm.heapType2, (imm.castFlags & 2) != 0);
        if (!Types.isSubtype(rt2, rt1)) {
            throw v.error("type mismatch on cast: type " + Types.format(rt2) + " does not match "
                    + Types.format(rt1));
        }
        RefType diff = rt2.nullable() ? nonNull(rt1) : rt1;
        RefType onBranch = op == Opcode.BR_ON_CAST ? rt2 : diff;
        RefType onFallThrough = op == Opcode.BR_ON_CAST ? diff : rt2;
        List<ValType> ts = v.label(imm.index).labelTypes;
        int n = ts.size();
        if (n == 0 || !Types.isSubtype(onBranch, ts.get(n - 1))) {
            throw v.error("type mismatch: instruction requires type " + Types.format(onBranch)
                    + " but label has " + Types.format(ts));
        }
        v.pop(rt1);
        v.popAll(ts, n - 1);
        v.pushAll(ts, n - 1);
        v.push(onFallThrough);
    }

    /**
     * {@code ref.freeze x y : [(ref y)] -> [(ref x)]} (frozen proposal): x is a frozen type, declared
     * {@code (freeze y)}.
     */
    private void refFreeze(int x, int y) {
        DefType frozen = v.ctx.type(x, v.offset);
        DefType freezable = v.ctx.type(y, v.offset);
        if (frozen.frozenFrom() != freezable) {
            throw v.error("type mismatch: ref.freeze needs type " + x + " to be a frozen form of type " + y);
        }
        v.pop(v.ctx.ref(y, false, v.offset));
        v.push(v.ctx.ref(x, false, v.offset));
    }

    /** any.convert_extern and extern.convert_any keep the operand's nullability. */
    private void convert(AbsHeapType from, AbsHeapType to) {
        ValType top = v.peek(0);
        boolean nullable = top instanceof RefType r && r.nullable();
        v.pop(ref(from, nullable));
        v.push(ref(to, nullable));
    }

    private boolean aggregate(Opcode op, Immediates imm) {
        switch (op) {
            case STRUCT_NEW -> {
                DefType t = struct(imm.index);
                List<FieldType> fields = ((StructType) t.composite()).fields();
                for (int i = fields.size() - 1; i >= 0; i--) {
                    v.pop(unpacked(fields.get(i).storage()));
                }
                v.push(v.ctx.ref(imm.index, false, v.offset));
            }
            case STRUCT_NEW_DEFAULT -> {
                DefType t = struct(imm.index);
                for (FieldType f : ((StructType) t.composite()).fields()) {
                    if (!Types.defaultable(unpacked(f.storage()))) {
                        throw v.error("field type is not defaultable");
                    }
                }
                v.push(v.ctx.ref(imm.index, false, v.offset));
            }
            case STRUCT_GET, STRUCT_GET_S, STRUCT_GET_U -> {
                FieldType f = field(struct(imm.index), imm.index2);
                boolean packed = f.storage() instanceof PackedType;
                if (packed != (op != Opcode.STRUCT_GET)) {
                    throw v.error(packed ? "field is packed" : "field is unpacked");
                }
                v.pop(v.ctx.ref(imm.index, true, v.offset));
                v.push(unpacked(f.storage()));
            }
            case STRUCT_SET -> {
                FieldType f = field(struct(imm.index), imm.index2);
                if (!f.mutable()) {
                    throw v.error("immutable field");
                }
                v.pop(unpacked(f.storage()));
                v.pop(v.ctx.ref(imm.index, true, v.offset));
            }
            case ARRAY_NEW -> {
                FieldType e = element(array(imm.index));
                v.pop(NumType.I32);
                v.pop(unpacked(e.storage()));
                v.push(v.ctx.ref(imm.index, false, v.offset));
            }
            case ARRAY_NEW_DEFAULT -> {
                FieldType e = element(array(imm.index));
                if (!Types.defaultable(unpacked(e.storage()))) {
                    throw v.error("array type is not defaultable");
                }
                v.pop(NumType.I32);
                v.push(v.ctx.ref(imm.index, false, v.offset));
            }
            case ARRAY_NEW_FIXED -> {
                ValType t = unpacked(element(array(imm.index)).storage());
                long n = Integer.toUnsignedLong(imm.index2);
                long avail = v.size - v.top().height;
                if (n > avail && !v.top().unreachable) {
                    throw v.error("type mismatch: array.new_fixed requires " + n + " operands but stack has "
                            + avail);
                }
                for (long i = Math.min(n, avail); i > 0; i--) {
                    v.pop(t);
                }
                v.push(v.ctx.ref(imm.index, false, v.offset));
            }
            case ARRAY_NEW_DATA -> {
                dataElement(element(array(imm.index)));
                v.ctx.data(imm.index2, v.offset);
                v.pop(NumType.I32);
                v.pop(NumType.I32);
                v.push(v.ctx.ref(imm.index, false, v.offset));
            }
            case ARRAY_NEW_ELEM -> {
                elemElement(element(array(imm.index)), imm.index2);
                v.pop(NumType.I32);
                v.pop(NumType.I32);
                v.push(v.ctx.ref(imm.index, false, v.offset));
            }
            case ARRAY_GET, ARRAY_GET_S, ARRAY_GET_U -> {
                FieldType e = element(array(imm.index));
                boolean packed = e.storage() instanceof PackedType;
                if (packed != (op != Opcode.ARRAY_GET)) {
                    throw v.error(packed ? "array is packed" : "array is unpacked");
                }
                v.pop(NumType.I32);
                v.pop(v.ctx.ref(imm.index, true, v.offset));
                v.push(unpacked(e.storage()));
            }
            case ARRAY_SET -> {
                FieldType e = mutableElement(imm.index);
                v.pop(unpacked(e.storage()));
                v.pop(NumType.I32);
                v.pop(v.ctx.ref(imm.index, true, v.offset));
            }
            case ARRAY_LEN -> {
                v.pop(NULLABLE[AbsHeapType.ARRAY.ordinal()]);
                v.push(NumType.I32);
            }
            case ARRAY_FILL -> {
                FieldType e = mutableElement(imm.index);
                v.pop(NumType.I32);
                v.pop(unpacked(e.storage()));
                v.pop(NumType.I32);
                v.pop(v.ctx.ref(imm.index, true, v.offset));
            }
            case ARRAY_COPY -> {
                FieldType dst = mutableElement(imm.index);
                FieldType src = element(array(imm.index2));
                if (!Types.isSubtype(src.storage(), dst.storage())) {
                    throw v.error("array types do not match");
                }
                v.pop(NumType.I32);
                v.pop(NumType.I32);
                v.pop(v.ctx.ref(imm.index2, true, v.offset));
                v.pop(NumType.I32);
                v.pop(v.ctx.ref(imm.index, true, v.offset));
            }
            case ARRAY_INIT_DATA -> {
                dataElement(mutableElement(imm.index));
                v.ctx.data(imm.index2, v.offset);
                popArrayInit(imm.index);
            }
            case ARRAY_INIT_ELEM -> {
                elemElement(mutableElement(imm.index), imm.index2);
                popArrayInit(imm.index);
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private FieldType mutableElement(int index) {
        FieldType e = element(array(index));
        if (!e.mutable()) {
            throw v.error("immutable array");
        }
        return e;
    }

    private void dataElement(FieldType e) {
        if (!Types.isNumOrVec(unpacked(e.storage()))) {
            throw v.error("array type is not numeric or vector");
        }
    }

    private void elemElement(FieldType e, int elemIndex) {
        RefType et = v.ctx.elem(elemIndex, v.offset);
        if (!(e.storage() instanceof ValType t) || !Types.isSubtype(et, t)) {
            throw v.error("type mismatch: element segment's type " + Types.format(et)
                    + " does not match array's element type " + e);
        }
    }

    private void popArrayInit(int index) {
        v.pop(NumType.I32);
        v.pop(NumType.I32);
        v.pop(NumType.I32);
        v.pop(v.ctx.ref(index, true, v.offset));
    }
}
