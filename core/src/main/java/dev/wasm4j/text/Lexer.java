package dev.wasm4j.text;

import dev.wasm4j.MalformedException;
import dev.wasm4j.text.Token.Kind;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits text into tokens (spec 6.2 "Lexical Format"): parentheses, numbers, strings, identifiers, keywords
 * and reserved atoms; white space, comments and annotations are dropped, except {@code (@custom ...)}
 * annotations, which are kept aside with their items.
 *
 * <p>The source is a Java string. Text that came from bytes that are not valid UTF-8 (a {@code module quote}
 * of a script may hold such bytes) is expected to carry each invalid byte as a lone surrogate
 * (U+DC80..U+DCFF); a lone surrogate anywhere is reported as "malformed UTF-8 encoding".
 */
public final class Lexer {
    private final String src;
    private final int limit;
    private int pos;
    private int depth;
    private final List<Token> tokens = new ArrayList<>();
    private final List<Annotation> customs = new ArrayList<>();

    private Lexer(String src, int from, int to) {
        this.src = src;
        this.pos = from;
        this.limit = to;
    }

    /** Tokens of {@code src[from, to)} ending with an EOF token, and the {@code @custom} annotations. */
    record Result(List<Token> tokens, List<Annotation> customs) {
    }

    static Result lex(String src, int from, int to) {
        Lexer lx = new Lexer(src, from, to);
        lx.run();
        return new Result(lx.tokens, lx.customs);
    }

    /** The tokens of {@code src}, the last one of kind EOF. */
    public static List<Token> tokens(String src) {
        return lex(src, 0, src.length()).tokens();
    }

    private MalformedException error(String rule, int at) {
        return new MalformedException(rule, at);
    }

    private boolean at(int i, char c) {
        return i < limit && src.charAt(i) == c;
    }

    private void run() {
        while (pos < limit) {
            char c = src.charAt(pos);
            switch (c) {
                case ' ', '\t', '\n', '\r' -> pos++;
                case '(' -> {
                    if (at(pos + 1, ';')) {
                        blockComment();
                    } else if (at(pos + 1, '@')) {
                        annotation();
                    } else {
                        tokens.add(new Token(Kind.LPAR, pos, pos + 1, "(", null));
                        depth++;
                        pos++;
                    }
                }
                case ')' -> {
                    tokens.add(new Token(Kind.RPAR, pos, pos + 1, ")", null));
                    depth--;
                    pos++;
                }
                case ';' -> {
                    if (at(pos + 1, ';')) {
                        lineComment();
                    } else {
                        reservedChar();
                    }
                }
                case ',', '[', ']', '{', '}' -> reservedChar();
                default -> {
                    if (c == '"' || isIdChar(c)) {
                        tokens.add(atom());
                    } else {
                        throw error(misplaced(c), pos);
                    }
                }
            }
        }
        tokens.add(new Token(Kind.EOF, limit, limit, "", null));
    }

    private void reservedChar() {
        tokens.add(new Token(Kind.RESERVED, pos, pos + 1, src.substring(pos, pos + 1), null));
        pos++;
    }

    private String misplaced(char c) {
        if (Character.isSurrogate(c) && !validPairAt(pos)) {
            return "malformed UTF-8 encoding";
        }
        return c < 0x20 || c == 0x7F ? "misplaced control character" : "misplaced unicode character";
    }

    private boolean validPairAt(int i) {
        char c = src.charAt(i);
        return Character.isHighSurrogate(c) && i + 1 < limit && Character.isLowSurrogate(src.charAt(i + 1));
    }

    static boolean isIdChar(char c) {
        if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
            return true;
        }
        return switch (c) {
            case '_', '+', '-', '*', '/', '\\', '^', '~', '=', '<', '>', '!', '?', '@', '#', '$', '%', '&', '|',
                 ':', '`', '.', '\'' -> true;
            default -> false;
        };
    }

    // ---------------------------------------------------------------- comments

    private void lineComment() {
        while (pos < limit) {
            char c = src.charAt(pos);
            if (c == '\n' || c == '\r') {
                return;
            }
            skipChar();
        }
    }

    /** Skips one character of a comment, checking that it is valid Unicode. */
    private void skipChar() {
        char c = src.charAt(pos);
        if (Character.isSurrogate(c)) {
            if (!validPairAt(pos)) {
                throw error("malformed UTF-8 encoding", pos);
            }
            pos += 2;
        } else {
            pos++;
        }
    }

    private void blockComment() {
        int start = pos;
        int nesting = 0;
        while (true) {
            if (pos >= limit) {
                throw error("unclosed comment", start);
            }
            if (at(pos, '(') && at(pos + 1, ';')) {
                nesting++;
                pos += 2;
            } else if (at(pos, ';') && at(pos + 1, ')')) {
                nesting--;
                pos += 2;
                if (nesting == 0) {
                    return;
                }
            } else {
                skipChar();
            }
        }
    }

    // ---------------------------------------------------------------- atoms

    /** A maximal run of identifier characters and strings, classified. */
    private Token atom() {
        int start = pos;
        int stringParts = 0;
        int idParts = 0;
        byte[] lastString = null;
        while (pos < limit) {
            char c = src.charAt(pos);
            if (c == '"') {
                if (pos == start + 1 && src.charAt(start) == '$') {
                    // $"..." is an identifier only when the string is well formed (else a lone "$").
                    try {
                        lastString = string();
                    } catch (MalformedException e) {
                        throw error("empty identifier", start);
                    }
                } else {
                    lastString = string();
                }
                stringParts++;
            } else if (isIdChar(c)) {
                while (pos < limit && isIdChar(src.charAt(pos))) {
                    pos++;
                }
                idParts++;
            } else {
                break;
            }
        }
        String text = src.substring(start, pos);
        if (stringParts == 0) {
            return classify(text, start, pos);
        }
        if (stringParts == 1 && idParts == 0) {
            return new Token(Kind.STRING, start, pos, null, lastString);
        }
        if (stringParts == 1 && idParts == 1 && text.charAt(0) == '$' && text.charAt(1) == '"') {
            if (lastString.length == 0) {
                throw error("empty identifier", start);
            }
            return new Token(Kind.ID, start, pos, utf8(lastString, start), null);
        }
        return new Token(Kind.RESERVED, start, pos, text, null);
    }

    private Token classify(String text, int start, int end) {
        if (text.charAt(0) == '$') {
            if (text.length() == 1) {
                throw error("empty identifier", start);
            }
            return new Token(Kind.ID, start, end, text.substring(1), null);
        }
        Kind num = numberKind(text);
        if (num != null) {
            return new Token(num, start, end, text, null);
        }
        char c = text.charAt(0);
        return new Token(c >= 'a' && c <= 'z' ? Kind.KEYWORD : Kind.RESERVED, start, end, text, null);
    }

    /** Decodes UTF-8 bytes, or reports malformed UTF-8 at {@code at}. */
    String utf8(byte[] bytes, int at) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw error("malformed UTF-8 encoding", at);
        }
    }

    /** A string literal starting at {@code pos} (a quote): its bytes (spec 6.3.3). */
    private byte[] string() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        pos++;
        while (true) {
            if (pos >= limit) {
                throw error("unclosed string literal", pos);
            }
            char c = src.charAt(pos);
            if (c == '"') {
                pos++;
                return out.toByteArray();
            }
            if (c == '\n' || c == '\r') {
                throw error("unclosed string literal", pos);
            }
            if (c == '\\') {
                escape(out);
            } else if (c < 0x20 || c == 0x7F) {
                throw error("illegal control character in string literal", pos);
            } else if (c < 0x80) {
                out.write(c);
                pos++;
            } else if (Character.isSurrogate(c)) {
                if (!validPairAt(pos)) {
                    throw error("malformed UTF-8 encoding", pos);
                }
                encodeUtf8(out, Character.toCodePoint(c, src.charAt(pos + 1)));
                pos += 2;
            } else {
                encodeUtf8(out, c);
                pos++;
            }
        }
    }

    private void escape(ByteArrayOutputStream out) {
        int start = pos;
        pos++;
        if (pos >= limit) {
            throw error("unclosed string literal", pos);
        }
        char c = src.charAt(pos);
        switch (c) {
            case 'n' -> out.write('\n');
            case 'r' -> out.write('\r');
            case 't' -> out.write('\t');
            case '\\' -> out.write('\\');
            case '\'' -> out.write('\'');
            case '"' -> out.write('"');
            case 'u' -> {
                if (!at(pos + 1, '{')) {
                    throw error("illegal escape", start);
                }
                int i = pos + 2;
                long cp = 0;
                boolean digit = false;
                while (i < limit && src.charAt(i) != '}') {
                    char h = src.charAt(i);
                    if (h == '_' && digit && i + 1 < limit && hexValue(src.charAt(i + 1)) >= 0) {
                        i++;
                        continue;
                    }
                    int v = hexValue(h);
                    if (v < 0) {
                        throw error("illegal escape", start);
                    }
                    cp = Math.min(cp * 16 + v, 0x7FFFFFFFL);
                    digit = true;
                    i++;
                }
                if (!digit || i >= limit || cp >= 0x110000 || cp >= 0xD800 && cp < 0xE000) {
                    throw error("illegal escape", start);
                }
                encodeUtf8(out, (int) cp);
                pos = i;
            }
            default -> {
                int hi = hexValue(c);
                int lo = pos + 1 < limit ? hexValue(src.charAt(pos + 1)) : -1;
                if (hi < 0 || lo < 0) {
                    throw error("illegal escape", start);
                }
                out.write(hi * 16 + lo);
                pos++;
            }
        }
        pos++;
    }

    static int hexValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    private static void encodeUtf8(ByteArrayOutputStream out, int cp) {
        if (cp < 0x80) {
            out.write(cp);
        } else if (cp < 0x800) {
            out.write(0xC0 | cp >> 6);
            out.write(0x80 | cp & 0x3F);
        } else if (cp < 0x10000) {
            out.write(0xE0 | cp >> 12);
            out.write(0x80 | cp >> 6 & 0x3F);
            out.write(0x80 | cp & 0x3F);
        } else {
            out.write(0xF0 | cp >> 18);
            out.write(0x80 | cp >> 12 & 0x3F);
            out.write(0x80 | cp >> 6 & 0x3F);
            out.write(0x80 | cp & 0x3F);
        }
    }

    // ---------------------------------------------------------------- numbers

    /** NAT, INT or FLOAT when {@code s} is a number literal (spec 6.3.1, 6.3.2), else null. */
    static Kind numberKind(String s) {
        int i = 0;
        int n = s.length();
        boolean signed = false;
        if (n > 0 && (s.charAt(0) == '+' || s.charAt(0) == '-')) {
            signed = true;
            i = 1;
        }
        if (s.startsWith("inf", i) && n == i + 3 || s.startsWith("nan", i) && n == i + 3) {
            return Kind.FLOAT;
        }
        if (s.startsWith("nan:0x", i)) {
            return scanDigits(s, i + 6, true) == n ? Kind.FLOAT : null;
        }
        boolean hex = s.startsWith("0x", i);
        int j = scanDigits(s, hex ? i + 2 : i, hex);
        if (j < 0) {
            return null;
        }
        if (j == n) {
            return signed ? Kind.INT : Kind.NAT;
        }
        if (s.charAt(j) == '.') {
            j++;
            if (j < n && isDigit(s.charAt(j), hex)) {
                j = scanDigits(s, j, hex);
            }
        }
        if (j < n && (hex ? s.charAt(j) == 'p' || s.charAt(j) == 'P' : s.charAt(j) == 'e' || s.charAt(j) == 'E')) {
            j++;
            if (j < n && (s.charAt(j) == '+' || s.charAt(j) == '-')) {
                j++;
            }
            j = scanDigits(s, j, false);
        }
        return j == n ? Kind.FLOAT : null;
    }

    private static boolean isDigit(char c, boolean hex) {
        return hex ? hexValue(c) >= 0 : c >= '0' && c <= '9';
    }

    /** End of {@code digit ('_'? digit)*} at {@code i}, or -1 when there is no digit there. */
    private static int scanDigits(String s, int i, boolean hex) {
        int n = s.length();
        if (i >= n || !isDigit(s.charAt(i), hex)) {
            return -1;
        }
        i++;
        while (i < n) {
            char c = s.charAt(i);
            if (isDigit(c, hex)) {
                i++;
            } else if (c == '_' && i + 1 < n && isDigit(s.charAt(i + 1), hex)) {
                i += 2;
            } else {
                break;
            }
        }
        return i;
    }

    // ---------------------------------------------------------------- annotations

    /**
     * An annotation {@code (@id ...)} at {@code pos} (spec 6.2 and the annotations proposal): skipped, except
     * that {@code @custom} ones are recorded with their items.
     */
    private void annotation() {
        int start = pos;
        String id = annotationId();
        boolean keep = id.equals("custom");
        List<Annotation.Item> items = annotationBody(start, keep);
        if (keep) {
            customs.add(new Annotation(start, pos, depth, items));
        }
    }

    /** Reads {@code (@id} at {@code pos}, returning the id. */
    private String annotationId() {
        int start = pos;
        pos += 2;
        if (pos < limit && isIdChar(src.charAt(pos))) {
            int s = pos;
            while (pos < limit && isIdChar(src.charAt(pos))) {
                pos++;
            }
            return src.substring(s, pos);
        }
        if (at(pos, '"')) {
            byte[] name;
            try {
                name = string();
            } catch (MalformedException e) {
                throw error("empty annotation id", start);
            }
            if (name.length == 0) {
                throw error("empty annotation id", start);
            }
            return utf8(name, start);
        }
        throw error("empty annotation id", start);
    }

    /** The items of an annotation up to its closing paren, which is consumed. */
    private List<Annotation.Item> annotationBody(int start, boolean keep) {
        List<List<Annotation.Item>> stack = new ArrayList<>();
        List<Integer> groupStarts = new ArrayList<>();
        List<Annotation.Item> current = new ArrayList<>();
        while (true) {
            if (pos >= limit) {
                throw error("unclosed annotation", start);
            }
            char c = src.charAt(pos);
            switch (c) {
                case ' ', '\t', '\n', '\r' -> pos++;
                case ')' -> {
                    pos++;
                    if (stack.isEmpty()) {
                        return current;
                    }
                    List<Annotation.Item> inner = current;
                    current = stack.removeLast();
                    current.add(new Annotation.Parens(groupStarts.removeLast(), List.copyOf(inner)));
                }
                case '(' -> {
                    if (at(pos + 1, ';')) {
                        blockComment();
                    } else if (at(pos + 1, '@') && pos + 2 < limit
                            && (isIdChar(src.charAt(pos + 2)) || src.charAt(pos + 2) == '"')) {
                        int s = pos;
                        annotationId();
                        annotationBody(s, false);
                        current.add(new Annotation.Atom(s, src.substring(s, pos)));
                    } else {
                        stack.add(current);
                        groupStarts.add(pos);
                        current = new ArrayList<>();
                        pos++;
                    }
                }
                case ';' -> {
                    if (at(pos + 1, ';')) {
                        lineComment();
                    } else {
                        current.add(new Annotation.Atom(pos, ";"));
                        pos++;
                    }
                }
                case ',', '[', ']', '{', '}' -> {
                    current.add(new Annotation.Atom(pos, String.valueOf(c)));
                    pos++;
                }
                default -> {
                    if (c == '"' || isIdChar(c)) {
                        Token t = atom();
                        current.add(t.kind() == Kind.STRING
                                ? new Annotation.Str(t.start(), t.bytes())
                                : new Annotation.Atom(t.start(), src.substring(t.start(), t.end())));
                    } else if (Character.isSurrogate(c) && !validPairAt(pos)) {
                        throw error("malformed UTF-8 encoding", pos);
                    } else {
                        throw error("illegal character", pos);
                    }
                }
            }
        }
    }
}
