package dev.wasm4j.valid;

import dev.wasm4j.InvalidException;
import dev.wasm4j.model.ArrayType;
import dev.wasm4j.model.CompositeType;
import dev.wasm4j.model.DefType;
import dev.wasm4j.model.FieldType;
import dev.wasm4j.model.FreezeClause;
import dev.wasm4j.model.HeapType;
import dev.wasm4j.model.RefType;
import dev.wasm4j.model.StorageType;
import dev.wasm4j.model.StructType;
import dev.wasm4j.model.SubType;

import java.util.List;

/**
 * The frozen proposal's rules for defined types (docs/proposals/frozen.md, "Validation"), checked on closed
 * types once a recursive group is built:
 *
 * <pre>
 *   freezable ct          ct is a struct or array type
 *   sub x (freezable)     x's declared super type is freezable exactly when x is
 *   sub x                 when x's declared super type is frozen, x is frozen
 *   (freeze y) ct'        y is freezable, and ct' is a frozen form of y's composite type ct:
 *                         ct' has the kind of ct, no more fields, every field immutable, and field by field
 *                         frozen(st, st') holds (below)
 *   sub z (freeze y)      when z is frozen, z freezes a super type of y
 *
 *   frozen(st, st')       st = ref null? $u with $u freezable:  st' = ref null? $v', $v' frozen, freezing $v,
 *                                                                and $u &lt;: $v or $v &lt;: $u
 *                         st any other reference type:           st' = ref null? ht', ht &lt;: ht' or ht' &lt;: ht
 *                         st a number, vector or packed type:    st' = st
 * </pre>
 *
 * Nullability is free in {@code frozen}: a nullable field may become non-null and a non-null one nullable.
 * As the proposal's slides put it, a frozen field may be of a sub type ("fields should be subtypes or frozen
 * versions of subtypes") or of a super type ("upcasts"): whatever freezing cannot know from the types (a null,
 * a value of the wider type) it checks on the value.
 */
final class FreezeRules {
    private FreezeRules() {
    }

    /**
     * Checks type {@code t}, which is type index {@code x} of its module, declared as {@code declared} (for
     * the indices that messages name).
     */
    static void check(DefType t, int x, SubType declared) {
        if (t.isFreezable() && t.isFunc()) {
            throw new InvalidException("type " + x + " is freezable but not a struct or array type", -1);
        }
        DefType sup = t.supertype();
        String supName = declared.supertypes().isEmpty() ? "" : Integer.toString(declared.supertypes().getFirst());
        if (sup != null && t.isFreezable() != sup.isFreezable()) {
            throw new InvalidException(t.isFreezable()
                    ? "sub type " + x + " is freezable but its super type " + supName + " is not"
                    : "sub type " + x + " of freezable type " + supName + " is not freezable", -1);
        }
        if (sup != null && sup.isFrozen() && !t.isFrozen()) {
            throw new InvalidException("sub type " + x + " of frozen type " + supName + " is not frozen", -1);
        }
        DefType from = t.frozenFrom();
        if (from == null) {
            return;
        }
        int y = ((FreezeClause.FreezeOf) declared.freeze()).index();
        if (!from.isFreezable()) {
            throw new InvalidException("type " + x + " freezes type " + y + ", which is not freezable", -1);
        }
        String reason = frozenShape(from.composite(), t.composite());
        if (reason != null) {
            throw new InvalidException("type mismatch: type " + x + " is not a frozen form of type " + y
                    + " (" + reason + ")", -1);
        }
        if (sup != null && sup.isFrozen() && !from.isSubtypeOf(sup.frozenFrom())) {
            throw new InvalidException("sub type " + x + " freezes type " + y
                    + ", which is not a sub type of the type its super type " + supName + " freezes", -1);
        }
    }

    /** Why {@code frozen} is not a frozen form of {@code freezable}, or null when it is. */
    private static String frozenShape(CompositeType freezable, CompositeType frozen) {
        if (freezable instanceof StructType a && frozen instanceof StructType b) {
            List<FieldType> fa = a.fields();
            List<FieldType> fb = b.fields();
            if (fb.size() > fa.size()) {
                return "it has more fields";
            }
            for (int i = 0; i < fb.size(); i++) {
                String r = frozenField(fa.get(i), fb.get(i));
                if (r != null) {
                    return "field " + i + " " + r;
                }
            }
            return null;
        }
        if (freezable instanceof ArrayType a && frozen instanceof ArrayType b) {
            String r = frozenField(a.element(), b.element());
            return r == null ? null : "element " + r;
        }
        return "not the same kind of type";
    }

    private static String frozenField(FieldType freezable, FieldType frozen) {
        if (frozen.mutable()) {
            return "is mutable";
        }
        return frozenStorage(freezable.storage(), frozen.storage());
    }

    /**
     * Why a value of storage type {@code a} cannot become one of {@code b} when frozen ({@code frozen(st, st')}
     * in the class comment), or null when it can. Frozen globals use this rule too.
     */
    static String frozenStorage(StorageType a, StorageType b) {
        if (!(a instanceof RefType ra) || !(b instanceof RefType rb)) {
            return a.equals(b) ? null : "changes type";
        }
        if (ra.heapType() instanceof HeapType.Defined d && d.type().isFreezable()) {
            boolean ok = rb.heapType() instanceof HeapType.Defined f && f.type().isFrozen()
                    && related(d, new HeapType.Defined(f.type().frozenFrom()));
            return ok ? null : "refers to a freezable type but not to a frozen form of a related type";
        }
        return related(ra.heapType(), rb.heapType()) ? null : "is not a sub type or a super type of the freezable one";
    }

    private static boolean related(HeapType a, HeapType b) {
        return Types.isSubtype(a, b) || Types.isSubtype(b, a);
    }
}
