package dev.wasm4j.model;

/** The kinds of external values, with their binary codes in import and export descriptors. */
public enum ExternKind {
    /** {@code func}. */
    FUNC(0),
    /** {@code table}. */
    TABLE(1),
    /** {@code memory}. */
    MEMORY(2),
    /** {@code global}. */
    GLOBAL(3),
    /** {@code tag}. */
    TAG(4);

    private final int code;

    ExternKind(int code) {
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

    @Override
    public String toString() {
        return name().toLowerCase();
    }
}
