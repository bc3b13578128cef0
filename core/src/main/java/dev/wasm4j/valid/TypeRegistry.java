package dev.wasm4j.valid;

import dev.wasm4j.InvalidException;
import dev.wasm4j.model.ArrayType;
import dev.wasm4j.model.CompositeType;
import dev.wasm4j.model.DefType;
import dev.wasm4j.model.FieldType;
import dev.wasm4j.model.FreezeClause;
import dev.wasm4j.model.FuncType;
import dev.wasm4j.model.HeapType;
import dev.wasm4j.model.RefType;
import dev.wasm4j.model.StorageType;
import dev.wasm4j.model.StructType;
import dev.wasm4j.model.SubType;
import dev.wasm4j.model.ValType;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Canonicalizes recursive type groups (spec 3.1.3 "Defined types", iso-recursive equivalence): two groups
 * are the same when they are structurally equal, their references into the group point at the same
 * positions, and their references out of the group point at the same canonical types. Each distinct
 * group is created once, as {@link DefType} objects with closed sub types and filled supertype chains, so
 * that type equivalence is identity and declared subtyping is O(1) ({@link DefType#isSubtypeOf}).
 *
 * <p>Thread-safe. Groups are held weakly: a group nobody references any more (no module, instance or
 * run-time object) is forgotten, and would be created anew.
 */
public final class TypeRegistry {

    private static final TypeRegistry GLOBAL = new TypeRegistry();

    private final Map<Key, GroupRef> groups = new HashMap<>();
    private final ReferenceQueue<RecGroup> collected = new ReferenceQueue<>();

    /** The registry every module and host function shares, so that types are comparable engine-wide. */
    public static TypeRegistry global() {
        return GLOBAL;
    }

    /** A fresh registry (tests). */
    static TypeRegistry create() {
        return new TypeRegistry();
    }

    /**
     * The canonical type of a function type given without module context, e.g. a host function's:
     * a final type with no supertype in a group of its own. Its reference types must be closed (abstract
     * or {@link HeapType.Defined}).
     */
    public DefType funcType(FuncType type) {
        for (ValType t : type.params()) {
            requireClosed(t);
        }
        for (ValType t : type.results()) {
            requireClosed(t);
        }
        return intern(List.of(SubType.of(type)), 0, new DefType[0])[0];
    }

    private static void requireClosed(ValType t) {
        if (t instanceof RefType r && r.heapType() instanceof HeapType.Concrete) {
            throw new IllegalArgumentException("type index without module context: " + t);
        }
    }

    /**
     * Canonicalizes the rec group {@code group} of a module whose first type has index {@code base};
     * {@code earlier[i]} is the canonical type of every index {@code i < base}. Checks what the group's
     * own validity needs (spec 3.2.x "Recursive types", "Sub types"): references to known types, at most
     * one supertype, declared before, not final, and structurally matched.
     */
    public DefType[] intern(List<SubType> group, int base, DefType[] earlier) {
        int n = group.size();
        List<Entry> entries = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            SubType st = group.get(i);
            int x = base + i;
            Object sup = null;
            if (st.supertypes().size() > 1) {
                throw new InvalidException("sub type " + x + " has multiple super types", -1);
            }
            if (!st.supertypes().isEmpty()) {
                int s = st.supertypes().getFirst();
                if (s < 0 || s >= base + n) {
                    throw new InvalidException("unknown type " + Integer.toUnsignedString(s), -1);
                }
                if (s >= x) {
                    throw new InvalidException("sub type " + x + " has forward super type " + s, -1);
                }
                sup = s >= base ? Integer.valueOf(s - base) : earlier[s];
            }
            CompositeType key = mapHeapTypes(st.composite(), ht -> keyOf(ht, base, n, earlier));
            entries.add(new Entry(st.isFinal(), sup, key, freezeKey(st.freeze(), x, base, base + n, earlier)));
        }
        Key key = new Key(List.copyOf(entries));
        synchronized (this) {
            purge();
            GroupRef ref = groups.get(key);
            RecGroup existing = ref == null ? null : ref.get();
            if (existing != null) {
                return existing.types.clone();
            }
        }
        RecGroup fresh = build(key, base, group);
        synchronized (this) {
            GroupRef ref = groups.get(key);
            RecGroup existing = ref == null ? null : ref.get();
            if (existing != null) {
                return existing.types.clone();
            }
            groups.put(key, new GroupRef(fresh, key, collected));
            for (DefType t : fresh.types) {
                if (t.isFrozen()) {
                    t.frozenFrom().addFrozenForm(t);
                }
            }
            return fresh.types.clone();
        }
    }

    /** Number of live groups (tests). */
    synchronized int size() {
        purge();
        return groups.size();
    }

    private static HeapType keyOf(HeapType ht, int base, int n, DefType[] earlier) {
        if (ht instanceof HeapType.Concrete(int idx)) {
            if (idx < 0 || idx >= base + n) {
                throw new InvalidException("unknown type " + Integer.toUnsignedString(idx), -1);
            }
            return idx >= base ? new HeapType.Concrete(idx - base) : new HeapType.Defined(earlier[idx]);
        }
        return ht;
    }

    /**
     * The key of a frozen proposal clause: null (none), TRUE ({@code freezable}), or for {@code (freeze y)} the
     * position of y in the group (an Integer) or its canonical type. Like a super type, y must come first.
     */
    private static Object freezeKey(FreezeClause freeze, int x, int base, int end, DefType[] earlier) {
        // instanceof rather than pattern switches in this class: each pattern switch spins a class on first
        // use, which every module's start-up would pay for
        if (!(freeze instanceof FreezeClause.FreezeOf(int y))) {
            return freeze instanceof FreezeClause.Freezable ? Boolean.TRUE : null;
        }
        if (y < 0 || y >= end) {
            throw new InvalidException("unknown type " + Integer.toUnsignedString(y), -1);
        }
        if (y >= x) {
            throw new InvalidException("type " + x + " freezes type " + y + ", which is not defined before it", -1);
        }
        return y >= base ? Integer.valueOf(y - base) : earlier[y];
    }

    /** A key's reference to a type: null, a position in group {@code g} (Integer) or a canonical type. */
    private static DefType inGroupOrCanonical(Object ref, RecGroup g) {
        if (ref == null) {
            return null;
        }
        return ref instanceof Integer rel ? g.types[rel] : (DefType) ref;
    }

    /** Creates the group's types, fills them, then checks their declared subtyping. */
    private static RecGroup build(Key key, int base, List<SubType> group) {
        int n = key.entries.size();
        RecGroup g = new RecGroup(n);
        for (int i = 0; i < n; i++) {
            g.types[i] = new DefType(g, i);
        }
        UnaryOperator<HeapType> close = ht -> ht instanceof HeapType.Concrete(int rel)
                ? new HeapType.Defined(g.types[rel]) : ht;
        for (int i = 0; i < n; i++) {
            Entry e = key.entries.get(i);
            DefType sup = inGroupOrCanonical(e.sup, g);
            DefType[] chain;
            if (sup == null) {
                chain = new DefType[] {g.types[i]};
            } else {
                chain = superChain(sup, g.types[i]);
            }
            SubType closed = new SubType(e.isFinal, List.of(), mapHeapTypes(e.composite, close));
            g.types[i].fill(closed, chain);
            DefType frozenFrom = e.freeze == Boolean.TRUE ? null : inGroupOrCanonical(e.freeze, g);
            g.types[i].fillFreeze(e.freeze == Boolean.TRUE, frozenFrom);
        }
        for (int i = 0; i < n; i++) {
            DefType t = g.types[i];
            DefType sup = t.supertype();
            if (sup == null) {
                continue;
            }
            int x = base + i;
            String supName = Integer.toString(group.get(i).supertypes().getFirst());
            if (sup.isFinal()) {
                throw new InvalidException("sub type " + x + " has final super type " + supName, -1);
            }
            if (!Types.isSubtype(t.composite(), sup.composite())) {
                throw new InvalidException("sub type " + x + " does not match super type " + supName, -1);
            }
        }
        for (int i = 0; i < n; i++) {
            FreezeRules.check(g.types[i], base + i, group.get(i));
        }
        return g;
    }

    private static DefType[] superChain(DefType sup, DefType self) {
        int d = sup.depth() + 1;
        DefType[] chain = new DefType[d + 1];
        DefType s = sup;
        for (int k = d - 1; k >= 0; k--) {
            chain[k] = s;
            s = s.supertype();
        }
        chain[d] = self;
        return chain;
    }

    private void purge() {
        for (var r = collected.poll(); r != null; r = collected.poll()) {
            GroupRef gr = (GroupRef) r;
            groups.remove(gr.key, gr);
        }
    }

    // ---- substitution of heap types inside types ----

    /** {@code c} with every concrete or defined heap type replaced by {@code f}'s result. */
    static CompositeType mapHeapTypes(CompositeType c, UnaryOperator<HeapType> f) {
        if (c instanceof FuncType ft) {
            return new FuncType(mapAll(ft.params(), f), mapAll(ft.results(), f));
        }
        if (c instanceof StructType st) {
            List<FieldType> fields = new ArrayList<>(st.fields().size());
            for (FieldType field : st.fields()) {
                fields.add(mapField(field, f));
            }
            return new StructType(fields);
        }
        return new ArrayType(mapField(((ArrayType) c).element(), f));
    }

    private static FieldType mapField(FieldType field, UnaryOperator<HeapType> f) {
        StorageType s = field.storage();
        return s instanceof ValType v ? new FieldType(mapHeapTypes(v, f), field.mutable()) : field;
    }

    static List<ValType> mapAll(List<ValType> types, UnaryOperator<HeapType> f) {
        List<ValType> out = new ArrayList<>(types.size());
        for (ValType t : types) {
            out.add(mapHeapTypes(t, f));
        }
        return out;
    }

    static ValType mapHeapTypes(ValType t, UnaryOperator<HeapType> f) {
        if (t instanceof RefType r && !(r.heapType() instanceof dev.wasm4j.model.AbsHeapType)) {
            HeapType h = f.apply(r.heapType());
            return h == r.heapType() ? r : new RefType(r.nullable(), h);
        }
        return t;
    }

    // ---- keys and groups ----

    /**
     * One type of a group key: finality, supertype (null, Integer position in group, or DefType), shape, and
     * the frozen proposal's clause ({@link #freezeKey}).
     */
    private record Entry(boolean isFinal, Object sup, CompositeType composite, Object freeze) {
        // Written out: a record's generated equals and hashCode are bootstrapped on first use (method handles
        // spun at run time), a noticeable share of a short run's start-up; every module interns its types here.
        @Override
        public boolean equals(Object o) {
            return o instanceof Entry e && e.isFinal == isFinal && Objects.equals(e.sup, sup)
                    && e.composite.equals(composite) && Objects.equals(e.freeze, freeze);
        }

        @Override
        public int hashCode() {
            return ((Boolean.hashCode(isFinal) * 31 + Objects.hashCode(sup)) * 31 + composite.hashCode()) * 31
                    + Objects.hashCode(freeze);
        }
    }

    /**
     * The structure of a group: references into the group are {@link HeapType.Concrete} with the
     * position in the group, references out of it are canonical {@link HeapType.Defined}.
     */
    private static final class Key {
        final List<Entry> entries;
        final int hash;

        Key(List<Entry> entries) {
            this.entries = entries;
            this.hash = entries.hashCode();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.hash == hash && k.entries.equals(entries);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /** A canonical group: the object every {@link DefType} of the group keeps alive. */
    static final class RecGroup {
        final DefType[] types;

        RecGroup(int n) {
            types = new DefType[n];
        }
    }

    private static final class GroupRef extends WeakReference<RecGroup> {
        final Key key;

        GroupRef(RecGroup g, Key key, ReferenceQueue<RecGroup> q) {
            super(g, q);
            this.key = key;
        }
    }
}
