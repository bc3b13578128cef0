package dev.wasm4j;

/**
 * A module that cannot be loaded: malformed (it breaks the binary or text format) or invalid (it breaks a
 * typing rule). {@link #rule()} is the spec's wording of the rule, the text an {@code assert_malformed} or
 * {@code assert_invalid} expects; {@link #offset()} is the byte offset in the binary (or, for text, the
 * character offset in the source), or -1 when unknown.
 */
public abstract sealed class ModuleException extends WasmException permits MalformedException, InvalidException {
    private final String rule;
    private final long offset;

    protected ModuleException(String rule, long offset) {
        super(offset >= 0 ? rule + " (at offset " + offset + ")" : rule);
        this.rule = rule;
        this.offset = offset;
    }

    /** The rule broken, in the spec testsuite's words. */
    public String rule() {
        return rule;
    }

    /** Byte offset of the error in the binary module (character offset for text), or -1. */
    public long offset() {
        return offset;
    }
}
