package dev.wasm4j.exec.numeric;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Edge cases of {@link F32Ops} and {@link F64Ops}, written as raw bits or script-format literals: which NaN
 * comes out (wasm4j's deterministic choice), signalling NaNs, signed zeros, ties in {@code nearest}.
 */
class FloatOpsTest {
    private static int f32(String text) {
        return text.startsWith("0x") && text.length() == 10 && !text.contains(".") && !text.contains("p")
                ? Integer.parseUnsignedInt(text.substring(2), 16) : Literals.f32(text);
    }

    private static long f64(String text) {
        return text.startsWith("0x") && text.length() == 18 && !text.contains(".") && !text.contains("p")
                ? Long.parseUnsignedLong(text.substring(2), 16) : Literals.f64(text);
    }

    private static int f32Binary(String op, int a, int b) {
        return switch (op) {
            case "add" -> F32Ops.add(a, b);
            case "sub" -> F32Ops.sub(a, b);
            case "mul" -> F32Ops.mul(a, b);
            case "div" -> F32Ops.div(a, b);
            case "min" -> F32Ops.min(a, b);
            case "max" -> F32Ops.max(a, b);
            case "copysign" -> F32Ops.copysign(a, b);
            case "pmin" -> F32Ops.pmin(a, b);
            case "pmax" -> F32Ops.pmax(a, b);
            default -> throw new IllegalArgumentException(op);
        };
    }

    private static int f32Unary(String op, int a) {
        return switch (op) {
            case "abs" -> F32Ops.abs(a);
            case "neg" -> F32Ops.neg(a);
            case "sqrt" -> F32Ops.sqrt(a);
            case "ceil" -> F32Ops.ceil(a);
            case "floor" -> F32Ops.floor(a);
            case "trunc" -> F32Ops.trunc(a);
            case "nearest" -> F32Ops.nearest(a);
            default -> throw new IllegalArgumentException(op);
        };
    }

    private static long f64Binary(String op, long a, long b) {
        return switch (op) {
            case "add" -> F64Ops.add(a, b);
            case "sub" -> F64Ops.sub(a, b);
            case "mul" -> F64Ops.mul(a, b);
            case "div" -> F64Ops.div(a, b);
            case "min" -> F64Ops.min(a, b);
            case "max" -> F64Ops.max(a, b);
            case "copysign" -> F64Ops.copysign(a, b);
            case "pmin" -> F64Ops.pmin(a, b);
            case "pmax" -> F64Ops.pmax(a, b);
            default -> throw new IllegalArgumentException(op);
        };
    }

    private static long f64Unary(String op, long a) {
        return switch (op) {
            case "abs" -> F64Ops.abs(a);
            case "neg" -> F64Ops.neg(a);
            case "sqrt" -> F64Ops.sqrt(a);
            case "ceil" -> F64Ops.ceil(a);
            case "floor" -> F64Ops.floor(a);
            case "trunc" -> F64Ops.trunc(a);
            case "nearest" -> F64Ops.nearest(a);
            default -> throw new IllegalArgumentException(op);
        };
    }

    @ParameterizedTest(name = "f32.{0} {1} {2} = {3}")
    @CsvSource({
        // NaN results: the first NaN operand, made quiet; the canonical NaN when no operand is a NaN
        "add, 0x7f800001, 1.0, 0x7fc00001",
        "add, 1.0, 0xffa00000, 0xffe00000",
        "add, 0x7fc00001, 0x7fc00002, 0x7fc00001",
        "add, inf, -inf, 0x7fc00000",
        "sub, inf, inf, 0x7fc00000",
        "mul, 0, inf, 0x7fc00000",
        "div, 0, 0, 0x7fc00000",
        "div, -0, 0x7fa00000, 0x7fe00000",
        "min, 0x7fa00000, 1.0, 0x7fe00000",
        "max, 1.0, 0xff800001, 0xffc00001",
        // signed zeros
        "min, 0, -0, -0",
        "min, -0, 0, -0",
        "max, -0, 0, 0",
        "max, 0, -0, 0",
        "min, -inf, 0x1p-149, -inf",
        "add, -0, -0, -0",
        "add, -0, 0, 0",
        "div, 1, -0, -inf",
        // subnormals are kept
        "mul, 0x1p-126, 0.5, 0x1p-127",
        "sub, 0x1p-125, 0x1.fffffcp-126, 0x1p-148",
        // sign operators never touch the payload, even of a signalling NaN
        "copysign, 0x7f800001, -1, 0xff800001",
        "copysign, -1, 0x7fc00000, 1",
        // pmin/pmax return an operand unchanged
        "pmin, 0x7fa00000, 1.0, 0x7fa00000",
        "pmin, 1.0, 0x7fa00000, 1.0",
        "pmax, -0, 0, -0",
        "pmin, 2, 1, 1",
    })
    void f32Binary(String op, String a, String b, String want) {
        assertEquals(f32(want), f32Binary(op, f32(a), f32(b)), () -> Integer.toHexString(f32Binary(op, f32(a), f32(b))));
    }

    @ParameterizedTest(name = "f32.{0} {1} = {2}")
    @CsvSource({
        "abs, 0xff800001, 0x7f800001",
        "neg, 0x7f800001, 0xff800001",
        "sqrt, -0, -0",
        "sqrt, -1, 0x7fc00000",
        "sqrt, 0x7f800002, 0x7fc00002",
        "sqrt, 2, 0x1.6a09e6p0",
        "ceil, -0.5, -0",
        "ceil, 0x1.fffffep22, 8388608",
        "floor, 0.5, 0",
        "floor, -0x1p-149, -1",
        "trunc, -0.9, -0",
        "trunc, 0x1.fffffep22, 8388607",
        "nearest, 0.5, 0",
        "nearest, 1.5, 2",
        "nearest, 2.5, 2",
        "nearest, -0.5, -0",
        "nearest, -1.5, -2",
        "nearest, 0x1.fffffep22, 8388608",
        "nearest, 0x1.000002p23, 0x1.000002p23",
        "nearest, 0x7fa00000, 0x7fe00000",
        "ceil, 0xffa00000, 0xffe00000",
    })
    void f32Unary(String op, String a, String want) {
        assertEquals(f32(want), f32Unary(op, f32(a)), () -> Integer.toHexString(f32Unary(op, f32(a))));
    }

    @ParameterizedTest(name = "f64.{0} {1} {2} = {3}")
    @CsvSource({
        "add, 0x7ff0000000000001, 1.0, 0x7ff8000000000001",
        "add, 1.0, 0xfff4000000000000, 0xfffc000000000000",
        "add, inf, -inf, 0x7ff8000000000000",
        "div, 0, 0, 0x7ff8000000000000",
        "min, 0, -0, -0",
        "max, -0, 0, 0",
        "min, 0x7ff4000000000000, -inf, 0x7ffc000000000000",
        "mul, 0x1p-1022, 0.5, 0x1p-1023",
        "copysign, 0x7ff0000000000001, -0, 0xfff0000000000001",
        "pmax, 0x7ff4000000000000, 1, 0x7ff4000000000000",
        "pmax, -0, 0, -0",
    })
    void f64Binary(String op, String a, String b, String want) {
        assertEquals(f64(want), f64Binary(op, f64(a), f64(b)), () -> Long.toHexString(f64Binary(op, f64(a), f64(b))));
    }

    @ParameterizedTest(name = "f64.{0} {1} = {2}")
    @CsvSource({
        "neg, 0x7ff0000000000001, 0xfff0000000000001",
        "sqrt, -0, -0",
        "sqrt, -1, 0x7ff8000000000000",
        "ceil, -0.5, -0",
        "trunc, -0.5, -0",
        "nearest, 2.5, 2",
        "nearest, -2.5, -2",
        "nearest, 0x1.fffffffffffffp51, 0x1p52",
        "nearest, 0x1.0000000000001p52, 0x1.0000000000001p52",
        "floor, 0xfff4000000000000, 0xfffc000000000000",
    })
    void f64Unary(String op, String a, String want) {
        assertEquals(f64(want), f64Unary(op, f64(a)), () -> Long.toHexString(f64Unary(op, f64(a))));
    }

    @ParameterizedTest(name = "f32 compare {0} {1}")
    @CsvSource({
        "0, -0, 1, 0, 0, 0, 1, 1",
        "nan, nan, 0, 1, 0, 0, 0, 0",
        "0x7f800001, 1, 0, 1, 0, 0, 0, 0",
        "-inf, 0x1p-149, 0, 1, 1, 0, 1, 0",
    })
    void f32Compare(String a, String b, int eq, int ne, int lt, int gt, int le, int ge) {
        int x = f32(a);
        int y = f32(b);
        assertEquals(eq, F32Ops.eq(x, y));
        assertEquals(ne, F32Ops.ne(x, y));
        assertEquals(lt, F32Ops.lt(x, y));
        assertEquals(gt, F32Ops.gt(x, y));
        assertEquals(le, F32Ops.le(x, y));
        assertEquals(ge, F32Ops.ge(x, y));
        long p = Conversions.f64PromoteF32(x);
        long q = Conversions.f64PromoteF32(y);
        assertEquals(eq, F64Ops.eq(p, q));
        assertEquals(ne, F64Ops.ne(p, q));
        assertEquals(lt, F64Ops.lt(p, q));
        assertEquals(gt, F64Ops.gt(p, q));
        assertEquals(le, F64Ops.le(p, q));
        assertEquals(ge, F64Ops.ge(p, q));
    }
}
