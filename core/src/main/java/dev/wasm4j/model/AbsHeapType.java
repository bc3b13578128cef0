package dev.wasm4j.model;

/**
 * Abstract heap types (spec 2.3.3) with their binary codes. The three hierarchies are
 * {@code any > eq > i31|struct|array > none}, {@code func > nofunc}, {@code extern > noextern}, and
 * {@code exn > noexn} for exception references.
 */
public enum AbsHeapType implements HeapType {
    FUNC(0x70), EXTERN(0x6F), ANY(0x6E), EQ(0x6D), I31(0x6C), STRUCT(0x6B), ARRAY(0x6A),
    EXN(0x69), NOEXN(0x74), NOFUNC(0x73), NOEXTERN(0x72), NONE(0x71);

    private final int code;

    AbsHeapType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The abstract heap type with this binary code, or null. */
    public static AbsHeapType ofCode(int code) {
        for (AbsHeapType t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        return null;
    }

    /** The top of this type's hierarchy: any, func, extern or exn. */
    public AbsHeapType top() {
        return switch (this) {
            case FUNC, NOFUNC -> FUNC;
            case EXTERN, NOEXTERN -> EXTERN;
            case EXN, NOEXN -> EXN;
            case ANY, EQ, I31, STRUCT, ARRAY, NONE -> ANY;
        };
    }

    /** The bottom of this type's hierarchy: none, nofunc, noextern or noexn. */
    public AbsHeapType bottom() {
        return switch (top()) {
            case FUNC -> NOFUNC;
            case EXTERN -> NOEXTERN;
            case EXN -> NOEXN;
            default -> NONE;
        };
    }

    @Override
    public String toString() {
        return name().toLowerCase();
    }
}
