package dev.wasm4j.text;

import dev.wasm4j.MalformedException;

import java.math.BigInteger;

/**
 * Numeric literals of the text format (spec 6.3.1 "Integers", 6.3.2 "Floating-Point"): integers of any
 * width with their signed and unsigned ranges, and floats rounded to nearest-even directly from the exact
 * decimal or hexadecimal value to the target format (never through {@code double}), with {@code inf},
 * {@code nan} and {@code nan:0x...} payloads. The token text is already lexically valid
 * ({@link Lexer#numberKind}); what can still fail is the range, reported as {@link RangeError}.
 */
public final class Literals {

    private Literals() {
    }

    /** A literal outside the range of its type. Internal: callers turn it into a MalformedException. */
    static final class RangeError extends RuntimeException {
        RangeError() {
            super("constant out of range", null, false, false);
        }
    }

    private static final RangeError RANGE = new RangeError();

    /** An i32 literal (signed or unsigned range), or "constant out of range" at {@code offset}. */
    public static int i32(String text, int offset) {
        try {
            return (int) integer(text, 32);
        } catch (RangeError e) {
            throw new MalformedException("constant out of range", offset);
        }
    }

    /** An i64 literal (signed or unsigned range), or "constant out of range" at {@code offset}. */
    public static long i64(String text, int offset) {
        try {
            return integer(text, 64);
        } catch (RangeError e) {
            throw new MalformedException("constant out of range", offset);
        }
    }

    /** The bits of an f32 literal, or "constant out of range" at {@code offset}. */
    public static int f32(String text, int offset) {
        try {
            return (int) floatBits(text, F32);
        } catch (RangeError e) {
            throw new MalformedException("constant out of range", offset);
        }
    }

    /** The bits of an f64 literal, or "constant out of range" at {@code offset}. */
    public static long f64(String text, int offset) {
        try {
            return floatBits(text, F64);
        } catch (RangeError e) {
            throw new MalformedException("constant out of range", offset);
        }
    }

    /** An integer literal of {@code bits} bits (8, 16, 32, 64), sign-extended; or "constant out of range". */
    public static long integer(String text, int bits, int offset) {
        try {
            return integer(text, bits);
        } catch (RangeError e) {
            throw new MalformedException("constant out of range", offset);
        }
    }

    // ---------------------------------------------------------------- integers

    /**
     * An integer literal of {@code bits} bits (8, 16, 32 or 64): unsigned values up to 2^bits-1, negative ones
     * down to -2^(bits-1). Returns the bit pattern sign-extended to a long.
     */
    static long integer(String text, int bits) {
        boolean negative = text.charAt(0) == '-';
        int start = text.charAt(0) == '+' || negative ? 1 : 0;
        long magnitude = magnitude(text, start);
        if (negative) {
            // magnitude <= 2^(bits-1), unsigned
            if (Long.compareUnsigned(magnitude, 1L << (bits - 1)) > 0) {
                throw RANGE;
            }
            magnitude = -magnitude;
        } else if (bits < 64 && Long.compareUnsigned(magnitude, (1L << bits) - 1) > 0) {
            throw RANGE;
        }
        int shift = 64 - bits;
        return magnitude << shift >> shift;
    }

    /** An unsigned literal (no sign) of at most {@code bits} bits, as an unsigned long. */
    static long natural(String text, int bits) {
        char c = text.charAt(0);
        if (c == '+' || c == '-') {
            throw RANGE;
        }
        long v = magnitude(text, 0);
        if (bits < 64 && Long.compareUnsigned(v, (1L << bits) - 1) > 0) {
            throw RANGE;
        }
        return v;
    }

    /** The unsigned 64-bit value of the digits at {@code start} (decimal or 0x-hex, with underscores). */
    private static long magnitude(String text, int start) {
        boolean hex = text.startsWith("0x", start);
        long v = 0;
        int n = text.length();
        for (int i = hex ? start + 2 : start; i < n; i++) {
            char c = text.charAt(i);
            if (c == '_') {
                continue;
            }
            if (hex) {
                int d = Lexer.hexValue(c);
                if (d < 0 || (v >>> 60) != 0) {
                    throw RANGE;
                }
                v = v << 4 | d;
            } else {
                if (c < '0' || c > '9') {
                    throw RANGE;
                }
                int d = c - '0';
                // v * 10 + d must stay below 2^64
                if (Long.compareUnsigned(v, 0x1999_9999_9999_9999L) > 0) {
                    throw RANGE;
                }
                long t = v * 10;
                long r = t + d;
                if (Long.compareUnsigned(r, t) < 0) {
                    throw RANGE;
                }
                v = r;
            }
        }
        return v;
    }

    // ---------------------------------------------------------------- floats

    /** An IEEE 754 binary format: precision (with the implicit bit), exponent range, width. */
    record Format(int precision, int emin, int emax, int width) {
        long signBit() {
            return 1L << (width - 1);
        }

        long expMask() {
            return ((1L << (width - precision)) - 1) << (precision - 1);
        }
    }

    static final Format F32 = new Format(24, -126, 127, 32);
    static final Format F64 = new Format(53, -1022, 1023, 64);

    /** The bits of a float literal in format {@code f} (unsigned in a long for F32). */
    static long floatBits(String text, Format f) {
        boolean negative = text.charAt(0) == '-';
        int i = text.charAt(0) == '+' || negative ? 1 : 0;
        long sign = negative ? f.signBit() : 0;
        String s = text.substring(i);
        if (s.equals("inf")) {
            return sign | f.expMask();
        }
        if (s.equals("nan")) {
            return sign | f.expMask() | 1L << (f.precision() - 2);
        }
        if (s.startsWith("nan:0x")) {
            long payload = magnitude(s, 4);
            if (payload == 0 || Long.compareUnsigned(payload, 1L << (f.precision() - 1)) >= 0) {
                throw RANGE;
            }
            return sign | f.expMask() | payload;
        }
        return sign | (s.startsWith("0x") ? hexFloat(s, f) : decimalFloat(s, f));
    }

    /** Largest exponent magnitude kept exactly; beyond it any non-zero value overflows or underflows. */
    private static final long EXP_LIMIT = 100_000_000L;

    private static long exponent(String s, int i) {
        boolean neg = false;
        if (s.charAt(i) == '+' || s.charAt(i) == '-') {
            neg = s.charAt(i) == '-';
            i++;
        }
        long e = 0;
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '_') {
                e = Math.min(e * 10 + (c - '0'), EXP_LIMIT);
            }
        }
        return neg ? -e : e;
    }

    private static long hexFloat(String s, Format f) {
        StringBuilder digits = new StringBuilder();
        long exp2 = 0;
        boolean fraction = false;
        int n = s.length();
        int i = 2;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c == '_') {
                continue;
            }
            if (c == '.') {
                fraction = true;
            } else if (c == 'p' || c == 'P') {
                exp2 += exponent(s, i + 1);
                break;
            } else {
                digits.append(c);
                if (fraction) {
                    exp2 -= 4;
                }
            }
        }
        BigInteger m = new BigInteger(digits.toString(), 16);
        return round(m, BigInteger.ONE, exp2, f);
    }

    private static long decimalFloat(String s, Format f) {
        StringBuilder digits = new StringBuilder();
        long exp10 = 0;
        boolean fraction = false;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '_') {
                continue;
            }
            if (c == '.') {
                fraction = true;
            } else if (c == 'e' || c == 'E') {
                exp10 += exponent(s, i + 1);
                break;
            } else {
                digits.append(c);
                if (fraction) {
                    exp10--;
                }
            }
        }
        BigInteger d = new BigInteger(digits.toString());
        if (d.signum() == 0) {
            return 0;
        }
        // Decimal magnitude of the value: rule out overflow and underflow before building powers of ten.
        long log10 = d.toString().length() - 1 + exp10;
        if (log10 > 400) {
            throw RANGE;
        }
        if (log10 < -400) {
            return 0;
        }
        if (exp10 >= 0) {
            return round(d.multiply(BigInteger.TEN.pow((int) exp10)), BigInteger.ONE, 0, f);
        }
        return round(d, BigInteger.TEN.pow((int) -exp10), 0, f);
    }

    /**
     * Rounds {@code num / den * 2^exp2} (num, den positive) to nearest-even in format {@code f}: the bits of
     * the positive result; zero on underflow; RangeError when it rounds to infinity.
     */
    static long round(BigInteger num, BigInteger den, long exp2, Format f) {
        if (num.signum() == 0) {
            return 0;
        }
        int p = f.precision();
        // e = floor(log2(num / den)) + exp2
        long k = num.bitLength() - den.bitLength();
        boolean atLeast = k >= 0 ? num.compareTo(den.shiftLeft((int) k)) >= 0
                : num.shiftLeft((int) -k).compareTo(den) >= 0;
        long e = (atLeast ? k : k - 1) + exp2;
        if (e > f.emax()) {
            throw RANGE;
        }
        if (e < f.emin() - p) {
            return 0;
        }
        long ulpExp = Math.max(e, f.emin()) - p + 1;
        long shift = exp2 - ulpExp;
        BigInteger n2 = shift >= 0 ? num.shiftLeft((int) shift) : num;
        BigInteger d2 = shift >= 0 ? den : den.shiftLeft((int) -shift);
        BigInteger[] qr = n2.divideAndRemainder(d2);
        BigInteger q = qr[0];
        int cmp = qr[1].shiftLeft(1).compareTo(d2);
        if (cmp > 0 || cmp == 0 && q.testBit(0)) {
            q = q.add(BigInteger.ONE);
        }
        if (q.signum() == 0) {
            return 0;
        }
        int bl = q.bitLength();
        long lead = ulpExp + bl - 1;
        if (lead > f.emax()) {
            throw RANGE;
        }
        if (lead < f.emin()) {
            return q.longValue(); // subnormal: the quantum is the smallest one, q fits the fraction field
        }
        long frac = (bl > p ? q.shiftRight(bl - p) : q.shiftLeft(p - bl)).longValue() & ((1L << (p - 1)) - 1);
        long biased = lead + f.emax();
        return biased << (p - 1) | frac;
    }
}
