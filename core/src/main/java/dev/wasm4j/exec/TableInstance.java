package dev.wasm4j.exec;

import dev.wasm4j.Table;
import dev.wasm4j.TrapException;
import dev.wasm4j.Value;
import dev.wasm4j.model.DefType;
import dev.wasm4j.model.Limits;
import dev.wasm4j.model.TableType;

import java.util.Arrays;

/**
 * A table instance (spec 4.2.7): a growable vector of references. Indices are unsigned; every access is
 * bounds-checked and traps with {@code out of bounds table access}.
 */
public final class TableInstance implements Table {
    public static final String OUT_OF_BOUNDS = "out of bounds table access";
    /** Most elements a table may hold here (arrays are int-indexed). */
    static final long MAX_ELEMENTS = 10_000_000;

    private final TableType type;
    private Object[] elements;

    /** A table of this (closed) type at its minimum size, every element {@code init}. */
    public TableInstance(TableType type, Object init) {
        this.type = type;
        long min = type.limits().min();
        if (min > MAX_ELEMENTS || min < 0) {
            throw new TrapException("table size exceeds the engine limit");
        }
        this.elements = new Object[(int) min];
        if (init != null) {
            Arrays.fill(elements, init);
        }
    }

    @Override
    public TableType type() {
        return type;
    }

    /** The type with the current size as minimum, for import matching (spec 4.5.2). */
    public TableType currentType() {
        return new TableType(type.addrType(), new Limits(elements.length, type.limits().max()), type.elemType());
    }

    @Override
    public long size() {
        return elements.length;
    }

    @Override
    public Value get(long index) {
        return new Value.Ref(type.elemType(), getRef(index));
    }

    @Override
    public void set(long index, Value ref) {
        setRef(index, ((Value.Ref) ref).ref());
    }

    @Override
    public long grow(long delta, Value init) {
        return grow(delta, ((Value.Ref) init).ref());
    }

    /** Direct access for the tiers; valid until the table grows. */
    public Object[] elements() {
        return elements;
    }

    public Object getRef(long index) {
        if (index < 0 || index >= elements.length) {
            throw new TrapException(OUT_OF_BOUNDS);
        }
        return elements[(int) index];
    }

    public void setRef(long index, Object ref) {
        if (index < 0 || index >= elements.length) {
            throw new TrapException(OUT_OF_BOUNDS);
        }
        elements[(int) index] = ref;
    }

    /** {@code table.grow}: returns the old size, or -1 when the table cannot grow that much. */
    public long grow(long delta, Object init) {
        int old = elements.length;
        if (delta < 0) {
            return -1;
        }
        long max = type.limits().hasMax() ? type.limits().max() : MAX_ELEMENTS;
        long newSize = old + delta;
        if (Long.compareUnsigned(newSize, Math.min(max < 0 ? MAX_ELEMENTS : max, MAX_ELEMENTS)) > 0) {
            return -1;
        }
        Object[] grown = Arrays.copyOf(elements, (int) newSize);
        Arrays.fill(grown, old, (int) newSize, init);
        elements = grown;
        return old;
    }

    /**
     * The callee of {@code call_indirect}: the function at {@code index} (an i32 index zero-extended by the
     * caller for 32-bit tables), checked for bounds ({@code undefined element}), null ({@code uninitialized
     * element}) and type ({@code indirect call type mismatch}: its canonical type must be {@code expected} or
     * a subtype).
     */
    public FunctionInstance callTarget(long index, DefType expected) {
        Object[] es = elements;
        if (index < 0 || index >= es.length) {
            throw new TrapException("undefined element " + index);
        }
        Object f = es[(int) index];
        if (f == null) {
            throw new TrapException("uninitialized element " + index);
        }
        FunctionInstance fn = (FunctionInstance) f;
        if (fn.defType() != expected && !fn.defType().isSubtypeOf(expected)) {
            throw new TrapException("indirect call type mismatch");
        }
        return fn;
    }

    /** {@code table.fill}. */
    public void fill(long dst, Object ref, long len) {
        checkRange(dst, len);
        Arrays.fill(elements, (int) dst, (int) (dst + len), ref);
    }

    /** {@code table.copy} from {@code source} (may be this table; overlap allowed). */
    public void copyFrom(TableInstance source, long src, long dst, long len) {
        source.checkRange(src, len);
        checkRange(dst, len);
        System.arraycopy(source.elements, (int) src, elements, (int) dst, (int) len);
    }

    /** {@code table.init} and active element segments. */
    public void init(long dst, Object[] segment, long src, long len) {
        if (src < 0 || len < 0 || src > segment.length - len) {
            throw new TrapException(OUT_OF_BOUNDS);
        }
        checkRange(dst, len);
        System.arraycopy(segment, (int) src, elements, (int) dst, (int) len);
    }

    private void checkRange(long start, long len) {
        if (start < 0 || len < 0 || start > elements.length - len) {
            throw new TrapException(OUT_OF_BOUNDS);
        }
    }
}
