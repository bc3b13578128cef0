package dev.wasm4j.model;

/** The kinds of external values, with their binary codes in import and export descriptors. */
public enum ExternKind {
    FUNC(0), TABLE(1), MEMORY(2), GLOBAL(3), TAG(4);

    private final int code;

    ExternKind(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    @Override
    public String toString() {
        return name().toLowerCase();
    }
}
