package dev.wasm4j.text;

import dev.wasm4j.text.Token.Kind;

import java.util.HashMap;
import java.util.Map;

/**
 * One index space of a module or function (spec 6.6.1 "Indices"): how many entries it has and which
 * identifiers name them. {@code kind} is the word used in messages ("function", "type", "local", ...).
 */
final class IndexSpace {
    private final String kind;
    private final Map<String, Integer> names = new HashMap<>();
    private int count;

    IndexSpace(String kind) {
        this.kind = kind;
    }

    int count() {
        return count;
    }

    /** Adds an entry, named by the identifier token {@code id} (or anonymous when null); returns its index. */
    int bind(Token id) {
        if (id != null) {
            if (names.putIfAbsent(id.text(), count) != null) {
                throw Cursor.error("duplicate " + kind + " $" + id.text(), id);
            }
        }
        return count++;
    }

    /** Adds {@code n} anonymous entries. */
    void bindAnonymous(int n) {
        count += n;
    }

    /** The index of {@code name}, or -1. */
    int lookup(String name) {
        Integer i = names.get(name);
        return i == null ? -1 : i;
    }

    Map<String, Integer> names() {
        return names;
    }

    /** The index written by a NAT or an identifier token. */
    int resolve(Token t) {
        if (t.kind() == Kind.NAT) {
            return Syntax.u32(t);
        }
        if (t.kind() != Kind.ID) {
            throw Cursor.unexpected(t);
        }
        Integer i = names.get(t.text());
        if (i == null) {
            throw Cursor.error("unknown " + kind + " $" + t.text(), t);
        }
        return i;
    }
}
