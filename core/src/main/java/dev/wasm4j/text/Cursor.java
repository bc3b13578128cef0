package dev.wasm4j.text;

import dev.wasm4j.MalformedException;
import dev.wasm4j.model.Opcode;
import dev.wasm4j.text.Token.Kind;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A position in a token list, with the small vocabulary every parser of the text format uses: look ahead,
 * expect, and report errors with the testsuite's words. An unexpected reserved atom or unknown keyword is an
 * "unknown operator"; anything else out of place is an "unexpected token".
 */
final class Cursor {
    private final List<Token> tokens;
    private int pos;

    Cursor(List<Token> tokens, int pos) {
        this.tokens = tokens;
        this.pos = pos;
    }

    int pos() {
        return pos;
    }

    void pos(int p) {
        pos = p;
    }

    Token peek() {
        return tokens.get(pos);
    }

    /** The token {@code k} places ahead (EOF past the end). */
    Token peek(int k) {
        int i = pos + k;
        return i < tokens.size() ? tokens.get(i) : tokens.getLast();
    }

    Token next() {
        Token t = tokens.get(pos);
        if (t.kind() != Kind.EOF) {
            pos++;
        }
        return t;
    }

    boolean at(Kind k) {
        return peek().kind() == k;
    }

    boolean atKeyword(String keyword) {
        return peek().isKeyword(keyword);
    }

    /** Whether the next tokens are {@code (} and {@code keyword}. */
    boolean atClause(String keyword) {
        return peek().kind() == Kind.LPAR && peek(1).isKeyword(keyword);
    }

    /** Consumes {@code (keyword} when it comes next. */
    boolean acceptClause(String keyword) {
        if (atClause(keyword)) {
            pos += 2;
            return true;
        }
        return false;
    }

    boolean acceptKeyword(String keyword) {
        if (atKeyword(keyword)) {
            pos++;
            return true;
        }
        return false;
    }

    Token expect(Kind k) {
        Token t = peek();
        if (t.kind() != k) {
            throw unexpected(t);
        }
        return next();
    }

    void expectLpar() {
        expect(Kind.LPAR);
    }

    void expectRpar() {
        expect(Kind.RPAR);
    }

    void expectKeyword(String keyword) {
        if (!atKeyword(keyword)) {
            throw unexpected(peek());
        }
        pos++;
    }

    /** Skips to just after the paren that closes the group whose {@code (} was already consumed. */
    void skipToClose() {
        int depth = 1;
        while (true) {
            Token t = next();
            switch (t.kind()) {
                case LPAR -> depth++;
                case RPAR -> {
                    if (--depth == 0) {
                        return;
                    }
                }
                case EOF -> throw unexpected(t);
                default -> { }
            }
        }
    }

    static MalformedException error(String rule, Token at) {
        return new MalformedException(rule, at.start());
    }

    /** "unknown operator" for reserved atoms and keywords the text format does not have, else "unexpected token". */
    static MalformedException unexpected(Token t) {
        if (t.kind() == Kind.RESERVED || t.kind() == Kind.KEYWORD && !isKnownKeyword(t.text())) {
            return new MalformedException("unknown operator " + t.text(), t.start());
        }
        return new MalformedException("unexpected token", t.start());
    }

    private static final Set<String> KEYWORDS = new HashSet<>(List.of(
            "i8", "i16", "i32", "i64", "f32", "f64", "v128", "i8x16", "i16x8", "i32x4", "i64x2", "f32x4", "f64x2",
            "any", "anyref", "none", "nullref", "eq", "eqref", "i31", "i31ref", "structref", "arrayref",
            "nofunc", "funcref", "nullfuncref", "exn", "noexn", "exnref", "nullexnref", "extern", "noextern",
            "externref", "nullexternref", "ref", "null", "array", "struct", "field", "mut", "sub", "final", "rec",
            "then", "catch_ref", "catch_all_ref", "do", "type", "tag", "global", "memory", "table", "func",
            "param", "result", "local", "data", "elem", "declare", "offset", "item", "start", "import", "export",
            "module", "binary", "quote", "definition", "instance", "script", "register", "invoke", "get",
            "assert_malformed", "assert_invalid", "assert_malformed_custom", "assert_invalid_custom",
            "assert_unlinkable", "assert_return", "assert_trap", "assert_exception", "assert_exhaustion",
            "nan:canonical", "nan:arithmetic", "either", "input", "output", "ref.extern", "ref.host",
            "ref.struct", "ref.array", "ref.exn", "ref.any", "shared", "unshared", "pagesize", "virtual",
            "no-access", "read-only", "none", "read", "readwrite", "freezable", "freeze", "phase"));

    static {
        for (Opcode op : Opcode.values()) {
            KEYWORDS.add(op.textKeyword());
        }
    }

    static boolean isKnownKeyword(String s) {
        if (s.startsWith("offset=") || s.startsWith("align=")) {
            String n = s.substring(s.indexOf('=') + 1);
            return Lexer.numberKind(n) == Kind.NAT;
        }
        return KEYWORDS.contains(s);
    }
}
