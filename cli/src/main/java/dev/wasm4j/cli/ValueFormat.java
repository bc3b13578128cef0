package dev.wasm4j.cli;

import dev.wasm4j.Value;
import dev.wasm4j.model.NumType;
import dev.wasm4j.model.ValType;

/** Parses {@code --invoke} arguments by parameter type and prints results the way wasmtime does. */
final class ValueFormat {
    private ValueFormat() {
    }

    static Value parse(String text, ValType type) {
        String s = text.strip().replace("_", "");
        try {
            if (type instanceof NumType n) {
                return switch (n) {
                    case I32 -> Value.i32((int) parseInteger(s, 32));
                    case I64 -> Value.i64(parseInteger(s, 64));
                    case F32 -> Value.f32(Float.parseFloat(s));
                    case F64 -> Value.f64(Double.parseDouble(s));
                };
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("cannot parse \"" + text + "\" as " + type);
        }
        throw new IllegalArgumentException("cannot pass a " + type + " argument on the command line");
    }

    private static long parseInteger(String s, int bits) {
        boolean neg = s.startsWith("-");
        String digits = neg || s.startsWith("+") ? s.substring(1) : s;
        long v = digits.startsWith("0x") || digits.startsWith("0X")
                ? Long.parseUnsignedLong(digits.substring(2), 16) : Long.parseUnsignedLong(digits);
        if (bits == 32 && (neg ? v > 0x8000_0000L : v > 0xFFFF_FFFFL)) {
            throw new NumberFormatException("out of range");
        }
        return neg ? -v : v;
    }

    static String format(Value v) {
        return switch (v) {
            case Value.I32 i -> Integer.toString(i.value());
            case Value.I64 i -> Long.toString(i.value());
            case Value.F32 f -> Float.toString(f.value());
            case Value.F64 f -> Double.toString(f.value());
            case Value.V128 x -> String.format("0x%016x%016x", x.high(), x.low());
            case Value.Ref r -> r.ref() == null ? "null" : "<ref>";
        };
    }
}
