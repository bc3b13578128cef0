package dev.wasm4j.binary;

import dev.wasm4j.MalformedException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** LEB128 edge cases (spec 5.2.2): value, or the rule broken, per encoding. */
class WasmReaderTest {

    private static WasmReader reader(String hex) {
        byte[] b = HexFormat.of().parseHex(hex.replace(" ", ""));
        return new WasmReader(b);
    }

    /** Reads {@code hex} as {@code kind}; returns the value in decimal or the rule, and checks all was read. */
    private static String read(String kind, String hex) {
        WasmReader r = reader(hex);
        try {
            String v = switch (kind) {
                case "u32" -> Long.toString(Integer.toUnsignedLong(r.u32()));
                case "u64" -> Long.toUnsignedString(r.u64());
                case "s32" -> Integer.toString(r.s32());
                case "s33" -> Long.toString(r.s33());
                case "s64" -> Long.toString(r.s64());
                case "u8" -> Long.toString(r.unsigned(8));
                case "index" -> Integer.toString(r.index());
                case "len" -> Integer.toString(r.len32());
                default -> throw new IllegalArgumentException(kind);
            };
            return r.atEnd() || kind.equals("len") ? v : v + " (" + r.remaining() + " bytes left)";
        } catch (MalformedException e) {
            return e.rule();
        }
    }

    @ParameterizedTest(name = "{0} {1} = {2}")
    @CsvSource(delimiter = '|', textBlock = """
            u32 | 00             | 0
            u32 | 7f             | 127
            u32 | 8001           | 128
            u32 | 8000           | 0
            u32 | 8080808000     | 0
            u32 | ffffffff0f     | 4294967295
            u32 | ffffffff1f     | integer too large
            u32 | ffffffff7f     | integer too large
            u32 | 808080801f     | integer too large
            u32 | 8080808080     | integer representation too long
            u32 | 808080808000   | integer representation too long
            u32 | ffffffff8f     | integer representation too long
            u32 | 80             | unexpected end of section or function
            u32 | ''             | unexpected end of section or function
            u64 | 00             | 0
            u64 | ffffffffffffffffff01 | 18446744073709551615
            u64 | ffffffffffffffffff02 | integer too large
            u64 | 80808080808080808000 | 0
            u64 | 8080808080808080808000 | integer representation too long
            u64 | 82808080808080808080 | integer representation too long
            s32 | 00             | 0
            s32 | 7f             | -1
            s32 | 3f             | 63
            s32 | 40             | -64
            s32 | c000           | 64
            s32 | 8080808078     | -2147483648
            s32 | ffffffff07     | 2147483647
            s32 | ffffffff7f     | -1
            s32 | 808080800f     | integer too large
            s32 | ffffffff4f     | integer too large
            s32 | 8080808070     | integer too large
            s32 | ffffffff0f     | integer too large
            s32 | 8080808080     | integer representation too long
            s32 | ffffffffff7f   | integer representation too long
            s33 | 40             | -64
            s33 | 808080800f     | 4026531840
            s33 | ffffffff0f     | 4294967295
            s33 | 8080808070     | -4294967296
            s33 | 808080801f     | integer too large
            s33 | 8080808060     | integer too large
            s64 | 7f             | -1
            s64 | 80808080808080808000 | 0
            s64 | ffffffffffffffffff7f | -1
            s64 | ffffffffffffffffff00 | 9223372036854775807
            s64 | 8080808080808080807f | -9223372036854775808
            s64 | 80808080808080808001 | integer too large
            s64 | ffffffffffffffffff3f | integer too large
            s64 | 8080808080808080808000 | integer representation too long
            u8  | ff01           | 255
            u8  | 8002           | integer too large
            u8  | 808000         | integer representation too long
            index | ffffffff07   | 2147483647
            index | 8080808008   | 2147483647
            index | ffffffff0f   | 2147483647
            len | 00             | 0
            len | 03 aabbcc      | 3
            len | 04 aabbcc      | 4
            len | 05 aabbcc      | length out of bounds
            len | ffffffff0f 00  | length out of bounds
            """)
    void leb128(String kind, String hex, String expected) {
        assertEquals(expected, read(kind, hex));
    }

    @ParameterizedTest(name = "name {0} = {1}")
    @CsvSource(delimiter = '|', textBlock = """
            00               | ''
            03 616263        | abc
            02 c3a9          | é
            04 f09f9880      | \uD83D\uDE00
            02 c0 80         | malformed UTF-8 encoding
            03 eda080        | malformed UTF-8 encoding
            04 f4908080      | malformed UTF-8 encoding
            01 80            | malformed UTF-8 encoding
            01 ff            | malformed UTF-8 encoding
            02 e282          | malformed UTF-8 encoding
            06 616263        | length out of bounds
            """)
    void names(String hex, String expected) {
        WasmReader r = reader(hex);
        String got;
        try {
            got = r.name();
        } catch (MalformedException e) {
            got = e.rule();
        }
        assertEquals(expected, got);
    }

    @ParameterizedTest(name = "f32 {0}")
    @CsvSource({"0000c07f, 2143289344", "00000080, -2147483648", "0000803f, 1065353216"})
    void floats(String hex, int bits) {
        assertEquals(bits, reader(hex).f32Bits());
        assertThrows(MalformedException.class, () -> reader(hex.substring(2)).f32Bits());
    }
}
