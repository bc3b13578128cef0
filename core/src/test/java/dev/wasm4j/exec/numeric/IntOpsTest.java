package dev.wasm4j.exec.numeric;

import dev.wasm4j.TrapException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.function.IntBinaryOperator;
import java.util.function.LongBinaryOperator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Edge cases of {@link I32Ops} and {@link I64Ops}: traps, MIN_VALUE, shift masking, 128-bit arithmetic. */
class IntOpsTest {
    private static IntBinaryOperator i32(String op) {
        return switch (op) {
            case "div_s" -> I32Ops::divS;
            case "div_u" -> I32Ops::divU;
            case "rem_s" -> I32Ops::remS;
            case "rem_u" -> I32Ops::remU;
            case "shl" -> I32Ops::shl;
            case "shr_s" -> I32Ops::shrS;
            case "shr_u" -> I32Ops::shrU;
            case "rotl" -> I32Ops::rotl;
            case "rotr" -> I32Ops::rotr;
            default -> throw new IllegalArgumentException(op);
        };
    }

    private static LongBinaryOperator i64(String op) {
        return switch (op) {
            case "div_s" -> I64Ops::divS;
            case "div_u" -> I64Ops::divU;
            case "rem_s" -> I64Ops::remS;
            case "rem_u" -> I64Ops::remU;
            case "shl" -> I64Ops::shl;
            case "shr_s" -> I64Ops::shrS;
            case "shr_u" -> I64Ops::shrU;
            case "rotl" -> I64Ops::rotl;
            case "rotr" -> I64Ops::rotr;
            default -> throw new IllegalArgumentException(op);
        };
    }

    @ParameterizedTest(name = "i32.{0} {1} {2} = {3}")
    @CsvSource({
        "div_s, 0x80000000, -1, integer overflow",
        "div_s, 7, 0, integer divide by zero",
        "div_s, -7, 2, -3",
        "div_s, 0x80000000, 2, 0xc0000000",
        "div_u, 0x80000000, -1, 0",
        "div_u, -1, 2, 0x7fffffff",
        "div_u, 1, 0, integer divide by zero",
        "rem_s, 0x80000000, -1, 0",
        "rem_s, -7, 2, -1",
        "rem_s, 7, -2, 1",
        "rem_s, 1, 0, integer divide by zero",
        "rem_u, -1, 10, 5",
        "rem_u, 1, 0, integer divide by zero",
        "shl, 1, 33, 2",
        "shl, 1, -1, 0x80000000",
        "shr_s, 0x80000000, 31, -1",
        "shr_s, 0x80000000, 32, 0x80000000",
        "shr_u, 0x80000000, 63, 1",
        "rotl, 0x80000001, 1, 3",
        "rotl, 0x80000001, 33, 3",
        "rotr, 3, -1, 6",
    })
    void i32(String op, String a, String b, String want) {
        check32(i32(op), (int) Literals.integer(a, 32), (int) Literals.integer(b, 32), want);
    }

    @ParameterizedTest(name = "i64.{0} {1} {2} = {3}")
    @CsvSource({
        "div_s, 0x8000000000000000, -1, integer overflow",
        "div_s, 7, 0, integer divide by zero",
        "div_u, 0x8000000000000000, -1, 0",
        "div_u, -1, 2, 0x7fffffffffffffff",
        "rem_s, 0x8000000000000000, -1, 0",
        "rem_s, -7, 2, -1",
        "rem_u, -1, 10, 5",
        "rem_u, 1, 0, integer divide by zero",
        "shl, 1, 65, 2",
        "shr_s, 0x8000000000000000, 127, -1",
        "shr_u, 0x8000000000000000, -1, 1",
        "rotl, 0x8000000000000001, 65, 3",
        "rotr, 3, 0x8000000000000001, 0x8000000000000001",
    })
    void i64(String op, String a, String b, String want) {
        LongBinaryOperator f = i64(op);
        long x = Literals.integer(a, 64);
        long y = Literals.integer(b, 64);
        if (want.startsWith("integer")) {
            assertEquals(want, assertThrows(TrapException.class, () -> f.applyAsLong(x, y)).trapMessage());
        } else {
            assertEquals(Literals.integer(want, 64), f.applyAsLong(x, y));
        }
    }

    private static void check32(IntBinaryOperator f, int x, int y, String want) {
        if (want.startsWith("integer")) {
            assertEquals(want, assertThrows(TrapException.class, () -> f.applyAsInt(x, y)).trapMessage());
        } else {
            assertEquals((int) Literals.integer(want, 32), f.applyAsInt(x, y));
        }
    }

    @Test
    void countsAndExtensions() {
        assertEquals(32, I32Ops.clz(0));
        assertEquals(32, I32Ops.ctz(0));
        assertEquals(64L, I64Ops.clz(0));
        assertEquals(64L, I64Ops.ctz(0));
        assertEquals(-128, I32Ops.extend8S(0x1280));
        assertEquals(0x7f, I32Ops.extend8S(0xffff_ff7f));
        assertEquals(-32768, I32Ops.extend16S(0x18000));
        assertEquals(-1L, I64Ops.extend32S(0x1_ffff_ffffL));
        assertEquals(1, I32Ops.ltU(1, -1));
        assertEquals(0, I32Ops.ltS(1, -1));
        assertEquals(1, I64Ops.gtU(Long.MIN_VALUE, Long.MAX_VALUE));
    }

    @ParameterizedTest(name = "i64.add128 ({0}, {1}) + ({2}, {3}) = ({4}, {5})")
    @CsvSource({
        "-1, 0, 1, 0, 0, 1",
        "-1, -1, 1, 0, 0, 0",
        "0x8000000000000000, 0x7fffffffffffffff, 0x8000000000000000, 0, 0, 0x8000000000000000",
        "5, 6, 7, 8, 12, 14",
    })
    void add128(String aLo, String aHi, String bLo, String bHi, String lo, String hi) {
        long[] s = {99, v(aLo), v(aHi), v(bLo), v(bHi)};
        I64Ops.add128(s, 5);
        assertArrayEquals(new long[] {99, v(lo), v(hi), v(bLo), v(bHi)}, s);
        assertEquals(v(hi), I64Ops.add128Hi(v(aLo), v(aHi), v(bLo), v(bHi)));
    }

    @ParameterizedTest(name = "i64.sub128 ({0}, {1}) - ({2}, {3}) = ({4}, {5})")
    @CsvSource({
        "0, 1, 1, 0, -1, 0",
        "0, 0, 1, 0, -1, -1",
        "1, 0, -1, -1, 2, 0",
        "12, 14, 7, 8, 5, 6",
    })
    void sub128(String aLo, String aHi, String bLo, String bHi, String lo, String hi) {
        long[] s = {v(aLo), v(aHi), v(bLo), v(bHi)};
        I64Ops.sub128(s, 4);
        assertEquals(v(lo), s[0]);
        assertEquals(v(hi), s[1]);
        assertEquals(v(hi), I64Ops.sub128Hi(v(aLo), v(aHi), v(bLo), v(bHi)));
    }

    @ParameterizedTest(name = "i64.mul_wide {0} * {1} = s ({2}, {3}), u ({4}, {5})")
    @CsvSource({
        "-1, -1, 1, 0, 1, -2",
        "0x8000000000000000, 0x8000000000000000, 0, 0x4000000000000000, 0, 0x4000000000000000",
        "0x8000000000000000, 2, 0, -1, 0, 1",
        "3, 5, 15, 0, 15, 0",
    })
    void mulWide(String a, String b, String sLo, String sHi, String uLo, String uHi) {
        long[] s = {7, v(a), v(b)};
        I64Ops.mulWideS(s, 3);
        assertArrayEquals(new long[] {7, v(sLo), v(sHi)}, s);
        s = new long[] {7, v(a), v(b)};
        I64Ops.mulWideU(s, 3);
        assertArrayEquals(new long[] {7, v(uLo), v(uHi)}, s);
        assertEquals(v(sHi), I64Ops.mulWideSHi(v(a), v(b)));
        assertEquals(v(uHi), I64Ops.mulWideUHi(v(a), v(b)));
    }

    private static long v(String text) {
        return Literals.integer(text, 64);
    }
}
