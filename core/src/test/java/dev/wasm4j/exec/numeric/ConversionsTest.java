package dev.wasm4j.exec.numeric;

import dev.wasm4j.TrapException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Edge cases of {@link Conversions}: the exact limits of every trapping truncation, saturation, correct
 * rounding of int-to-float conversions (the double-rounding traps), and NaN payloads through demote and
 * promote.
 */
class ConversionsTest {
    /** Runs a truncation named like the instruction on a literal; gives the result or the trap message. */
    private static String trunc(String op, String arg) {
        try {
            long r = switch (op) {
                case "i32.trunc_f32_s" -> Conversions.i32TruncF32S(Literals.f32(arg));
                case "i32.trunc_f32_u" -> Integer.toUnsignedLong(Conversions.i32TruncF32U(Literals.f32(arg)));
                case "i32.trunc_f64_s" -> Conversions.i32TruncF64S(Literals.f64(arg));
                case "i32.trunc_f64_u" -> Integer.toUnsignedLong(Conversions.i32TruncF64U(Literals.f64(arg)));
                case "i64.trunc_f32_s" -> Conversions.i64TruncF32S(Literals.f32(arg));
                case "i64.trunc_f64_s" -> Conversions.i64TruncF64S(Literals.f64(arg));
                case "i64.trunc_f32_u" -> Conversions.i64TruncF32U(Literals.f32(arg));
                case "i64.trunc_f64_u" -> Conversions.i64TruncF64U(Literals.f64(arg));
                case "i32.trunc_sat_f32_s" -> Conversions.i32TruncSatF32S(Literals.f32(arg));
                case "i32.trunc_sat_f32_u" -> Integer.toUnsignedLong(Conversions.i32TruncSatF32U(Literals.f32(arg)));
                case "i32.trunc_sat_f64_s" -> Conversions.i32TruncSatF64S(Literals.f64(arg));
                case "i32.trunc_sat_f64_u" -> Integer.toUnsignedLong(Conversions.i32TruncSatF64U(Literals.f64(arg)));
                case "i64.trunc_sat_f32_s" -> Conversions.i64TruncSatF32S(Literals.f32(arg));
                case "i64.trunc_sat_f64_s" -> Conversions.i64TruncSatF64S(Literals.f64(arg));
                case "i64.trunc_sat_f32_u" -> Conversions.i64TruncSatF32U(Literals.f32(arg));
                case "i64.trunc_sat_f64_u" -> Conversions.i64TruncSatF64U(Literals.f64(arg));
                default -> throw new IllegalArgumentException(op);
            };
            return op.startsWith("i64") && op.endsWith("_u") ? Long.toUnsignedString(r) : Long.toString(r);
        } catch (TrapException e) {
            return e.trapMessage();
        }
    }

    @ParameterizedTest(name = "{0} {1} = {2}")
    @CsvSource({
        "i32.trunc_f32_s, 0x1.fffffep30, 2147483520",
        "i32.trunc_f32_s, 0x1p31, integer overflow",
        "i32.trunc_f32_s, -0x1p31, -2147483648",
        "i32.trunc_f32_s, -0x1.000002p31, integer overflow",
        "i32.trunc_f32_s, -0.9, 0",
        "i32.trunc_f32_s, nan, invalid conversion to integer",
        "i32.trunc_f32_s, -nan:0x1, invalid conversion to integer",
        "i32.trunc_f32_s, inf, integer overflow",
        "i32.trunc_f32_u, -0.99999994, 0",
        "i32.trunc_f32_u, -1, integer overflow",
        "i32.trunc_f32_u, 0x1.fffffep31, 4294967040",
        "i32.trunc_f32_u, 0x1p32, integer overflow",
        "i32.trunc_f64_s, 2147483647.9999998, 2147483647",
        "i32.trunc_f64_s, 2147483648, integer overflow",
        "i32.trunc_f64_s, -2147483648.9999995, -2147483648",
        "i32.trunc_f64_s, -2147483649, integer overflow",
        "i32.trunc_f64_u, -0.9999999999999999, 0",
        "i32.trunc_f64_u, -1, integer overflow",
        "i32.trunc_f64_u, 4294967295.9999995, 4294967295",
        "i32.trunc_f64_u, 4294967296, integer overflow",
        "i32.trunc_f64_u, -inf, integer overflow",
        "i64.trunc_f32_s, -0x1p63, -9223372036854775808",
        "i64.trunc_f32_s, 0x1p63, integer overflow",
        "i64.trunc_f32_s, 0x1.fffffep62, 9223371487098961920",
        "i64.trunc_f64_s, -0x1p63, -9223372036854775808",
        "i64.trunc_f64_s, -0x1.0000000000001p63, integer overflow",
        "i64.trunc_f64_s, 0x1.fffffffffffffp62, 9223372036854774784",
        "i64.trunc_f64_s, 0x1p63, integer overflow",
        "i64.trunc_f32_u, 0x1.fffffep63, 18446742974197923840",
        "i64.trunc_f32_u, 0x1p64, integer overflow",
        "i64.trunc_f32_u, 0x1p63, 9223372036854775808",
        "i64.trunc_f64_u, 0x1.fffffffffffffp63, 18446744073709549568",
        "i64.trunc_f64_u, 0x1p64, integer overflow",
        "i64.trunc_f64_u, -0.9, 0",
        "i64.trunc_f64_u, -1, integer overflow",
        "i64.trunc_f64_u, nan:0x4, invalid conversion to integer",
        "i32.trunc_sat_f32_s, nan, 0",
        "i32.trunc_sat_f32_s, -inf, -2147483648",
        "i32.trunc_sat_f32_s, 0x1p31, 2147483647",
        "i32.trunc_sat_f32_u, -5, 0",
        "i32.trunc_sat_f32_u, 0x1p40, 4294967295",
        "i32.trunc_sat_f64_u, 4294967295.5, 4294967295",
        "i32.trunc_sat_f64_u, -nan, 0",
        "i32.trunc_sat_f64_s, -0x1p40, -2147483648",
        "i64.trunc_sat_f32_s, inf, 9223372036854775807",
        "i64.trunc_sat_f64_s, -inf, -9223372036854775808",
        "i64.trunc_sat_f32_u, 0x1p64, 18446744073709551615",
        "i64.trunc_sat_f32_u, 0x1.fffffep63, 18446742974197923840",
        "i64.trunc_sat_f64_u, 0x1.fffffffffffffp63, 18446744073709549568",
        "i64.trunc_sat_f64_u, -1, 0",
        "i64.trunc_sat_f64_u, nan, 0",
    })
    void truncations(String op, String arg, String want) {
        assertEquals(want, trunc(op, arg));
    }

    @ParameterizedTest(name = "{0} {1} = {2}")
    @CsvSource({
        // ties go to even
        "f32.convert_i32_s, 16777217, 16777216",
        "f32.convert_i32_s, 16777219, 16777220",
        "f32.convert_i32_u, 0xffffffff, 0x1p32",
        "f32.convert_i32_u, 0x80000081, 0x1.000002p31",
        // 2^62 + 2^38 + 1 is just above a tie: it must round up (rounding via double would lose the 1)
        "f32.convert_i64_s, 0x4000004000000001, 0x1.000002p62",
        "f32.convert_i64_s, 0x4000004000000000, 0x1p62",
        "f32.convert_i64_u, 0x8000008000000001, 0x1.000002p63",
        "f32.convert_i64_u, 0x8000008000000000, 0x1p63",
        "f32.convert_i64_u, 0x8000018000000000, 0x1.000004p63",
        "f32.convert_i64_u, 0xffffffffffffffff, 0x1p64",
        "f32.convert_i64_u, 0xffffff7fffffffff, 0x1.fffffep63",
        "f32.convert_i64_s, -0x4000004000000001, -0x1.000002p62",
    })
    void toF32(String op, String arg, String want) {
        long a = Literals.integer(arg, 64);
        int r = switch (op) {
            case "f32.convert_i32_s" -> Conversions.f32ConvertI32S((int) a);
            case "f32.convert_i32_u" -> Conversions.f32ConvertI32U((int) a);
            case "f32.convert_i64_s" -> Conversions.f32ConvertI64S(a);
            case "f32.convert_i64_u" -> Conversions.f32ConvertI64U(a);
            default -> throw new IllegalArgumentException(op);
        };
        assertEquals(Literals.f32(want), r, () -> Float.toHexString(Float.intBitsToFloat(r)));
    }

    @ParameterizedTest(name = "{0} {1} = {2}")
    @CsvSource({
        "f64.convert_i64_s, 0x0020000000000001, 0x1p53",
        "f64.convert_i64_s, 0x0020000000000003, 0x1.0000000000002p53",
        "f64.convert_i64_u, 0x8000000000000401, 0x1.0000000000001p63",
        "f64.convert_i64_u, 0x8000000000000400, 0x1p63",
        "f64.convert_i64_u, 0x8000000000000c00, 0x1.0000000000002p63",
        "f64.convert_i64_u, 0xffffffffffffffff, 0x1p64",
        "f64.convert_i64_u, 0xfffffffffffffbff, 0x1.fffffffffffffp63",
        "f64.convert_i32_u, 0xffffffff, 4294967295",
        "f64.convert_i32_s, 0x80000000, -2147483648",
    })
    void toF64(String op, String arg, String want) {
        long a = Literals.integer(arg, 64);
        long r = switch (op) {
            case "f64.convert_i32_s" -> Conversions.f64ConvertI32S((int) a);
            case "f64.convert_i32_u" -> Conversions.f64ConvertI32U((int) a);
            case "f64.convert_i64_s" -> Conversions.f64ConvertI64S(a);
            case "f64.convert_i64_u" -> Conversions.f64ConvertI64U(a);
            default -> throw new IllegalArgumentException(op);
        };
        assertEquals(Literals.f64(want), r, () -> Double.toHexString(Double.longBitsToDouble(r)));
    }

    /** Unsigned 64-bit conversions against an exact reference (BigDecimal rounded half-even), on random bits. */
    @Test
    void unsignedConversionsAreCorrectlyRounded() {
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 200_000; i++) {
            // random values with random runs of zero and one bits, to hit ties and near-ties
            long a = random.nextLong() >>> random.nextInt(64);
            a = random.nextBoolean() ? a : a | (-1L << random.nextInt(64));
            BigDecimal exact = new BigDecimal(new BigInteger(Long.toUnsignedString(a)));
            float wantF = exact.round(new MathContext(24, RoundingMode.HALF_EVEN)).floatValue();
            double wantD = exact.round(new MathContext(53, RoundingMode.HALF_EVEN)).doubleValue();
            assertEquals(Float.floatToRawIntBits(wantF), Conversions.f32ConvertI64U(a), Long.toHexString(a));
            assertEquals(Double.doubleToRawLongBits(wantD), Conversions.f64ConvertI64U(a), Long.toHexString(a));
            if (a >= 0) {
                assertEquals(Float.floatToRawIntBits(wantF), Conversions.f32ConvertI64S(a), Long.toHexString(a));
            }
        }
    }

    @ParameterizedTest(name = "f32.demote_f64 {0} = {1}")
    @CsvSource({
        "0x7ff8000000000000, 0x7fc00000",
        "0xfff8000000000000, 0xffc00000",
        "0x7ff4000000000000, 0x7fe00000",
        "0x7ff0000000000001, 0x7fc00000",
        "0x7fffffffffffffff, 0x7fffffff",
    })
    void demoteNaN(String a, String want) {
        assertEquals(Integer.parseUnsignedInt(want.substring(2), 16),
                Conversions.f32DemoteF64(Long.parseUnsignedLong(a.substring(2), 16)));
    }

    @ParameterizedTest(name = "f32.demote_f64 {0} = {1}")
    @CsvSource({
        "0x1.000001p0, 1",
        "0x1.000003p0, 0x1.000004p0",
        "0x1.ffffffp127, inf",
        "0x1.fffffe7ffffffp127, 0x1.fffffep127",
        "-0x1p-150, -0",
        "0x1.0000000000001p-150, 0x1p-149",
        "0x1.8p-149, 0x1p-148",
        "-0, -0",
        "-inf, -inf",
    })
    void demote(String a, String want) {
        assertEquals(Literals.f32(want), Conversions.f32DemoteF64(Literals.f64(a)));
    }

    @ParameterizedTest(name = "f64.promote_f32 {0} = {1}")
    @CsvSource({
        "0x7fc00000, 0x7ff8000000000000",
        "0xffc00000, 0xfff8000000000000",
        "0x7fa00000, 0x7ffc000000000000",
        "0x7f800001, 0x7ff8000020000000",
        "0x00000001, 0x36a0000000000000",
        "0x80000000, 0x8000000000000000",
    })
    void promote(String a, String want) {
        assertEquals(Long.parseUnsignedLong(want.substring(2), 16),
                Conversions.f64PromoteF32(Integer.parseUnsignedInt(a.substring(2), 16)));
    }

    @Test
    void reinterpretKeepsSignallingNaNs() {
        assertEquals(0x7f80_0001, Conversions.i32ReinterpretF32(0x7f80_0001));
        assertEquals(0x7f80_0001, Conversions.f32ReinterpretI32(0x7f80_0001));
        assertEquals(0x7ff0_0000_0000_0001L, Conversions.f64ReinterpretI64(0x7ff0_0000_0000_0001L));
        assertEquals(0xfff0_0000_0000_0001L, Conversions.i64ReinterpretF64(0xfff0_0000_0000_0001L));
        assertEquals(0xffff_ffffL, Conversions.i64ExtendI32U(-1));
        assertEquals(-1L, Conversions.i64ExtendI32S(-1));
        assertEquals(0x89ab_cdef, Conversions.i32WrapI64(0x0123_4567_89ab_cdefL));
    }

    @Test
    void trapMessagesAreTheSpecTestsuites() {
        assertEquals("invalid conversion to integer",
                assertThrows(TrapException.class, () -> Conversions.i64TruncF64U(0x7ff8_0000_0000_0000L)).trapMessage());
        assertEquals("integer overflow",
                assertThrows(TrapException.class, () -> Conversions.i32TruncF32U(0xff80_0000)).trapMessage());
    }
}
