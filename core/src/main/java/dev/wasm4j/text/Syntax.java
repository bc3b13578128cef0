package dev.wasm4j.text;

import dev.wasm4j.text.Token.Kind;

/** Small readers shared by the parsers: unsigned literals used as indices, counts, limits and lanes. */
final class Syntax {

    private Syntax() {
    }

    /** A u32 written as a NAT token (index, count): "i32 constant out of range" when too large. */
    static int u32(Token t) {
        return (int) natural(t, 32, "i32 constant out of range");
    }

    /** A u64 written as a NAT token (limits, offsets): "i64 constant out of range" when too large. */
    static long u64(Token t) {
        return natural(t, 64, "i64 constant out of range");
    }

    /** A u8 written as a NAT token (lane index): "i8 constant out of range" when too large. */
    static int u8(Token t) {
        return (int) natural(t, 8, "i8 constant out of range");
    }

    private static long natural(Token t, int bits, String rule) {
        if (t.kind() != Kind.NAT) {
            throw Cursor.unexpected(t);
        }
        return natural(t.text(), t, bits, rule);
    }

    /** The unsigned value of {@code text} (the digits of token {@code at}), or {@code rule}. */
    static long natural(String text, Token at, int bits, String rule) {
        try {
            return Literals.natural(text, bits);
        } catch (Literals.RangeError e) {
            throw Cursor.error(rule, at);
        }
    }

    /** The next token, which must be a NAT, as a u32. */
    static int u32(Cursor c) {
        return u32(c.next());
    }

    /** The next token, which must be a NAT, as a u64. */
    static long u64(Cursor c) {
        return u64(c.next());
    }

    /** A string token's bytes. */
    static byte[] string(Cursor c) {
        return c.expect(Kind.STRING).bytes();
    }

    /** A string token that must be valid UTF-8 (a name, spec 6.3.4). */
    static byte[] name(Cursor c) {
        Token t = c.expect(Kind.STRING);
        checkUtf8(t.bytes(), t);
        return t.bytes();
    }

    static void checkUtf8(byte[] b, Token at) {
        int i = 0;
        while (i < b.length) {
            int c = b[i] & 0xFF;
            int n;
            int min;
            if (c < 0x80) {
                i++;
                continue;
            } else if (c >= 0xC2 && c <= 0xDF) {
                n = 1;
                min = 0x80;
            } else if (c >= 0xE0 && c <= 0xEF) {
                n = 2;
                min = 0x800;
            } else if (c >= 0xF0 && c <= 0xF4) {
                n = 3;
                min = 0x10000;
            } else {
                throw Cursor.error("malformed UTF-8 encoding", at);
            }
            if (i + n >= b.length) {
                throw Cursor.error("malformed UTF-8 encoding", at);
            }
            int cp = c & (0x3F >> n);
            for (int k = 1; k <= n; k++) {
                int cc = b[i + k] & 0xFF;
                if ((cc & 0xC0) != 0x80) {
                    throw Cursor.error("malformed UTF-8 encoding", at);
                }
                cp = cp << 6 | cc & 0x3F;
            }
            if (cp < min || cp > 0x10FFFF || cp >= 0xD800 && cp < 0xE000) {
                throw Cursor.error("malformed UTF-8 encoding", at);
            }
            i += n + 1;
        }
    }

    /** An optional identifier token. */
    static Token optId(Cursor c) {
        return c.at(Kind.ID) ? c.next() : null;
    }
}
