package dev.wasm4j.text;

import java.util.List;

/**
 * A {@code (@custom ...)} annotation kept by the lexer (every other annotation is skipped like a comment):
 * its character range, the paren depth at which it appeared (to tell module fields from their insides) and
 * its items.
 */
record Annotation(int start, int end, int depth, List<Item> items) {

    /** An item of an annotation's body. */
    sealed interface Item {
        int offset();
    }

    /** A string item, as bytes. */
    record Str(int offset, byte[] bytes) implements Item {
    }

    /** Any other atom (keyword, number, identifier, reserved token, nested annotation), as source text. */
    record Atom(int offset, String text) implements Item {
    }

    /** A parenthesized group of items. */
    record Parens(int offset, List<Item> items) implements Item {
    }
}
