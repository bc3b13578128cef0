package dev.wasm4j.text;

/**
 * A token of the text format (spec 6.2.1) with its character range {@code [start, end)} in the source.
 * {@code text} is the source text for atoms (keywords, numbers, reserved tokens), the name for identifiers
 * (without {@code $}) and null for strings, whose decoded bytes are in {@code bytes}.
 */
public record Token(Kind kind, int start, int end, String text, byte[] bytes) {

    public enum Kind {
        LPAR, RPAR,
        /** An unsigned integer: {@code 12}, {@code 0xff}, {@code 1_000}. */
        NAT,
        /** A signed integer: {@code +1}, {@code -0x80}. */
        INT,
        /** A float: {@code 1.5}, {@code 0x1p-3}, {@code -inf}, {@code nan:0x200000}. */
        FLOAT,
        STRING,
        /** {@code $name} or {@code $"name"}. */
        ID,
        /** An atom starting with a lowercase letter: instruction names, field keywords, {@code offset=4}. */
        KEYWORD,
        /** Any other atom; always an error where it appears ("unknown operator"). */
        RESERVED,
        EOF
    }

    public boolean is(Kind k) {
        return kind == k;
    }

    public boolean isKeyword(String keyword) {
        return kind == Kind.KEYWORD && text.equals(keyword);
    }

    /** NAT, INT or FLOAT. */
    public boolean isNumber() {
        return kind == Kind.NAT || kind == Kind.INT || kind == Kind.FLOAT;
    }

    /** A NAT or an identifier: what an index can be. */
    public boolean isIndex() {
        return kind == Kind.NAT || kind == Kind.ID;
    }

    @Override
    public String toString() {
        return switch (kind) {
            case LPAR -> "(";
            case RPAR -> ")";
            case ID -> "$" + text;
            case STRING -> "\"...\"";
            case EOF -> "end of input";
            default -> text;
        };
    }
}
