package dev.wasm4j.model;

/**
 * Abstract heap types (spec 2.3.3) with their binary codes. The three hierarchies are
 * {@code any > eq > i31|struct|array > none}, {@code func > nofunc}, {@code extern > noextern}, and
 * {@code exn > noexn} for exception references.
 */
public enum AbsHeapType implements HeapType {
    /** {@code func}. */
    FUNC(0x70),
    /** {@code extern}. */
    EXTERN(0x6F),
    /** {@code any}. */
    ANY(0x6E),
    /** {@code eq}. */
    EQ(0x6D),
    /** {@code i31}. */
    I31(0x6C),
    /** {@code struct}. */
    STRUCT(0x6B),
    /** {@code array}. */
    ARRAY(0x6A),
    /** {@code exn}. */
    EXN(0x69),
    /** {@code noexn}. */
    NOEXN(0x74),
    /** {@code nofunc}. */
    NOFUNC(0x73),
    /** {@code noextern}. */
    NOEXTERN(0x72),
    /** {@code none}. */
    NONE(0x71);

    private final int code;

    AbsHeapType(int code) {
        this.code = code;
    }

    /**
     * The binary encoding byte.
     *
     * @return the code
     */
    public int code() {
        return code;
    }

    /**
     * The abstract heap type with this binary code, or null.
     *
     * @param code the code
     * @return the type, or null
     */
    public static AbsHeapType ofCode(int code) {
        for (AbsHeapType t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        return null;
    }

    /**
     * The top of this type's hierarchy: any, func, extern or exn.
     *
     * @return the top
     */
    public AbsHeapType top() {
        return switch (this) {
            case FUNC, NOFUNC -> FUNC;
            case EXTERN, NOEXTERN -> EXTERN;
            case EXN, NOEXN -> EXN;
            case ANY, EQ, I31, STRUCT, ARRAY, NONE -> ANY;
        };
    }

    /**
     * The bottom of this type's hierarchy: none, nofunc, noextern or noexn.
     *
     * @return the bottom
     */
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
