package dev.wasm4j.exec.numeric;

import java.util.ArrayList;
import java.util.List;

/**
 * A test-only S-expression reader for .wast scripts: enough to pick out modules, their exported functions and
 * the assertions about them. It is not a WAT parser: atoms stay text, strings keep their raw (escaped) form.
 */
sealed interface SExpr {
    /** 1-based line of the token that starts this expression. */
    int line();

    record Atom(String text, boolean isString, int line) implements SExpr {
        @Override
        public String toString() {
            return isString ? '"' + text + '"' : text;
        }
    }

    record Lst(List<SExpr> items, int line) implements SExpr {
        SExpr get(int i) {
            return items.get(i);
        }

        int size() {
            return items.size();
        }

        /** The keyword at the head, or "" when the list does not start with a plain atom. */
        String head() {
            return !items.isEmpty() && items.get(0) instanceof Atom a && !a.isString() ? a.text() : "";
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder("(");
            for (int i = 0; i < items.size(); i++) {
                sb.append(i == 0 ? "" : " ").append(items.get(i));
            }
            return sb.append(')').toString();
        }
    }

    /** Reads every top-level expression of a script. */
    static List<SExpr> parseAll(String text) {
        return new Reader(text).readAll();
    }

    final class Reader {
        private final String s;
        private int pos;
        private int line = 1;

        Reader(String s) {
            this.s = s;
        }

        List<SExpr> readAll() {
            List<SExpr> out = new ArrayList<>();
            while (true) {
                skipSpace();
                if (pos >= s.length()) {
                    return out;
                }
                out.add(read());
            }
        }

        private SExpr read() {
            skipSpace();
            int startLine = line;
            char c = s.charAt(pos);
            if (c == '(') {
                pos++;
                List<SExpr> items = new ArrayList<>();
                while (true) {
                    skipSpace();
                    if (pos >= s.length()) {
                        throw new IllegalArgumentException("unclosed list from line " + startLine);
                    }
                    if (s.charAt(pos) == ')') {
                        pos++;
                        return new Lst(items, startLine);
                    }
                    items.add(read());
                }
            }
            if (c == ')') {
                throw new IllegalArgumentException("unexpected ) at line " + line);
            }
            if (c == '"') {
                int start = ++pos;
                while (s.charAt(pos) != '"') {
                    if (s.charAt(pos) == '\\') {
                        pos++;
                    }
                    if (s.charAt(pos) == '\n') {
                        line++;
                    }
                    pos++;
                }
                return new Atom(s.substring(start, pos++), true, startLine);
            }
            int start = pos;
            while (pos < s.length() && !Character.isWhitespace(s.charAt(pos)) && "()\";".indexOf(s.charAt(pos)) < 0) {
                pos++;
            }
            return new Atom(s.substring(start, pos), false, startLine);
        }

        private void skipSpace() {
            while (pos < s.length()) {
                char c = s.charAt(pos);
                if (c == '\n') {
                    line++;
                    pos++;
                } else if (Character.isWhitespace(c)) {
                    pos++;
                } else if (s.startsWith(";;", pos)) {
                    while (pos < s.length() && s.charAt(pos) != '\n') {
                        pos++;
                    }
                } else if (s.startsWith("(;", pos)) {
                    skipBlockComment();
                } else {
                    return;
                }
            }
        }

        private void skipBlockComment() {
            int depth = 0;
            do {
                if (s.startsWith("(;", pos)) {
                    depth++;
                    pos += 2;
                } else if (s.startsWith(";)", pos)) {
                    depth--;
                    pos += 2;
                } else {
                    if (s.charAt(pos) == '\n') {
                        line++;
                    }
                    pos++;
                }
            } while (depth > 0);
        }
    }
}
