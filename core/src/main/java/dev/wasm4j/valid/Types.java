package dev.wasm4j.valid;

import dev.wasm4j.model.AbsHeapType;
import dev.wasm4j.model.ArrayType;
import dev.wasm4j.model.CompositeType;
import dev.wasm4j.model.DefType;
import dev.wasm4j.model.FieldType;
import dev.wasm4j.model.FuncType;
import dev.wasm4j.model.HeapType;
import dev.wasm4j.model.NumType;
import dev.wasm4j.model.PackedType;
import dev.wasm4j.model.RefType;
import dev.wasm4j.model.StorageType;
import dev.wasm4j.model.StructType;
import dev.wasm4j.model.ValType;
import dev.wasm4j.model.VecType;

import java.util.List;

/**
 * Subtyping of <em>closed</em> types (spec 3.3 "Matching"): every concrete heap type is a
 * {@link HeapType.Defined}, so no module context is needed and declared subtyping between defined types
 * is the O(1) {@link DefType#isSubtypeOf}. A {@link HeapType.Concrete} is never a subtype of anything
 * here (it has no meaning without its module): close types first with {@code ValidModule.close}.
 */
public final class Types {

    private Types() {
    }

    /** {@code a <: b} for value types. */
    public static boolean isSubtype(ValType a, ValType b) {
        if (a == b) {
            return true;
        }
        if (a instanceof RefType ra && b instanceof RefType rb) {
            return isSubtype(ra, rb);
        }
        return false;
    }

    /** {@code a <: b} for reference types: nullability, then heap types. */
    public static boolean isSubtype(RefType a, RefType b) {
        return (!a.nullable() || b.nullable()) && isSubtype(a.heapType(), b.heapType());
    }

    /** {@code a <: b} for heap types. */
    public static boolean isSubtype(HeapType a, HeapType b) {
        if (a == b) {
            return true;
        }
        // instanceof rather than pattern switches on the validator's common paths: each pattern switch spins a
        // class on first use, which every module's start-up would pay for
        if (a instanceof AbsHeapType x) {
            if (b instanceof AbsHeapType y) {
                return isSubtype(x, y);
            }
            // Only a bottom type is below a defined type, and only in the defined type's hierarchy.
            return b instanceof HeapType.Defined d && x == x.bottom() && top(d.type()) == x.top();
        }
        if (a instanceof HeapType.Defined x) {
            if (b instanceof HeapType.Defined y) {
                return x.type().isSubtypeOf(y.type());
            }
            return b instanceof AbsHeapType y && isSubtype(abstractOf(x.type()), y);
        }
        return false;
    }

    /** Subtyping among abstract heap types: {@code none <: i31|struct|array <: eq <: any}, ... */
    public static boolean isSubtype(AbsHeapType a, AbsHeapType b) {
        if (a == b) {
            return true;
        }
        if (a.top() != b.top()) {
            return false;
        }
        if (a == a.bottom() || b == b.top()) {
            return true;
        }
        return b == AbsHeapType.EQ && (a == AbsHeapType.I31 || a == AbsHeapType.STRUCT || a == AbsHeapType.ARRAY);
    }

    /** The abstract heap type directly above a defined type: func, struct or array. */
    public static AbsHeapType abstractOf(DefType t) {
        CompositeType c = t.composite();
        return c instanceof FuncType ? AbsHeapType.FUNC : c instanceof StructType ? AbsHeapType.STRUCT : AbsHeapType.ARRAY;
    }

    /** The top of a defined type's hierarchy: func or any. */
    public static AbsHeapType top(DefType t) {
        return abstractOf(t).top();
    }

    /** The top of a (closed) heap type's hierarchy: any, func, extern or exn. */
    public static AbsHeapType top(HeapType t) {
        if (t instanceof AbsHeapType a) {
            return a.top();
        }
        if (t instanceof HeapType.Defined d) {
            return top(d.type());
        }
        throw new IllegalArgumentException("not closed: " + t);
    }

    /** The bottom of a (closed) heap type's hierarchy: none, nofunc, noextern or noexn. */
    public static AbsHeapType bottom(HeapType t) {
        return top(t).bottom();
    }

    /** Type equivalence of closed value types (identity of canonical defined types). */
    public static boolean equal(ValType a, ValType b) {
        return a.equals(b);
    }

    /** Field subtyping: immutable fields are covariant, mutable ones invariant. */
    public static boolean isSubtype(FieldType a, FieldType b) {
        if (a.mutable() != b.mutable()) {
            return false;
        }
        return isSubtype(a.storage(), b.storage()) && (!a.mutable() || isSubtype(b.storage(), a.storage()));
    }

    /** Storage subtyping: packed types only match themselves. */
    public static boolean isSubtype(StorageType a, StorageType b) {
        if (a instanceof PackedType || b instanceof PackedType) {
            return a == b;
        }
        return isSubtype((ValType) a, (ValType) b);
    }

    /** Structural subtyping of composite types, as declared {@code sub} types must satisfy. */
    public static boolean isSubtype(CompositeType a, CompositeType b) {
        return switch (a) {
            case FuncType fa -> b instanceof FuncType fb
                    && isSubtype(fb.params(), fa.params()) && isSubtype(fa.results(), fb.results());
            case StructType sa -> b instanceof StructType sb && isPrefixSubtype(sa.fields(), sb.fields());
            case ArrayType aa -> b instanceof ArrayType ab && isSubtype(aa.element(), ab.element());
        };
    }

    private static boolean isPrefixSubtype(List<FieldType> a, List<FieldType> b) {
        if (a.size() < b.size()) {
            return false;
        }
        for (int i = 0; i < b.size(); i++) {
            if (!isSubtype(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** Pointwise subtyping of result types of equal length. */
    public static boolean isSubtype(List<ValType> a, List<ValType> b) {
        int n = a.size();
        if (n != b.size()) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (!isSubtype(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** Function subtyping of closed defined types (what {@code call_indirect} and imports check). */
    public static boolean isSubtype(DefType a, DefType b) {
        return a.isSubtypeOf(b);
    }

    /** Whether a local or field of this type has a default value (numbers, vectors, nullable refs). */
    public static boolean defaultable(ValType t) {
        return !(t instanceof RefType r) || r.nullable();
    }

    public static boolean isNumOrVec(ValType t) {
        return t instanceof NumType || t instanceof VecType;
    }

    /** A result type as the testsuite's messages print it: {@code [i32 i64]}. */
    static String format(List<ValType> types) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < types.size(); i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(format(types.get(i)));
        }
        return sb.append(']').toString();
    }

    /** A value type in text-like form; null is the unknown type of unreachable code. */
    static String format(ValType t) {
        if (t == null) {
            return "(unknown)";
        }
        if (t instanceof RefType r) {
            String ht = switch (r.heapType()) {
                case AbsHeapType a -> a.toString();
                case HeapType.Defined d -> "$" + d.type().recGroupIndex();
                case HeapType.Concrete c -> c.typeIndex() < 0 ? "bot" : Integer.toString(c.typeIndex());
            };
            return r.nullable() ? "(ref null " + ht + ")" : "(ref " + ht + ")";
        }
        return t.toString();
    }
}
