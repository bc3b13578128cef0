package dev.wasm4j.exec.gc;

import dev.wasm4j.TrapException;
import dev.wasm4j.model.ArrayType;
import dev.wasm4j.model.DefType;
import dev.wasm4j.model.FieldType;
import dev.wasm4j.model.HeapType;
import dev.wasm4j.model.Opcode;
import dev.wasm4j.model.RefType;
import dev.wasm4j.model.StructType;
import dev.wasm4j.valid.Types;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;

/**
 * {@code ref.freeze} (frozen proposal, docs/proposals/frozen.md, "Execution"): freezes a graph of objects in
 * place. Each object reached gets a frozen type instead of its freezable one; the walk follows exactly the
 * fields whose frozen type names a frozen type, and stops at everything else (non-freezable objects, fields
 * of abstract types, numbers). Cycles and sharing are kept because nothing is copied: an object reached a
 * second time is already frozen and is only checked.
 *
 * <p>The walk is iterative (no Java recursion, any depth) and linear in the objects and fields it visits.
 * It is all or nothing: a trap (a null in a non-nullable frozen field, an object already frozen to a type that
 * does not fit, a freezable sub type without a fitting frozen form) puts every type it changed back first.
 */
public final class Freezer {
    /** An object that was frozen, reached through a reference of its old, freezable type. */
    public static final String FROZEN_OBJECT = "frozen object accessed through a freezable type";
    public static final String NULL_FIELD = "null reference in a non-nullable frozen field";
    /** A value that does not fit the frozen type of its field (or global), or an object frozen to another. */
    public static final String MISMATCH = "frozen type mismatch";
    public static final String NO_FORM = "no frozen form of the object's type fits";

    private Object[] undoObjects = new Object[16];
    private DefType[] undoTypes = new DefType[16];
    private int undoSize;
    private Object[] todo = new Object[16];
    private int todoSize;

    private Freezer() {
    }

    /** {@code ref.freeze target}: freezes the graph from {@code root} (not null) and returns it. */
    public static Object freeze(Object root, DefType target) {
        new Freezer().run(root, target);
        return root;
    }

    /**
     * The frozen value of a freezable global (or of any reference that becomes one of {@code frozenType}):
     * null is kept when the type allows it, objects are frozen when the type names a frozen type.
     */
    public static Object freezeValue(Object value, RefType frozenType, String nullMessage) {
        if (value == null) {
            if (!frozenType.nullable()) {
                throw new TrapException(nullMessage);
            }
            return null;
        }
        if (frozenType.heapType() instanceof HeapType.Defined d && d.type().isFrozen()) {
            return freeze(value, d.type());
        }
        if (!RefTest.matches(value, frozenType)) {
            throw new TrapException(MISMATCH);
        }
        return value;
    }

    /** The object itself, after checking that it is not frozen (an access through a freezable type). */
    public static Object live(Object ref) {
        if (ref != null && !type(ref).isFreezable()) {
            throw new TrapException(FROZEN_OBJECT);
        }
        return ref;
    }

    private static final int[] NONE = {};

    /**
     * The operands of an access instruction that the tiers must check with {@link #live} before it runs,
     * as positions from the top of the operand stack (0 = top): the struct or array operands whose static
     * type is freezable. Empty for everything else, which therefore runs exactly as without this proposal.
     * {@code index} and {@code index2} are the instruction's immediates, {@code types} the module's types.
     */
    public static int[] liveOperands(Opcode op, int index, int index2, IntFunction<DefType> types) {
        int at = switch (op) {
            case STRUCT_GET, STRUCT_GET_S, STRUCT_GET_U -> 0;
            case STRUCT_SET, ARRAY_GET, ARRAY_GET_S, ARRAY_GET_U -> 1;
            case ARRAY_SET -> 2;
            case ARRAY_FILL, ARRAY_INIT_DATA, ARRAY_INIT_ELEM -> 3;
            case ARRAY_COPY -> 4;
            default -> -1;
        };
        if (at < 0) {
            return NONE;
        }
        boolean first = types.apply(index).isFreezable();
        boolean source = op == Opcode.ARRAY_COPY && types.apply(index2).isFreezable();
        if (!source) {
            return first ? new int[] {at} : NONE;
        }
        return first ? new int[] {at, 2} : new int[] {2};
    }

    private void run(Object root, DefType target) {
        try {
            visit(root, target);
            while (todoSize > 0) {
                Object o = todo[--todoSize];
                todo[todoSize] = null;
                scan(o, type(o));
            }
        } catch (RuntimeException | Error e) {
            for (int i = undoSize - 1; i >= 0; i--) {
                setType(undoObjects[i], undoTypes[i]);
            }
            throw e;
        }
    }

    /** An object reached where type {@code target} (a frozen type) is expected. */
    private void visit(Object o, DefType target) {
        DefType current = o instanceof StructObject s ? s.type : o instanceof ArrayObject a ? a.type : null;
        if (current == null || !current.isFreezable()) {
            // Frozen already (by this freeze or an earlier one, or made by struct.new of a frozen type), or
            // not an object of a defined type at all (through a field of an abstract type).
            if (current == null || !current.isSubtypeOf(target)) {
                throw new TrapException(MISMATCH);
            }
            return;
        }
        DefType frozen = frozenForm(current, target);
        if (frozen == null) {
            throw new TrapException(NO_FORM);
        }
        if (undoSize == undoObjects.length) {
            undoObjects = Arrays.copyOf(undoObjects, undoSize * 2);
            undoTypes = Arrays.copyOf(undoTypes, undoSize * 2);
        }
        undoObjects[undoSize] = o;
        undoTypes[undoSize++] = current;
        setType(o, frozen);
        if (Plan.of(frozen).needsScan()) {
            if (todoSize == todo.length) {
                todo = Arrays.copyOf(todo, todoSize * 2);
            }
            todo[todoSize++] = o;
        }
    }

    /**
     * The frozen form of freezable type {@code t} that fits where {@code target} is expected: {@code target}
     * itself when it freezes t, else the first registered frozen form of t that is a sub type of it.
     */
    private static DefType frozenForm(DefType t, DefType target) {
        if (target.frozenFrom() == t) {
            return target;
        }
        for (DefType f : t.frozenForms()) {
            if (f.isSubtypeOf(target)) {
                return f;
            }
        }
        return null;
    }

    /** Checks and follows the reference fields (or elements) of {@code o}, now of frozen type {@code t}. */
    private void scan(Object o, DefType t) {
        Plan p = Plan.of(t);
        if (o instanceof StructObject s) {
            for (int k = 0; k < p.slots.length; k++) {
                reached(s.refs[p.slots[k]], p, k);
            }
        } else {
            Object[] elements = (Object[]) ((ArrayObject) o).data;
            for (Object e : elements) {
                reached(e, p, 0);
            }
        }
    }

    private void reached(Object v, Plan p, int k) {
        if (v == null) {
            if (p.nonNull[k]) {
                throw new TrapException(NULL_FIELD);
            }
        } else if (p.follow[k] != null) {
            visit(v, p.follow[k]);
        } else if (p.check[k] != null && !RefTest.matches(v, p.check[k])) {
            throw new TrapException(MISMATCH);
        }
    }

    static DefType type(Object o) {
        return o instanceof StructObject s ? s.type : ((ArrayObject) o).type;
    }

    private static void setType(Object o, DefType t) {
        if (o instanceof StructObject s) {
            s.type = t;
        } else {
            ((ArrayObject) o).type = t;
        }
    }

    /**
     * What freezing does with the reference fields of a frozen type, computed once per type: for each
     * reference field that matters (its slot in the object array), the frozen type to freeze its value into,
     * or else the type its value must be checked against (when the freezable field's type is wider), and
     * whether null is forbidden. An array type has one entry, for all its elements.
     */
    private record Plan(int[] slots, DefType[] follow, RefType[] check, boolean[] nonNull) {
        private static final Map<DefType, Plan> CACHE = new ConcurrentHashMap<>();

        static Plan of(DefType frozen) {
            return CACHE.computeIfAbsent(frozen, Plan::compute);
        }

        boolean needsScan() {
            return slots.length > 0;
        }

        private static Plan compute(DefType t) {
            if (t.composite() instanceof ArrayType a) {
                FieldType before = ((ArrayType) t.frozenFrom().composite()).element();
                return plan(List.of(a.element()), List.of(before), new int[] {0});
            }
            List<FieldType> fields = ((StructType) t.composite()).fields();
            List<FieldType> before = ((StructType) t.frozenFrom().composite()).fields();
            StructLayout layout = StructLayout.of(t);
            int[] slots = new int[fields.size()];
            for (int i = 0; i < slots.length; i++) {
                slots[i] = layout.slot(i);
            }
            return plan(fields, before, slots);
        }

        /** The entries for {@code fields} (frozen) of the freezable {@code before}, at {@code slots}. */
        private static Plan plan(List<FieldType> fields, List<FieldType> before, int[] slots) {
            int n = 0;
            int[] at = new int[fields.size()];
            DefType[] follow = new DefType[fields.size()];
            RefType[] check = new RefType[fields.size()];
            boolean[] nonNull = new boolean[fields.size()];
            for (int i = 0; i < fields.size(); i++) {
                if (!(fields.get(i).storage() instanceof RefType r)) {
                    continue;
                }
                DefType into = r.heapType() instanceof HeapType.Defined d && d.type().isFrozen() ? d.type() : null;
                RefType was = (RefType) before.get(i).storage();
                boolean narrower = !Types.isSubtype(was.heapType(), r.heapType());
                if (into != null || narrower || !r.nullable()) {
                    at[n] = slots[i];
                    follow[n] = into;
                    check[n] = into == null && narrower ? r.asNonNull() : null;
                    nonNull[n++] = !r.nullable();
                }
            }
            return new Plan(Arrays.copyOf(at, n), Arrays.copyOf(follow, n), Arrays.copyOf(check, n),
                    Arrays.copyOf(nonNull, n));
        }
    }
}
