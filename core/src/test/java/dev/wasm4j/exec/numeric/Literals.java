package dev.wasm4j.exec.numeric;

import java.math.BigInteger;

/**
 * Test-only parsing of the script format's numeric literals (spec 6.3.1 "Numbers" and the script format's
 * NaN patterns): integers in decimal or hex with optional sign and underscores, floats in decimal or hex,
 * {@code inf}, {@code nan}, {@code nan:0x...}. Values are returned as raw bits.
 */
final class Literals {
    private Literals() {
    }

    /** The integer literal modulo 2^bits (signed and unsigned spellings both accepted). */
    static long integer(String text, int bits) {
        String t = text.replace("_", "");
        boolean negative = t.startsWith("-");
        if (negative || t.startsWith("+")) {
            t = t.substring(1);
        }
        BigInteger v = t.startsWith("0x") ? new BigInteger(t.substring(2), 16) : new BigInteger(t);
        if (negative) {
            v = v.negate();
        }
        long raw = v.longValue();
        return bits == 64 ? raw : raw & ((1L << bits) - 1);
    }

    static int f32(String text) {
        String t = text.replace("_", "");
        boolean negative = t.startsWith("-");
        String m = negative || t.startsWith("+") ? t.substring(1) : t;
        int sign = negative ? 0x8000_0000 : 0;
        if (m.equals("inf")) {
            return sign | 0x7F80_0000;
        }
        if (m.equals("nan")) {
            return sign | 0x7FC0_0000;
        }
        if (m.startsWith("nan:0x")) {
            return sign | 0x7F80_0000 | Integer.parseInt(m.substring(6), 16);
        }
        return sign | Float.floatToRawIntBits(Float.parseFloat(javaSyntax(m)));
    }

    static long f64(String text) {
        String t = text.replace("_", "");
        boolean negative = t.startsWith("-");
        String m = negative || t.startsWith("+") ? t.substring(1) : t;
        long sign = negative ? 0x8000_0000_0000_0000L : 0;
        if (m.equals("inf")) {
            return sign | 0x7FF0_0000_0000_0000L;
        }
        if (m.equals("nan")) {
            return sign | 0x7FF8_0000_0000_0000L;
        }
        if (m.startsWith("nan:0x")) {
            return sign | 0x7FF0_0000_0000_0000L | Long.parseLong(m.substring(6), 16);
        }
        return sign | Double.doubleToRawLongBits(Double.parseDouble(javaSyntax(m)));
    }

    /** Java wants a binary exponent on every hex float; the text format makes it optional. */
    private static String javaSyntax(String m) {
        if (m.startsWith("0x") && m.indexOf('p') < 0 && m.indexOf('P') < 0) {
            return m + "p0";
        }
        return m;
    }
}
