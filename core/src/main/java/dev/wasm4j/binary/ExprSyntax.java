package dev.wasm4j.binary;

import dev.wasm4j.MalformedException;
import dev.wasm4j.model.Feature;
import dev.wasm4j.model.Opcode;

import java.util.Arrays;

/**
 * The decoder's syntax pass over one instruction sequence (spec 5.4 "Instructions", 5.4.9 "Expressions"):
 * every opcode known and enabled, immediates well formed, {@code block}, {@code loop}, {@code if},
 * {@code try_table} (and the legacy {@code try}) balanced with {@code end}, {@code else} only directly inside
 * an {@code if}, and the sequence closed by its own {@code end}. Typing is left to the validator.
 *
 * <p>Nesting is tracked in an explicit array, never on the Java stack, so depth is bounded only by the
 * input's size.
 *
 * @see <a href="https://webassembly.github.io/spec/core/binary/instructions.html">spec 5.4 Instructions</a>
 */
final class ExprSyntax {
    private static final byte BLOCK = 0;
    private static final byte IF = 1;
    private static final byte ELSE = 2;
    private static final byte TRY = 3;
    private static final byte TRY_CATCH = 4;
    private static final byte TRY_CATCH_ALL = 5;

    private final CodeReader code;
    private final WasmReader in;
    private byte[] frames = new byte[16];
    private boolean usesDataIndex;

    ExprSyntax(WasmReader in) {
        this.in = in;
        this.code = new CodeReader(in);
    }

    /**
     * Whether a sequence checked since the last {@link #resetDataIndexUse()} names a data segment
     * (memory.init, data.drop, array.new_data, array.init_data).
     */
    boolean usesDataIndex() {
        return usesDataIndex;
    }

    void resetDataIndexUse() {
        usesDataIndex = false;
    }

    /**
     * Reads instructions from the reader's position through the {@code end} that closes the sequence; returns
     * the offset just after it.
     */
    int check() {
        int depth = 1;
        frames[0] = BLOCK;
        while (true) {
            if (in.atEnd()) {
                throw in.malformed(WasmReader.UNEXPECTED_END);
            }
            int at = in.pos();
            int b = in.peekU8();
            byte top = frames[depth - 1];
            switch (b) {
                case 0x0B -> {
                    in.u8();
                    if (--depth == 0) {
                        return in.pos();
                    }
                    continue;
                }
                case 0x05 -> {
                    if (top != IF) {
                        throw endExpected(at);
                    }
                    in.u8();
                    frames[depth - 1] = ELSE;
                    continue;
                }
                case 0x07, 0x19, 0x18 -> {
                    // Legacy exception handling: catch, catch_all, delegate end a try's parts.
                    if (in.has(Feature.LEGACY_EXCEPTIONS)) {
                        boolean inTry = top == TRY || top == TRY_CATCH;
                        boolean ok = b == 0x07 ? inTry : b == 0x19 ? inTry : top == TRY;
                        if (!ok) {
                            throw endExpected(at);
                        }
                        code.next();
                        if (b == 0x18) {
                            depth--;
                        } else {
                            frames[depth - 1] = b == 0x07 ? TRY_CATCH : TRY_CATCH_ALL;
                        }
                        continue;
                    }
                }
                default -> { }
            }
            Opcode op = code.next();
            switch (op) {
                case BLOCK, LOOP, TRY_TABLE -> depth = push(depth, BLOCK);
                case IF -> depth = push(depth, IF);
                case TRY -> depth = push(depth, TRY);
                case MEMORY_INIT, DATA_DROP, ARRAY_NEW_DATA, ARRAY_INIT_DATA -> usesDataIndex = true;
                default -> { }
            }
        }
    }

    private int push(int depth, byte kind) {
        if (depth == frames.length) {
            frames = Arrays.copyOf(frames, depth * 2);
        }
        frames[depth] = kind;
        return depth + 1;
    }

    private static MalformedException endExpected(int at) {
        return new MalformedException("END opcode expected", at);
    }
}
