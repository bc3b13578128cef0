package dev.wasm4j.exec.numeric;

/**
 * The {@code v128.*} bitwise instructions (spec 4.3.5, "Vector Operations": {@code inot}, {@code iand},
 * {@code iandnot}, {@code ior}, {@code ixor}, {@code ibitselect}, {@code any_true}), and the stack convention
 * that every vector operator of this package follows.
 *
 * <h2>The operand stack convention</h2>
 * The interpreter keeps its operand stack in a {@code long[] s}; {@code sp} is the index just past the top
 * slot. A {@code v128} takes two consecutive slots, {@code lo} first: {@code lo} holds bytes 0..7 (byte 0 in
 * bits 0..7, so lane 0 of every shape is in the low bits of {@code lo}) and {@code hi} holds bytes 8..15.
 * Scalars take one slot: i32 and f32 (as its bits) as a sign-extended {@code int}, i64 and f64 (as its bits)
 * as a {@code long}.
 *
 * <p>A vector operator reads its operands from the top of the stack and writes its result where its first
 * operand began. It never changes {@code sp}; the caller adjusts it by the difference given here:
 *
 * <table>
 * <caption>Slots read and written, by instruction type</caption>
 * <tr><th>type</th><th>examples</th><th>reads</th><th>writes</th><th>then</th></tr>
 * <tr><td>{@code v128 -> v128}</td><td>{@code not}, {@code abs}, {@code extend_low}, {@code convert}</td>
 *     <td>{@code s[sp-2], s[sp-1]}</td><td>{@code s[sp-2], s[sp-1]}</td><td>—</td></tr>
 * <tr><td>{@code v128 v128 -> v128}</td><td>{@code add}, {@code eq}, {@code narrow}, {@code swizzle},
 *     {@code shuffle}</td><td>a: {@code s[sp-4], s[sp-3]}; b: {@code s[sp-2], s[sp-1]}</td>
 *     <td>{@code s[sp-4], s[sp-3]}</td><td>{@code sp -= 2}</td></tr>
 * <tr><td>{@code v128 v128 v128 -> v128}</td><td>{@code bitselect}, {@code relaxed_madd},
 *     {@code relaxed_laneselect}, {@code relaxed_dot_..._add}</td>
 *     <td>a: {@code s[sp-6], s[sp-5]}; b: {@code s[sp-4], s[sp-3]}; c: {@code s[sp-2], s[sp-1]}</td>
 *     <td>{@code s[sp-6], s[sp-5]}</td><td>{@code sp -= 4}</td></tr>
 * <tr><td>{@code v128 i32 -> v128}</td><td>{@code shl}, {@code shr_s}, {@code shr_u}</td>
 *     <td>v: {@code s[sp-3], s[sp-2]}; count: {@code s[sp-1]}</td><td>{@code s[sp-3], s[sp-2]}</td>
 *     <td>{@code sp -= 1}</td></tr>
 * <tr><td>{@code v128 t -> v128}, lane immediate</td><td>{@code replace_lane}</td>
 *     <td>v: {@code s[sp-3], s[sp-2]}; x: {@code s[sp-1]}</td><td>{@code s[sp-3], s[sp-2]}</td>
 *     <td>{@code sp -= 1}</td></tr>
 * <tr><td>{@code t -> v128}</td><td>{@code splat}</td><td>{@code s[sp-1]}</td>
 *     <td>{@code s[sp-1], s[sp]}</td><td>{@code sp += 1}</td></tr>
 * <tr><td>{@code v128 -> t}, lane immediate</td><td>{@code extract_lane}</td>
 *     <td>{@code s[sp-2], s[sp-1]}</td><td>{@code s[sp-2]}</td><td>{@code sp -= 1}</td></tr>
 * <tr><td>{@code v128 -> i32}</td><td>{@code any_true}, {@code all_true}, {@code bitmask}</td>
 *     <td>{@code s[sp-2], s[sp-1]}</td><td>{@code s[sp-2]}</td><td>{@code sp -= 1}</td></tr>
 * </table>
 *
 * <p>Immediates are extra parameters: a lane index as an {@code int} (already validated to be in range), the
 * 16 lane indices of {@code i8x16.shuffle} as two {@code long}s packed like a v128 (byte {@code i} of the
 * pair is the index for result lane {@code i}, as {@code binary.Immediates.v128Low/v128High} give them).
 *
 * <p>Operators never allocate. Lanewise operators work on each 64-bit half separately (no lane crosses the
 * middle), with SWAR arithmetic where it is short and plainly right and a lane loop otherwise.
 */
public final class V128Ops {
    private V128Ops() {
    }

    /** {@code v128.not}: unary. */
    public static void not(long[] s, int sp) {
        s[sp - 2] = ~s[sp - 2];
        s[sp - 1] = ~s[sp - 1];
    }

    /** {@code v128.and}: binary. */
    public static void and(long[] s, int sp) {
        s[sp - 4] &= s[sp - 2];
        s[sp - 3] &= s[sp - 1];
    }

    /** {@code v128.andnot}: binary, {@code a & ~b}. */
    public static void andnot(long[] s, int sp) {
        s[sp - 4] &= ~s[sp - 2];
        s[sp - 3] &= ~s[sp - 1];
    }

    /** {@code v128.or}: binary. */
    public static void or(long[] s, int sp) {
        s[sp - 4] |= s[sp - 2];
        s[sp - 3] |= s[sp - 1];
    }

    /** {@code v128.xor}: binary. */
    public static void xor(long[] s, int sp) {
        s[sp - 4] ^= s[sp - 2];
        s[sp - 3] ^= s[sp - 1];
    }

    /** {@code v128.bitselect}: ternary, each bit from {@code a} where {@code c} is 1, else from {@code b}. */
    public static void bitselect(long[] s, int sp) {
        long c0 = s[sp - 2];
        long c1 = s[sp - 1];
        s[sp - 6] = (s[sp - 6] & c0) | (s[sp - 4] & ~c0);
        s[sp - 5] = (s[sp - 5] & c1) | (s[sp - 3] & ~c1);
    }

    /** {@code v128.any_true}: {@code v128 -> i32}, 1 if any bit is set. */
    public static void anyTrue(long[] s, int sp) {
        s[sp - 2] = (s[sp - 2] | s[sp - 1]) != 0 ? 1 : 0;
    }
}
