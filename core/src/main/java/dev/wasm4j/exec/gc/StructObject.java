package dev.wasm4j.exec.gc;

import dev.wasm4j.model.DefType;

/** A struct (GC): its canonical type and its fields, laid out by {@link StructLayout}. */
public final class StructObject {
    /** The object's type; freezing (frozen proposal) changes it to a frozen form, in place. */
    public DefType type;
    public final long[] nums;
    public final Object[] refs;

    public StructObject(DefType type, StructLayout layout) {
        this.type = type;
        this.nums = layout.numSlots() == 0 ? NO_NUMS : new long[layout.numSlots()];
        this.refs = layout.refSlots() == 0 ? NO_REFS : new Object[layout.refSlots()];
    }

    private static final long[] NO_NUMS = new long[0];
    private static final Object[] NO_REFS = new Object[0];

    @Override
    public String toString() {
        return "struct:" + type;
    }
}
