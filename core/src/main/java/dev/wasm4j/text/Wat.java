package dev.wasm4j.text;

import dev.wasm4j.MalformedException;
import dev.wasm4j.WasmException;

/**
 * The WebAssembly text format assembler: WAT text in, a binary module out (spec chapter 6, assembled with
 * the encodings of chapter 5), so that text modules take the same path through the decoder as binary ones.
 *
 * <p>Errors are {@link MalformedException}s whose rule is the message the spec testsuite expects and whose
 * offset is a character offset in the text. A few limits that the binary format cannot represent (a table
 * or an i32 memory larger than 2^32-1) are reported as {@link dev.wasm4j.InvalidException}, the way the
 * reference interpreter, which validates text directly, reports them.
 *
 * <p>Text that was decoded from bytes that are not valid UTF-8 should carry each invalid byte as a lone
 * surrogate (see {@link Lexer}); such text is rejected with "malformed UTF-8 encoding".
 */
public final class Wat {

    private Wat() {
    }

    /** Assembles a module: either {@code (module $id? field*)} or a bare sequence of module fields. */
    public static byte[] assemble(String text) {
        return assembleMapped(text).bytes();
    }

    /**
     * Assembles the module fields written in {@code text[from, to)}: the inside of a script's
     * {@code (module $id? ...)} after its header. Offsets of errors are offsets in {@code text}.
     * {@code moduleName} (the module's identifier without {@code $}, or null) goes to the name section.
     */
    public static byte[] assembleFields(String text, int from, int to, String moduleName) {
        return guard(() -> {
            Lexer.Result lexed = Lexer.lex(text, from, to);
            Cursor c = new Cursor(lexed.tokens(), 0);
            byte[] bytes = new ModuleParser(c).module(moduleName, lexed.customs(), 0);
            c.expect(Token.Kind.EOF);
            return bytes;
        });
    }

    /**
     * An assembled module with a map back to its text: where the bytes of each instruction begin in the binary
     * and in the text (pairs of offsets, in byte order).
     *
     * @param bytes the binary module
     * @param marks pairs of (byte offset, character offset)
     */
    public record Assembly(byte[] bytes, int[] marks) {
        /**
         * The character offset of the instruction whose bytes contain {@code byteOffset}, or -1 outside
         * every instruction's bytes (headers, types, other sections).
         */
        public int textOffset(long byteOffset) {
            int lo = 0;
            int hi = marks.length / 2 - 1;
            int found = -1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                if (marks[2 * mid] <= byteOffset) {
                    found = mid;
                    lo = mid + 1;
                } else {
                    hi = mid - 1;
                }
            }
            if (found < 0 || byteOffset - marks[2 * found] > 32) {
                return -1;
            }
            return marks[2 * found + 1];
        }
    }

    /** Assembles a module like {@link #assemble} and keeps the map from its bytes back to the text. */
    public static Assembly assembleMapped(String text) {
        int[][] marks = new int[1][];
        byte[] bytes = guard(() -> {
            Lexer.Result lexed = Lexer.lex(text, 0, text.length());
            Cursor c = new Cursor(lexed.tokens(), 0);
            ModuleParser parser = new ModuleParser(c);
            byte[] b;
            if (c.atClause("module")) {
                c.pos(2);
                Token id = Syntax.optId(c);
                b = parser.module(id == null ? null : id.text(), lexed.customs(), 1);
                c.expectRpar();
            } else {
                b = parser.module(null, lexed.customs(), 0);
            }
            c.expect(Token.Kind.EOF);
            marks[0] = parser.marks();
            return b;
        });
        return new Assembly(bytes, marks[0]);
    }

    private interface Task {
        byte[] run();
    }

    /** Runs an assembly; any failure that is not already a WasmException is a bug, reported as malformed. */
    private static byte[] guard(Task task) {
        try {
            return task.run();
        } catch (WasmException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            throw new MalformedException("internal assembler error: " + e, -1);
        }
    }
}
