package dev.wasm4j.text;

import dev.wasm4j.MalformedException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Numeric literals: ranges of integers, correct rounding of floats (no double rounding), NaN payloads. */
class LiteralsTest {

    @ParameterizedTest(name = "i32 {0} = {1}")
    @CsvSource({
            "0, 0x00000000",
            "1_000, 0x000003e8",
            "4294967295, 0xffffffff",
            "+4294967295, 0xffffffff",
            "0xffff_ffff, 0xffffffff",
            "2147483647, 0x7fffffff",
            "2147483648, 0x80000000",
            "-2147483648, 0x80000000",
            "-1, 0xffffffff",
            "-0x8000_0000, 0x80000000",
            "0x0_0000_0000_0000_0001, 0x00000001",
    })
    void i32(String text, String bits) {
        assertEquals(Integer.parseUnsignedInt(bits.substring(2), 16), Literals.i32(text, 0));
    }

    @ParameterizedTest(name = "i32 {0} is out of range")
    @ValueSource(strings = {"4294967296", "0x1_0000_0000", "-2147483649", "-0x8000_0001", "1.0", "0x1p3", "inf",
            "nan", "99999999999999999999999"})
    void i32OutOfRange(String text) {
        MalformedException e = assertThrows(MalformedException.class, () -> Literals.i32(text, 7));
        assertEquals("constant out of range", e.rule());
        assertEquals(7, e.offset());
    }

    @ParameterizedTest(name = "i64 {0} = {1}")
    @CsvSource({
            "18446744073709551615, 0xffffffffffffffff",
            "0xffff_ffff_ffff_ffff, 0xffffffffffffffff",
            "9223372036854775807, 0x7fffffffffffffff",
            "-9223372036854775808, 0x8000000000000000",
            "-1, 0xffffffffffffffff",
    })
    void i64(String text, String bits) {
        assertEquals(Long.parseUnsignedLong(bits.substring(2), 16), Literals.i64(text, 0));
    }

    @ParameterizedTest(name = "i64 {0} is out of range")
    @ValueSource(strings = {"18446744073709551616", "0x1_0000_0000_0000_0000", "-9223372036854775809"})
    void i64OutOfRange(String text) {
        assertThrows(MalformedException.class, () -> Literals.i64(text, 0));
    }

    @ParameterizedTest(name = "i8 lane {0} = {1}")
    @CsvSource({"255, -1", "-128, -128", "127, 127", "0xff, -1", "128, -128"})
    void i8(String text, long value) {
        assertEquals(value, Literals.integer(text, 8, 0));
    }

    @ParameterizedTest(name = "i8 lane {0} is out of range")
    @ValueSource(strings = {"256", "-129", "0x100"})
    void i8OutOfRange(String text) {
        assertThrows(MalformedException.class, () -> Literals.integer(text, 8, 0));
    }

    @ParameterizedTest(name = "f32 {0} = {1}")
    @CsvSource({
            "0, 0x00000000",
            "-0, 0x80000000",
            "+0.0, 0x00000000",
            "1, 0x3f800000",
            "1.5, 0x3fc00000",
            "0.1, 0x3dcccccd",
            "1e10, 0x501502f9",
            "1_000.000_1, 0x447a0002",
            "0x1p0, 0x3f800000",
            "0x1.8p1, 0x40400000",
            "0x1P-1, 0x3f000000",
            "0x1p-149, 0x00000001",
            "0x1p-126, 0x00800000",
            "0x1.fffffcp-127, 0x007fffff",
            // ties to even at the smallest subnormal
            "0x1p-150, 0x00000000",
            "0x1.8p-149, 0x00000002",
            "0x1.0000000000001p-150, 0x00000001",
            // ties to even in the normal range
            "0x1.000001p0, 0x3f800000",
            "0x1.000003p0, 0x3f800002",
            "0x1.0000010000000001p0, 0x3f800001",
            // the largest finite value and values that still round to it
            "0x1.fffffep127, 0x7f7fffff",
            "0x1.fffffe7p127, 0x7f7fffff",
            "0x1.fffffefffffff8000000p127, 0x7f7fffff",
            "0x1.fffffefffffffffffffp127, 0x7f7fffff",
            "3.4028234663852886e38, 0x7f7fffff",
            "340282356779733661637539395458142568447, 0x7f7fffff",
            // decimal ties that rounding through double would get wrong
            "1.00000005960464477539062500000000000001, 0x3f800001",
            "1.000000059604644775390625, 0x3f800000",
            "1.0000001788139343, 0x3f800001",
            // subnormal decimals
            "1e-45, 0x00000001",
            "7e-46, 0x00000000",
            "1e-400, 0x00000000",
            "-1e-400, 0x80000000",
            "inf, 0x7f800000",
            "-inf, 0xff800000",
            "nan, 0x7fc00000",
            "-nan, 0xffc00000",
            "+nan, 0x7fc00000",
            "nan:0x1, 0x7f800001",
            "nan:0x200000, 0x7fa00000",
            "-nan:0x7fffff, 0xffffffff",
            "nan:0x7f_ffff, 0x7fffffff",
    })
    void f32(String text, String bits) {
        assertEquals(Integer.parseUnsignedInt(bits.substring(2), 16), Literals.f32(text, 0), text);
    }

    @ParameterizedTest(name = "f32 {0} is out of range")
    @ValueSource(strings = {"0x1p128", "0x1.ffffffp127", "0x1.ffffff0000000001p127", "1e39",
            "340282356779733661637539395458142568448", "nan:0x0", "nan:0x800000", "nan:0xffffffffffffffffff",
            "0x1p1000000000000000000000"})
    void f32OutOfRange(String text) {
        MalformedException e = assertThrows(MalformedException.class, () -> Literals.f32(text, 0));
        assertEquals("constant out of range", e.rule());
    }

    @ParameterizedTest(name = "f64 {0} = {1}")
    @CsvSource({
            "0, 0x0000000000000000",
            "-0.0, 0x8000000000000000",
            "1, 0x3ff0000000000000",
            "0.1, 0x3fb999999999999a",
            "0x1p-1074, 0x0000000000000001",
            "0x1p-1075, 0x0000000000000000",
            "0x1.8p-1074, 0x0000000000000002",
            "0x1p-1022, 0x0010000000000000",
            "0x1.fffffffffffffp1023, 0x7fefffffffffffff",
            "0x1.fffffffffffff7ffffffp1023, 0x7fefffffffffffff",
            "1.7976931348623157e308, 0x7fefffffffffffff",
            "0x1.00000000000008p0, 0x3ff0000000000000",
            "0x1.00000000000018p0, 0x3ff0000000000002",
            "4.9406564584124654e-324, 0x0000000000000001",
            "2.4703282292062327e-324, 0x0000000000000000",
            "2.4703282292062328e-324, 0x0000000000000001",
            "1e-400, 0x0000000000000000",
            "1_2.3_4e0_1, 0x405ed9999999999a",
            "inf, 0x7ff0000000000000",
            "-inf, 0xfff0000000000000",
            "nan, 0x7ff8000000000000",
            "-nan, 0xfff8000000000000",
            "nan:0x1, 0x7ff0000000000001",
            "nan:0x4000000000000, 0x7ff4000000000000",
            "nan:0xfffffffffffff, 0x7fffffffffffffff",
    })
    void f64(String text, String bits) {
        assertEquals(Long.parseUnsignedLong(bits.substring(2), 16), Literals.f64(text, 0), text);
    }

    @ParameterizedTest(name = "f64 {0} is out of range")
    @ValueSource(strings = {"0x1p1024", "0x1.fffffffffffff8p1023", "1e309", "1.7976931348623159e308",
            "nan:0x10000000000000", "nan:0x0"})
    void f64OutOfRange(String text) {
        assertThrows(MalformedException.class, () -> Literals.f64(text, 0));
    }
}
