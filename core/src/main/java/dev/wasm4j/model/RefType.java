package dev.wasm4j.model;

/**
 * A reference type (spec 2.3.3): a heap type and whether null is a member.
 *
 * @param nullable the nullable
 * @param heapType the heap type
 */
public record RefType(boolean nullable, HeapType heapType) implements ValType {

    public static final RefType FUNCREF = new RefType(true, AbsHeapType.FUNC);
    public static final RefType EXTERNREF = new RefType(true, AbsHeapType.EXTERN);
    public static final RefType ANYREF = new RefType(true, AbsHeapType.ANY);
    public static final RefType EQREF = new RefType(true, AbsHeapType.EQ);
    public static final RefType I31REF = new RefType(true, AbsHeapType.I31);
    public static final RefType STRUCTREF = new RefType(true, AbsHeapType.STRUCT);
    public static final RefType ARRAYREF = new RefType(true, AbsHeapType.ARRAY);
    public static final RefType EXNREF = new RefType(true, AbsHeapType.EXN);
    public static final RefType NULLREF = new RefType(true, AbsHeapType.NONE);
    public static final RefType NULLFUNCREF = new RefType(true, AbsHeapType.NOFUNC);
    public static final RefType NULLEXTERNREF = new RefType(true, AbsHeapType.NOEXTERN);
    public static final RefType NULLEXNREF = new RefType(true, AbsHeapType.NOEXN);

    /**
     * A reference type.
     *
     * @return the type
     */
    public static RefType of(boolean nullable, HeapType heapType) {
        return new RefType(nullable, heapType);
    }

    /**
     * The as non null.
     *
     * @return the converted value
     */
    public RefType asNonNull() {
        return nullable ? new RefType(false, heapType) : this;
    }

    /**
     * The as nullable.
     *
     * @return the converted value
     */
    public RefType asNullable() {
        return nullable ? this : new RefType(true, heapType);
    }

    @Override
    public String toString() {
        return "(ref " + (nullable ? "null " : "") + heapType + ")";
    }
}
