package dev.wasm4j.exec.numeric;

import dev.wasm4j.exec.numeric.MiniModule.T;
import dev.wasm4j.exec.numeric.MiniModule.Unsupported;
import dev.wasm4j.exec.numeric.MiniModule.Val;
import dev.wasm4j.exec.numeric.SExpr.Atom;
import dev.wasm4j.exec.numeric.SExpr.Lst;

import java.util.ArrayList;
import java.util.List;

/**
 * Test-only: constants of the script format as values, and the script format's result patterns
 * ({@code nan:canonical}, {@code nan:arithmetic}, per lane for vectors, {@code either}) as matchers.
 */
final class Values {
    private Values() {
    }

    static int laneCount(String shape) {
        return switch (shape) {
            case "i8x16" -> 16;
            case "i16x8" -> 8;
            case "i32x4", "f32x4" -> 4;
            case "i64x2", "f64x2" -> 2;
            default -> throw new Unsupported("shape " + shape);
        };
    }

    /** The value of {@code (kw imm...)}, a const instruction or argument. */
    static Val constant(String kw, List<String> imm) {
        return switch (kw) {
            case "i32.const" -> new Val(T.I32, (int) Literals.integer(imm.get(0), 32), 0);
            case "i64.const" -> new Val(T.I64, Literals.integer(imm.get(0), 64), 0);
            case "f32.const" -> new Val(T.F32, Literals.f32(imm.get(0)), 0);
            case "f64.const" -> new Val(T.F64, Literals.f64(imm.get(0)), 0);
            case "v128.const" -> {
                String shape = imm.get(0);
                int n = laneCount(shape);
                int bits = 128 / n;
                long lo = 0;
                long hi = 0;
                for (int i = 0; i < n; i++) {
                    String t = imm.get(1 + i);
                    long lane = switch (shape) {
                        case "f32x4" -> Literals.f32(t) & 0xFFFF_FFFFL;
                        case "f64x2" -> Literals.f64(t);
                        default -> Literals.integer(t, bits);
                    };
                    int at = i * bits;
                    if (at < 64) {
                        lo |= lane << at;
                    } else {
                        hi |= lane << (at - 64);
                    }
                }
                yield new Val(T.V128, lo, hi);
            }
            default -> throw new Unsupported("argument " + kw);
        };
    }

    /** The value of an argument expression such as {@code (i32.const 1)}. */
    static Val argument(SExpr e) {
        if (!(e instanceof Lst l)) {
            throw new Unsupported("argument " + e);
        }
        return constant(l.head(), atoms(l));
    }

    private static List<String> atoms(Lst l) {
        List<String> out = new ArrayList<>();
        for (int i = 1; i < l.size(); i++) {
            out.add(((Atom) l.get(i)).text());
        }
        return out;
    }

    /** An expected result: one of several alternatives ({@code either}), each a typed pattern. */
    record Expected(List<Pattern> alternatives) {
        boolean matches(Val v) {
            return alternatives.stream().anyMatch(p -> p.matches(v));
        }

        @Override
        public String toString() {
            return alternatives.size() == 1 ? alternatives.get(0).toString() : "either" + alternatives;
        }
    }

    /** {@code (t.const x)} or {@code (v128.const shape x...)}, where a float x may be a NaN pattern. */
    record Pattern(String kw, List<String> imm) {
        boolean matches(Val v) {
            switch (kw) {
                case "i32.const", "i64.const" -> {
                    return v.lo() == constant(kw, imm).lo();
                }
                case "f32.const" -> {
                    return lane32(imm.get(0), (int) v.lo());
                }
                case "f64.const" -> {
                    return lane64(imm.get(0), v.lo());
                }
                case "v128.const" -> {
                    String shape = imm.get(0);
                    if (shape.equals("f32x4")) {
                        for (int i = 0; i < 4; i++) {
                            long half = i < 2 ? v.lo() : v.hi();
                            if (!lane32(imm.get(1 + i), (int) (half >>> (32 * (i & 1))))) {
                                return false;
                            }
                        }
                        return true;
                    }
                    if (shape.equals("f64x2")) {
                        return lane64(imm.get(1), v.lo()) && lane64(imm.get(2), v.hi());
                    }
                    Val want = constant(kw, imm);
                    return want.lo() == v.lo() && want.hi() == v.hi();
                }
                default -> throw new Unsupported("result " + kw);
            }
        }

        private static boolean lane32(String pattern, int bits) {
            return switch (pattern) {
                case "nan:canonical" -> (bits & 0x7FFF_FFFF) == 0x7FC0_0000;
                case "nan:arithmetic" -> (bits & 0x7FC0_0000) == 0x7FC0_0000;
                default -> bits == Literals.f32(pattern);
            };
        }

        private static boolean lane64(String pattern, long bits) {
            return switch (pattern) {
                case "nan:canonical" -> (bits & 0x7FFF_FFFF_FFFF_FFFFL) == 0x7FF8_0000_0000_0000L;
                case "nan:arithmetic" -> (bits & 0x7FF8_0000_0000_0000L) == 0x7FF8_0000_0000_0000L;
                default -> bits == Literals.f64(pattern);
            };
        }

        @Override
        public String toString() {
            return "(" + kw + " " + String.join(" ", imm) + ")";
        }
    }

    static Expected expected(SExpr e) {
        if (!(e instanceof Lst l)) {
            throw new Unsupported("result " + e);
        }
        if (l.head().equals("either")) {
            List<Pattern> alts = new ArrayList<>();
            for (int i = 1; i < l.size(); i++) {
                alts.addAll(expected(l.get(i)).alternatives());
            }
            return new Expected(alts);
        }
        if (!l.head().endsWith(".const")) {
            throw new Unsupported("result " + l.head());
        }
        return new Expected(List.of(new Pattern(l.head(), atoms(l))));
    }

    /** The value as the script format would write it, for failure messages. */
    static String show(Val v) {
        return switch (v.type()) {
            case I32 -> "(i32.const " + (int) v.lo() + ")";
            case I64 -> "(i64.const " + v.lo() + ")";
            case F32 -> "(f32.const " + Float.intBitsToFloat((int) v.lo())
                    + " 0x" + Integer.toHexString((int) v.lo()) + ")";
            case F64 -> "(f64.const " + Double.longBitsToDouble(v.lo()) + " 0x" + Long.toHexString(v.lo()) + ")";
            case V128 -> String.format("(v128 hi=0x%016x lo=0x%016x)", v.hi(), v.lo());
        };
    }
}
