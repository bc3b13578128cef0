package dev.wasm4j;

/**
 * A module that cannot be loaded: malformed (it breaks the binary or text format) or invalid (it breaks a
 * typing rule). {@link #rule()} is the spec's wording of the rule, the text an {@code assert_malformed} or
 * {@code assert_invalid} expects; {@link #offset()} is where: the byte offset in the binary or, for text, the
 * character offset in the source. When the module came from a file, {@link #source()} names it, and for
 * text {@link #line()} and {@link #column()} point at the offending token, type errors included. The message
 * reads like a compiler's: {@code fac.wat:3:14: type mismatch} or
 * {@code fac.wasm: unexpected end (at offset 120)}.
 *
 * <p>Thread safety: immutable.
 */
public abstract sealed class ModuleException extends WasmException permits MalformedException, InvalidException {
    /** The rule broken. */
    private final String rule;
    /** Byte or character offset, or -1. */
    private final long offset;
    /** The file or other source named in the message, or null. */
    private final String source;
    /** 1-based line in a text source, or -1. */
    private final int line;
    /** 1-based column in a text source, or -1. */
    private final int column;

    /**
     * An error at {@code offset}, without a source.
     *
     * @param rule the rule broken, in the spec testsuite's words
     * @param offset the byte offset (character offset for text), or -1 when unknown
     */
    protected ModuleException(String rule, long offset) {
        this(rule, offset, null, -1, -1);
    }

    /**
     * An error at a place in a named source.
     *
     * @param rule the rule broken, in the spec testsuite's words
     * @param offset the byte offset (character offset for text), or -1 when unknown
     * @param source the file (or other source) the module came from, or null
     * @param line the 1-based line in a text source, or -1
     * @param column the 1-based column in a text source, or -1
     */
    protected ModuleException(String rule, long offset, String source, int line, int column) {
        super(message(rule, offset, source, line, column));
        this.rule = rule;
        this.offset = offset;
        this.source = source;
        this.line = line;
        this.column = column;
    }

    private static String message(String rule, long offset, String source, int line, int column) {
        if (source != null && line > 0) {
            return source + ":" + line + ":" + column + ": " + rule;
        }
        String at = offset >= 0 ? rule + " (at offset " + offset + ")" : rule;
        return source != null ? source + ": " + at : at;
    }

    /**
     * The rule broken, in the spec testsuite's words.
     *
     * @return the rule, without position or source
     */
    public String rule() {
        return rule;
    }

    /**
     * Byte offset of the error in the binary module (character offset for text), or -1.
     *
     * @return the offset, or -1 when unknown
     */
    public long offset() {
        return offset;
    }

    /**
     * The file (or other source) the module came from.
     *
     * @return its name, or null when the module was given as bytes or a string without a name
     */
    public String source() {
        return source;
    }

    /**
     * The 1-based line of the offending token in a text source.
     *
     * @return the line, or -1 for binary modules and when unknown
     */
    public int line() {
        return line;
    }

    /**
     * The 1-based column (in characters) of the offending token in a text source.
     *
     * @return the column, or -1 for binary modules and when unknown
     */
    public int column() {
        return column;
    }

    /**
     * This error placed in a text source: the line and column of character {@code charOffset} of
     * {@code text} (this error's own offset when it is -1).
     *
     * @param sourceName the file or other source the text came from, or null
     * @param text the whole text
     * @param charOffset where the error is in {@code text}, or -1 for {@link #offset()}
     * @return a new exception of the same kind, or this one with only the source when the offset is unknown
     */
    public ModuleException inText(String sourceName, CharSequence text, long charOffset) {
        long at = charOffset >= 0 ? charOffset : offset;
        if (at < 0 || at > text.length()) {
            return at(sourceName, -1, -1);
        }
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < at; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        int column = Character.codePointCount(text, lineStart, (int) at) + 1;
        return at(sourceName, line, column);
    }

    /**
     * This error placed in a source: the same rule and offset, with a source name and (for text) a line and
     * column.
     *
     * @param sourceName the file or other source the module came from, or null
     * @param atLine the 1-based line, or -1
     * @param atColumn the 1-based column, or -1
     * @return a new exception of the same kind
     */
    public ModuleException at(String sourceName, int atLine, int atColumn) {
        return switch (this) {
            case MalformedException m -> new MalformedException(rule, offset, sourceName, atLine, atColumn);
            case InvalidException i -> new InvalidException(rule, offset, sourceName, atLine, atColumn);
        };
    }
}
