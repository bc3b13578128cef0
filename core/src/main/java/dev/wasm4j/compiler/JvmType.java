package dev.wasm4j.compiler;

import dev.wasm4j.model.FuncType;
import dev.wasm4j.model.NumType;
import dev.wasm4j.model.RefType;
import dev.wasm4j.model.ValType;
import dev.wasm4j.model.VecType;

import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;
import java.util.ArrayList;
import java.util.List;

/**
 * How a Wasm value lives on the JVM: i32 and f32 (as bits) in an {@code int}, i64 and f64 (as bits) in a
 * {@code long}, v128 as two {@code long}s (low half first), references as {@code Object}.
 */
enum JvmType {
    INT, LONG, V128, REF;

    static JvmType of(ValType t) {
        return switch (t) {
            case NumType n -> n == NumType.I32 || n == NumType.F32 ? INT : LONG;
            case VecType v -> V128;
            case RefType r -> REF;
        };
    }

    /** JVM local variable slots taken. */
    int jvmSlots() {
        return switch (this) {
            case INT, REF -> 1;
            case LONG -> 2;
            case V128 -> 4;
        };
    }

    static final ClassDesc CD_INSTANCE = ClassDesc.of("dev.wasm4j.exec.ModuleInstance");
    static final ClassDesc CD_OBJECT_ARRAY = ConstantDescs.CD_Object.arrayType();

    /** The descriptor of a compiled function: its parameters then the instance; see {@link #returnDesc}. */
    static MethodTypeDesc methodType(FuncType t) {
        List<ClassDesc> params = new ArrayList<>();
        for (ValType p : t.params()) {
            switch (of(p)) {
                case INT -> params.add(ConstantDescs.CD_int);
                case LONG -> params.add(ConstantDescs.CD_long);
                case V128 -> {
                    params.add(ConstantDescs.CD_long);
                    params.add(ConstantDescs.CD_long);
                }
                case REF -> params.add(ConstantDescs.CD_Object);
            }
        }
        params.add(CD_INSTANCE);
        return MethodTypeDesc.of(returnDesc(t.results()), params);
    }

    /**
     * No result: void; one result that is not a v128: its JVM type; otherwise an {@code Object[]} of the
     * results, numbers boxed as {@code Long} (a v128 as two) and references as they are.
     */
    static ClassDesc returnDesc(List<ValType> results) {
        if (results.isEmpty()) {
            return ConstantDescs.CD_void;
        }
        if (packed(results)) {
            return CD_OBJECT_ARRAY;
        }
        return switch (of(results.getFirst())) {
            case INT -> ConstantDescs.CD_int;
            case LONG -> ConstantDescs.CD_long;
            case REF -> ConstantDescs.CD_Object;
            case V128 -> throw new AssertionError();
        };
    }

    /** Whether results come back as an {@code Object[]}. */
    static boolean packed(List<ValType> results) {
        return results.size() > 1 || (results.size() == 1 && results.getFirst() == VecType.V128);
    }

    /** Number of {@code Object[]} elements (and raw slots) of packed values. */
    static int slots(List<ValType> types) {
        int n = 0;
        for (ValType t : types) {
            n += t.slots();
        }
        return n;
    }
}
