package dev.wasm4j.exec.numeric;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The vector operators: the in-place stack convention of {@link V128Ops} (which slots each kind of
 * instruction reads and writes, and that it leaves the rest alone), and edge cases the spec tests touch
 * lightly or not at all (shuffle across operands, swizzle out of range, saturations, relaxed choices).
 */
class VectorOpsTest {
    private static final long CANARY = 0x5A5A_5A5A_5A5A_5A5AL;

    /** A stack of 10 slots: a canary, then the given slots, then canaries; returns {stack, sp}. */
    private static long[] stack(long... slots) {
        long[] s = new long[10];
        Arrays.fill(s, CANARY);
        System.arraycopy(slots, 0, s, 1, slots.length);
        return s;
    }

    private static int sp(long... slots) {
        return 1 + slots.length;
    }

    /** The v128 whose lanes (lane 0 first) are the given values, in a shape of {@code bits}-bit lanes. */
    private static long[] v(int bits, long... lanes) {
        long[] r = new long[2];
        for (int i = 0; i < lanes.length; i++) {
            int at = i * bits;
            long lane = bits == 64 ? lanes[i] : lanes[i] & ((1L << bits) - 1);
            r[at / 64] |= lane << (at % 64);
        }
        return r;
    }

    private static long[] cat(long[]... parts) {
        return Arrays.stream(parts).flatMapToLong(Arrays::stream).toArray();
    }

    /** Asserts the result slots at 1.., and canaries everywhere from 1 + result length on except below sp. */
    private static void assertStack(long[] s, long[] want, int oldSp) {
        assertArrayEquals(want, Arrays.copyOfRange(s, 1, 1 + want.length), "result slots");
        assertEquals(CANARY, s[0], "slot below the operands");
        for (int i = Math.max(oldSp, 1 + want.length); i < s.length; i++) {
            assertEquals(CANARY, s[i], "slot " + i + " above the stack");
        }
    }

    @Test
    void stackConventionByInstructionType() {
        // binary: a at sp-4, b at sp-2, result at sp-4 (caller pops 2)
        long[] in = cat(v(32, 1, 2, 3, 4), v(32, 10, 20, 30, 40));
        long[] s = stack(in);
        I32x4Ops.add(s, sp(in));
        assertStack(s, v(32, 11, 22, 33, 44), sp(in));

        // unary in place
        in = v(32, 1, -2, 3, -4);
        s = stack(in);
        I32x4Ops.neg(s, sp(in));
        assertStack(s, v(32, -1, 2, -3, 4), sp(in));

        // ternary: result where a was (caller pops 4)
        in = cat(v(64, -1, 0), v(64, 0, -1), v(64, 0x00FF, 0xFF00));
        s = stack(in);
        V128Ops.bitselect(s, sp(in));
        assertStack(s, v(64, 0x00FF, 0xFFFF_FFFF_FFFF_00FFL), sp(in));

        // shift: v at sp-3, count at sp-1 (caller pops 1)
        in = cat(v(16, 1, 2, 3, 4, 5, 6, 7, 0x8000), new long[] {17});
        s = stack(in);
        I16x8Ops.shrS(s, sp(in));
        assertStack(s, v(16, 0, 1, 1, 2, 2, 3, 3, 0xC000), sp(in));

        // replace_lane: v at sp-3, scalar at sp-1
        in = cat(v(8, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15), new long[] {0x1FF});
        s = stack(in);
        I8x16Ops.replaceLane(s, sp(in), 9);
        assertStack(s, v(8, 0, 1, 2, 3, 4, 5, 6, 7, 8, 0xFF, 10, 11, 12, 13, 14, 15), sp(in));

        // splat: scalar at sp-1, result at sp-1 and sp (caller pushes 1)
        s = stack(-2);
        I16x8Ops.splat(s, 2);
        assertArrayEquals(new long[] {CANARY, 0xFFFE_FFFE_FFFE_FFFEL, 0xFFFE_FFFE_FFFE_FFFEL, CANARY}, Arrays.copyOf(s, 4));
        s = stack(0x3FC0_0000);
        F32x4Ops.splat(s, 2);
        assertArrayEquals(new long[] {CANARY, 0x3FC0_0000_3FC0_0000L, 0x3FC0_0000_3FC0_0000L, CANARY}, Arrays.copyOf(s, 4));

        // extract_lane: result at sp-2 (caller pops 1); i32 and f32 results are sign-extended ints
        in = v(32, 1, 2, 3, -4);
        s = stack(in);
        I32x4Ops.extractLane(s, sp(in), 3);
        assertEquals(-4L, s[1]);
        s = stack(in);
        F32x4Ops.extractLane(s, sp(in), 3);
        assertEquals(-4L, s[1]);
        s = stack(in);
        I8x16Ops.extractLaneU(s, sp(in), 12);
        assertEquals(0xFCL, s[1]);
        s = stack(in);
        I16x8Ops.extractLaneS(s, sp(in), 7);
        assertEquals(-1L, s[1]);

        // tests: i32 at sp-2
        s = stack(in);
        I32x4Ops.bitmask(s, sp(in));
        assertEquals(0b1000L, s[1]);
    }

    @Test
    void shuffleAndSwizzle() {
        long[] a = v(8, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
        long[] b = v(8, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31);
        long[] lanes = v(8, 31, 0, 16, 15, 8, 7, 24, 23, 1, 1, 30, 9, 17, 2, 3, 4);
        long[] s = stack(cat(a, b));
        I8x16Ops.shuffle(s, 5, lanes[0], lanes[1]);
        assertStack(s, lanes, 5); // lane i of the concatenation is i

        long[] idx = v(8, 15, 16, 0x80, 0xFF, 0, 1, 14, 17, 8, 7, 9, 6, 255, 3, 2, 1);
        s = stack(cat(a, idx));
        I8x16Ops.swizzle(s, 5);
        assertStack(s, v(8, 15, 0, 0, 0, 0, 1, 14, 0, 8, 7, 9, 6, 0, 3, 2, 1), 5);
        s = stack(cat(a, idx));
        I8x16Ops.relaxedSwizzle(s, 5);
        assertStack(s, v(8, 15, 0, 0, 0, 0, 1, 14, 0, 8, 7, 9, 6, 0, 3, 2, 1), 5);
    }

    @Test
    void testsAndMasks() {
        long[] oneZeroInHi = v(8, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 0, 15, 16);
        long[] s = stack(oneZeroInHi);
        I8x16Ops.allTrue(s, 3);
        assertEquals(0, s[1]);
        s = stack(v(8, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0x80));
        I8x16Ops.allTrue(s, 3);
        assertEquals(1, s[1]);
        s = stack(v(16, 0x100, 1, 1, 1, 1, 1, 1, 1));
        I16x8Ops.allTrue(s, 3);
        assertEquals(1, s[1]);
        s = stack(v(16, 1, 1, 1, 1, 1, 0, 1, 1));
        I16x8Ops.allTrue(s, 3);
        assertEquals(0, s[1]);
        s = stack(v(32, 1, 1, 0, 1));
        I32x4Ops.allTrue(s, 3);
        assertEquals(0, s[1]);
        s = stack(v(64, 1L << 40, 0));
        I64x2Ops.allTrue(s, 3);
        assertEquals(0, s[1]);
        s = stack(v(64, 0, 1L << 63));
        V128Ops.anyTrue(s, 3);
        assertEquals(1, s[1]);

        s = stack(v(8, -1, 0, -128, 127, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1));
        I8x16Ops.bitmask(s, 3);
        assertEquals(0b1000_0000_0000_0101L, s[1]);
        s = stack(v(16, -1, 0, 0, 0, 0, 0, 0x8000, 0x7FFF));
        I16x8Ops.bitmask(s, 3);
        assertEquals(0b0100_0001L, s[1]);
        s = stack(v(64, 1, -1));
        I64x2Ops.bitmask(s, 3);
        assertEquals(0b10L, s[1]);
    }

    @Test
    void narrowingSaturates() {
        long[] s = stack(cat(v(16, 0, 127, 128, -128, -129, 0x7FFF, 0x8000, 255), v(16, 1, 2, 3, 4, 5, 6, 7, 8)));
        I8x16Ops.narrowI16x8S(s, 5);
        assertStack(s, v(8, 0, 127, 127, -128, -128, 127, -128, 127, 1, 2, 3, 4, 5, 6, 7, 8), 5);
        s = stack(cat(v(16, 0, 127, 128, -128, -129, 0x7FFF, 0x8000, 255), v(16, 1, 2, 3, 4, 5, 6, 7, 256)));
        I8x16Ops.narrowI16x8U(s, 5);
        assertStack(s, v(8, 0, 127, 128, 0, 0, 255, 0, 255, 1, 2, 3, 4, 5, 6, 7, 255), 5);
        s = stack(cat(v(32, 65536, -1, 32768, -32769), v(32, 1, 2, 3, 65535)));
        I16x8Ops.narrowI32x4U(s, 5);
        assertStack(s, v(16, 0xFFFF, 0, 32768, 0, 1, 2, 3, 0xFFFF), 5);
        s = stack(cat(v(32, 65536, -1, 32768, -32769), v(32, 1, 2, 3, 65535)));
        I16x8Ops.narrowI32x4S(s, 5);
        assertStack(s, v(16, 0x7FFF, -1, 0x7FFF, -32768, 1, 2, 3, 0x7FFF), 5);
    }

    @ParameterizedTest(name = "i8x16.{0} {1} {2} = {3}")
    @CsvSource({
        "add, 255, 1, 0",
        "sub, 0, 1, 255",
        "add_sat_s, 100, 100, 127",
        "add_sat_s, -100, -100, -128",
        "add_sat_u, 200, 100, 255",
        "sub_sat_s, -100, 100, -128",
        "sub_sat_u, 1, 2, 0",
        "min_s, 255, 1, 255",
        "min_u, 255, 1, 1",
        "max_s, 128, 127, 127",
        "max_u, 128, 127, 128",
        "avgr_u, 255, 255, 255",
        "avgr_u, 0, 1, 1",
        "avgr_u, 2, 5, 4",
    })
    void i8x16Lanewise(String op, int a, int b, int want) {
        for (int lane = 0; lane < 16; lane++) {
            long[] x = new long[16];
            long[] y = new long[16];
            Arrays.fill(x, 3);
            Arrays.fill(y, 4);
            x[lane] = a;
            y[lane] = b;
            long[] s = stack(cat(v(8, x), v(8, y)));
            switch (op) {
                case "add" -> I8x16Ops.add(s, 5);
                case "sub" -> I8x16Ops.sub(s, 5);
                case "add_sat_s" -> I8x16Ops.addSatS(s, 5);
                case "add_sat_u" -> I8x16Ops.addSatU(s, 5);
                case "sub_sat_s" -> I8x16Ops.subSatS(s, 5);
                case "sub_sat_u" -> I8x16Ops.subSatU(s, 5);
                case "min_s" -> I8x16Ops.minS(s, 5);
                case "min_u" -> I8x16Ops.minU(s, 5);
                case "max_s" -> I8x16Ops.maxS(s, 5);
                case "max_u" -> I8x16Ops.maxU(s, 5);
                case "avgr_u" -> I8x16Ops.avgrU(s, 5);
                default -> throw new IllegalArgumentException(op);
            }
            int l = lane;
            assertEquals(want & 0xFF, (s[1 + lane / 8] >>> (8 * (lane % 8))) & 0xFF, () -> "lane " + l);
        }
    }

    @Test
    void shiftsTakeTheCountModuloTheLaneWidth() {
        long[] s = stack(cat(v(8, 0x81, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 0xFF), new long[] {9}));
        I8x16Ops.shl(s, 4);
        assertStack(s, v(8, 2, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 0xFE), 4);
        s = stack(cat(v(8, 0x81, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 0xFF), new long[] {-7}));
        I8x16Ops.shrU(s, 4);
        assertStack(s, v(8, 0x40, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 0x7F), 4);
        s = stack(cat(v(8, 0x81, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 0xFF), new long[] {15}));
        I8x16Ops.shrS(s, 4);
        assertStack(s, v(8, -1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1), 4);
        s = stack(cat(v(32, 1, -1, 2, 0x80000000L), new long[] {33}));
        I32x4Ops.shrS(s, 4);
        assertStack(s, v(32, 0, -1, 1, 0xC0000000L), 4);
        s = stack(cat(v(64, 1, Long.MIN_VALUE), new long[] {65}));
        I64x2Ops.shrU(s, 4);
        assertStack(s, v(64, 0, 1L << 62), 4);
    }

    @Test
    void lanewiseIntegerOddities() {
        long[] s = stack(v(8, -128, 127, -1, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, -127));
        I8x16Ops.abs(s, 3);
        assertStack(s, v(8, -128, 127, 1, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 127), 3);
        s = stack(v(8, 0xFF, 0, 1, 0x80, 0x55, 0x0F, 0xF0, 7, 3, 0xFE, 0x7F, 0x11, 0x22, 0x33, 0x44, 0x99));
        I8x16Ops.popcnt(s, 3);
        assertStack(s, v(8, 8, 0, 1, 1, 4, 4, 4, 3, 2, 7, 7, 2, 2, 4, 2, 4), 3);
        s = stack(cat(v(16, 0x8000, 0x8000, 0x4000, 0x7FFF, -1, 1, 0x100, 3), v(16, 0x8000, 0x7FFF, 0x4000, 0x7FFF, -1, 1, 0x100, 3)));
        I16x8Ops.q15mulrSatS(s, 5);
        assertStack(s, v(16, 0x7FFF, -0x7FFF, 0x2000, 0x7FFE, 0, 0, 2, 0), 5);
        s = stack(cat(v(16, 0x8000, 1, 2, 3, 4, 5, 6, 7), v(16, 0x8000, 1, 2, 3, 4, 5, 6, 7)));
        I16x8Ops.relaxedQ15mulrS(s, 5);
        assertEquals(0x7FFF, s[1] & 0xFFFF);
        s = stack(cat(v(16, 0x8000, 0x8000, 1, 2, 3, 4, 5, 6), v(16, 0x8000, 0x8000, 1, 2, 3, 4, 5, 6)));
        I32x4Ops.dotI16x8S(s, 5);
        assertStack(s, v(32, 0x80000000L, 5, 25, 61), 5);
        s = stack(cat(v(32, -1, 2, 3, 0x80000000L), v(32, -1, 3, 4, 2)));
        I64x2Ops.extmulHighI32x4U(s, 5);
        assertStack(s, v(64, 12, 0x1_0000_0000L), 5);
        s = stack(cat(v(32, -1, 2, 3, 0x80000000L), v(32, -1, 3, 4, 2)));
        I64x2Ops.extmulHighI32x4S(s, 5);
        assertStack(s, v(64, 12, -0x1_0000_0000L), 5);
        s = stack(v(16, 0xFFFF, 0xFFFF, 0x8000, 0x8000, 1, 2, 3, 4));
        I32x4Ops.extaddPairwiseI16x8U(s, 3);
        assertStack(s, v(32, 0x1FFFE, 0x10000, 3, 7), 3);
        s = stack(v(16, 0xFFFF, 0xFFFF, 0x8000, 0x8000, 1, 2, 3, 4));
        I32x4Ops.extaddPairwiseI16x8S(s, 3);
        assertStack(s, v(32, -2, -0x10000, 3, 7), 3);
    }

    @Test
    void relaxedDotProductsUseSignedOperandsAndSaturatingPairs() {
        // -128 * -128 twice is 32768, which saturates to 32767 in the i16 pair sum (spec ivdot_sat)
        long[] a = v(8, -128, -128, 127, 127, -128, 127, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8);
        long[] b = v(8, -128, -128, 127, 127, 127, 127, 0, 0, -1, -2, -3, -4, 5, 6, 7, 8);
        long[] s = stack(cat(a, b));
        I16x8Ops.relaxedDotI8x16I7x16S(s, 5);
        assertStack(s, v(16, 32767, 32258, -127, 0, -5, -25, 61, 113), 5);

        long[] c = v(32, 1, 2, 3, -4);
        s = stack(cat(a, b, c));
        I32x4Ops.relaxedDotI8x16I7x16AddS(s, 7);
        assertStack(s, v(32, 32767 + 32258 + 1, -127 + 2, -5 - 25 + 3, 61 + 113 - 4), 7);
    }

    @Test
    void relaxedMaddIsUnfused() {
        int max = Float.floatToRawIntBits(Float.MAX_VALUE);
        int two = Float.floatToRawIntBits(2f);
        int negMax = max ^ 0x8000_0000;
        long[] s = stack(cat(v(32, max, max, max, max), v(32, two, two, two, two), v(32, negMax, negMax, negMax, negMax)));
        F32x4Ops.relaxedMadd(s, 7);
        int inf = 0x7F80_0000;
        assertStack(s, v(32, inf, inf, inf, inf), 7);

        long dmax = Double.doubleToRawLongBits(Double.MAX_VALUE);
        long dtwo = Double.doubleToRawLongBits(2);
        s = stack(cat(v(64, dmax ^ Long.MIN_VALUE, 0), v(64, dtwo, 0), v(64, dmax, 0)));
        F64x2Ops.relaxedNmadd(s, 7);
        assertStack(s, v(64, 0x7FF0_0000_0000_0000L, 0), 7);
    }

    @Test
    void floatLanesKeepTheirBits() {
        int snan = 0x7FA0_0000;
        int negZero = 0x8000_0000;
        long[] s = stack(cat(v(32, snan, negZero, 0, 0x3F80_0000), v(32, 1, 0, negZero, snan)));
        F32x4Ops.min(s, 5);
        assertStack(s, v(32, 0x7FE0_0000, negZero, negZero, 0x7FE0_0000), 5);
        s = stack(cat(v(32, snan, negZero, 0, 0x3F80_0000), v(32, 1, 0, negZero, snan)));
        F32x4Ops.pmin(s, 5);
        assertStack(s, v(32, snan, negZero, 0, 0x3F80_0000), 5);
        s = stack(v(32, snan, negZero, 0xFFFF_FFFFL, 0x3F80_0000));
        F32x4Ops.neg(s, 3);
        assertStack(s, v(32, snan | negZero, 0, 0x7FFF_FFFF, 0xBF80_0000L), 3);
        s = stack(v(64, 0x7FF4_0000_0000_0000L, 0xFFF0_0000_0000_0001L));
        F32x4Ops.demoteF64x2Zero(s, 3);
        assertStack(s, v(32, 0x7FE0_0000, 0xFFC0_0000L, 0, 0), 3);
        s = stack(v(32, 0x7FA0_0000, 0xFF80_0001L, 7, 7));
        F64x2Ops.promoteLowF32x4(s, 3);
        assertStack(s, v(64, 0x7FFC_0000_0000_0000L, 0xFFF8_0000_2000_0000L), 3);
        s = stack(v(64, Double.doubleToRawLongBits(-1.5), Double.doubleToRawLongBits(5e9)));
        I32x4Ops.truncSatF64x2UZero(s, 3);
        assertStack(s, v(32, 0, -1, 0, 0), 3);
        s = stack(v(32, -1, 0x80000000L, 3, 1));
        F64x2Ops.convertLowI32x4U(s, 3);
        assertStack(s, v(64, Double.doubleToRawLongBits(4294967295.0), Double.doubleToRawLongBits(2147483648.0)), 3);
    }

    @Test
    void everyShapeHasItsLaneAccessors() {
        for (List<Object> c : List.<List<Object>>of(List.of(8, 16), List.of(16, 8), List.of(32, 4), List.of(64, 2))) {
            int bits = (int) c.get(0);
            int n = (int) c.get(1);
            for (int lane = 0; lane < n; lane++) {
                long[] lanes = new long[n];
                long[] s = stack(cat(v(bits, lanes), new long[] {-1}));
                switch (bits) {
                    case 8 -> I8x16Ops.replaceLane(s, 4, lane);
                    case 16 -> I16x8Ops.replaceLane(s, 4, lane);
                    case 32 -> I32x4Ops.replaceLane(s, 4, lane);
                    default -> I64x2Ops.replaceLane(s, 4, lane);
                }
                lanes[lane] = -1;
                assertArrayEquals(v(bits, lanes), Arrays.copyOfRange(s, 1, 3), bits + "-bit lane " + lane);
                switch (bits) {
                    case 8 -> I8x16Ops.extractLaneS(s, 3, lane);
                    case 16 -> I16x8Ops.extractLaneS(s, 3, lane);
                    case 32 -> I32x4Ops.extractLane(s, 3, lane);
                    default -> I64x2Ops.extractLane(s, 3, lane);
                }
                assertEquals(-1L, s[1]);
            }
        }
    }
}
