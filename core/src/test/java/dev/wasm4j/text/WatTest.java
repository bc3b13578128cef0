package dev.wasm4j.text;

import dev.wasm4j.InvalidException;
import dev.wasm4j.MalformedException;
import dev.wasm4j.WasmException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** The assembler on small modules whose encodings are checked byte for byte. */
class WatTest {

    private static final HexFormat HEX = HexFormat.of();

    /** Sections of a module in order: id (custom sections as "0:name") to hex content. */
    static Map<String, String> sections(byte[] b) {
        Map<String, String> out = new LinkedHashMap<>();
        int p = 8;
        while (p < b.length) {
            int id = b[p++];
            long[] size = leb(b, p);
            p = (int) size[1];
            int end = p + (int) size[0];
            String key = Integer.toString(id);
            int q = p;
            if (id == 0) {
                long[] len = leb(b, p);
                q = (int) len[1] + (int) len[0];
                key = "0:" + new String(b, (int) len[1], (int) len[0]);
            }
            while (out.containsKey(key)) {
                key += "'";
            }
            out.put(key, HEX.formatHex(b, q, end));
            p = end;
        }
        return out;
    }

    private static long[] leb(byte[] b, int p) {
        long v = 0;
        int shift = 0;
        while (true) {
            int x = b[p++] & 0xFF;
            v |= (long) (x & 0x7F) << shift;
            shift += 7;
            if ((x & 0x80) == 0) {
                return new long[] {v, p};
            }
        }
    }

    /** The code section's first function body (locals and instructions), as hex. */
    static String body(String text) {
        String code = sections(Wat.assemble(text)).get("10");
        // count, body size, body
        int size = Integer.parseInt(code.substring(2, 4), 16);
        return code.substring(4, 4 + 2 * size);
    }

    private static MalformedException malformed(String text) {
        return assertThrows(MalformedException.class, () -> Wat.assemble(text));
    }

    @Test
    void emptyModule() {
        assertEquals("0061736d01000000", HEX.formatHex(Wat.assemble("(module)")));
        assertEquals("0061736d01000000", HEX.formatHex(Wat.assemble("")));
        assertEquals("0061736d01000000", HEX.formatHex(Wat.assemble(" ;; comment\n (; block (; nested ;) ;) ")));
    }

    @Test
    void wrappedAndBareFieldsAreTheSame() {
        byte[] bare = Wat.assemble("(func (export \"f\") (result i32) (i32.const 42))");
        byte[] wrapped = Wat.assemble("(module (func (export \"f\") (result i32) i32.const 42))");
        assertArrayEquals(bare, wrapped);
        assertEquals("0061736d01000000" + "0105016000017f", HEX.formatHex(bare, 0, 15));
    }

    @Test
    void functionSectionsAndExports() {
        Map<String, String> s = sections(Wat.assemble("(func $f (export \"f\") (param i32) (result i32) local.get 0)"));
        assertEquals("0160017f017f", s.get("1"));
        assertEquals("0100", s.get("3"));
        assertEquals("0101660000", s.get("7"));
        assertEquals("01" + "04" + "00" + "2000" + "0b", s.get("10"));
        assertTrue(s.containsKey("0:name"));
    }

    @Test
    void inlineTypesAreAppendedAfterExplicitOnes() {
        Map<String, String> s = sections(Wat.assemble(
                "(func (param i32)) (type $v (func)) (func (type $v)) (func (param i32)) (func (result i64))"));
        // explicit (func) is type 0; (param i32) appended as 1; (result i64) as 2
        assertEquals("03600000" + "60017f00" + "6000017e", s.get("1"));
        assertEquals("0401000102", s.get("3"));
    }

    @Test
    void inlineTypeReusesOnlySingletonFinalTypes() {
        Map<String, String> s = sections(Wat.assemble(
                "(rec (type (func)) (type (func (param i32)))) (type (sub (func))) (type (func)) (func)"));
        // types: rec{0,1}, 2 = non-final sub, 3 = plain (func): the function uses 3
        assertEquals("03" + "4e02600000" + "60017f00" + "5000600000" + "600000", s.get("1"));
        assertEquals("0103", s.get("3"));
    }

    @Test
    void explicitTypeUseMustMatchInlineSignature() {
        assertEquals("inline function type does not match explicit type",
                malformed("(type $t (func (param i32))) (func (type $t) (param i64))").rule());
        assertTrue(malformed("(func (type 3) (param i32))").rule().startsWith("unknown type"));
        Wat.assemble("(type $t (func (param i32))) (func (type $t) (param $x i32) (local.get $x))");
    }

    @Test
    void localsAndParamNames() {
        String b = body("(func (param $a i32) (param i64) (local $x f32) (local f64 f64) "
                + "local.get $a local.get 1 local.get $x local.get 4 drop drop drop drop)");
        assertEquals("02017d027c" + "2000" + "2001" + "2002" + "2004" + "1a1a1a1a0b", b);
        b = body("(type $t (func (param i32 i32))) (func (type $t) (local $x i32) (local.get $x) drop)");
        assertEquals("01017f" + "2002" + "1a0b", b);
        assertTrue(malformed("(func (param $a i32) (local $a i32))").rule().startsWith("duplicate local"));
        assertTrue(malformed("(func (local.get $nope))").rule().startsWith("unknown local"));
    }

    @Test
    void foldedAndFlatInstructionsEncodeTheSame() {
        String folded = body("(func (result i32) (i32.add (i32.const 1) (i32.mul (i32.const 2) (i32.const 3))))");
        String flat = body("(func (result i32) i32.const 1 i32.const 2 i32.const 3 i32.mul i32.add)");
        assertEquals(flat, folded);
        assertEquals("00" + "4101" + "4102" + "4103" + "6c" + "6a" + "0b", flat);
    }

    @Test
    void blocksLabelsAndBlockTypes() {
        assertEquals("00" + "02400c000b" + "037f41000b" + "1a0b",
                body("(func block $a br $a end $a loop $b (result i32) i32.const 0 end drop)"));
        assertEquals("00" + "0240" + "0240" + "0c01" + "0c00" + "0b" + "0b" + "0b",
                body("(func (block $out (block $in (br $out) (br $in))))"));
        // shadowing: the innermost $l wins
        assertEquals("00" + "0240" + "0240" + "0c00" + "0b" + "0b" + "0b",
                body("(func (block $l (block $l (br $l))))"));
        // multi-value block type becomes an (appended) type index
        Map<String, String> s = sections(Wat.assemble("(func (block (param) (result i32 i32) unreachable) drop drop)"));
        assertEquals("02" + "600000" + "6000027f7f", s.get("1"));
        assertEquals("mismatching label", malformed("(func block $a end $b)").rule());
        assertEquals("mismatching label", malformed("(func block end $b)").rule());
        assertTrue(malformed("(func (br $nowhere))").rule().startsWith("unknown label"));
    }

    @Test
    void ifThenElse() {
        String flat = body("(func (param i32) local.get 0 if $l (result i32) i32.const 1 else $l i32.const 2 end $l drop)");
        String folded = body("(func (param i32) (drop (if $l (result i32) (local.get 0) (then (i32.const 1)) "
                + "(else (i32.const 2)))))");
        assertEquals(flat, folded);
        assertEquals("00" + "2000" + "047f" + "4101" + "05" + "4102" + "0b" + "1a0b", flat);
        // the condition is outside the if's label scope
        assertEquals("00" + "0240" + "0d00" + "0440" + "0b" + "0b" + "0b",
                body("(func (block $l (if $l (br_if $l) (then))))"));
    }

    @Test
    void tryTableAndLegacyTry() {
        assertEquals("00" + "0240" + "1f40" + "02" + "000000" + "0200" + "0b" + "0b" + "0b",
                body("(tag $e) (func (block $h (try_table (catch $e $h) (catch_all $h))))"));
        assertEquals("00" + "0640" + "01" + "0700" + "01" + "19" + "0b" + "0b",
                body("(tag $e) (func try nop catch $e nop catch_all end)"));
        assertEquals("00" + "0640" + "01" + "0700" + "0b" + "0b",
                body("(tag $e) (func (try (do nop) (catch $e)))"));
        assertEquals("00" + "0240" + "0640" + "08" + "00" + "1800" + "0b" + "0b",
                body("(tag $e) (func (block $l (try (do (throw $e)) (delegate $l))))"));
        assertEquals("unexpected token", malformed("(tag $e) (func (try (do) (catch $e) (delegate 0)))").rule());
    }

    @Test
    void memoryAccessAndMultiMemory() {
        assertEquals("00" + "4100" + "280204" + "1a" + "4100" + "2d400110" + "1a" + "0b",
                body("(memory 1) (memory $m 1) (func (drop (i32.load offset=4 (i32.const 0))) "
                        + "(drop (i32.load8_u $m offset=0x10 align=1 (i32.const 0))))"));
        assertEquals("00" + "4100" + "4100" + "4100" + "fc0a0100" + "0b",
                body("(memory $a 1) (memory $b 1) (func (memory.copy $b $a (i32.const 0) (i32.const 0) (i32.const 0)))"));
        assertEquals("alignment must be a power of two", malformed("(memory 1) (func (i32.load align=3 (i32.const 0)) drop)").rule());
        assertEquals("i64 constant out of range",
                malformed("(memory 1) (func (i32.load offset=18446744073709551616 (i32.const 0)) drop)").rule());
    }

    @Test
    void simd() {
        assertEquals("00" + "fd0c" + "01000000" + "02000000" + "03000000" + "04000000" + "1a0b",
                body("(func (drop (v128.const i32x4 1 2 3 4)))"));
        assertEquals("00" + "fd0c" + "0000803f" + "0000c0ff" + "00000000" + "00000080" + "1a0b",
                body("(func (drop (v128.const f32x4 1 -nan 0 -0)))"));
        assertEquals("00" + "fd0c" + "ff" + "80" + "7f" + "00".repeat(13) + "1a0b",
                body("(func (drop (v128.const i8x16 -1 128 127 0 0 0 0 0 0 0 0 0 0 0 0 0)))"));
        assertEquals("00" + "fd0c" + "0000000000000000" + "000000000000f03f" + "fd0c" + "00".repeat(16)
                        + "fd0d" + "000102030405060708090a0b0c0d0e1f" + "fd1f03" + "1a0b",
                body("(func (drop (f32x4.extract_lane 3 (i8x16.shuffle 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 31 "
                        + "(v128.const f64x2 0 1) (v128.const i64x2 0 0)))))"));
        assertEquals("00" + "4100" + "fd0c" + "00".repeat(16) + "fd5400" + "00" + "05" + "1a"
                        + "4100" + "fd0c" + "00".repeat(16) + "fd544001" + "02" + "07" + "1a0b",
                body("(memory 1) (memory 1) (func (drop (v128.load8_lane 5 (i32.const 0) (v128.const i64x2 0 0))) "
                        + "(drop (v128.load8_lane 1 offset=2 7 (i32.const 0) (v128.const i64x2 0 0))))"));
        assertEquals("wrong number of lane literals", malformed("(func (v128.const i32x4 1 2 3) drop)").rule());
        assertEquals("invalid lane length", malformed("(func (i8x16.shuffle 1 2 3) drop)").rule());
        assertEquals("i8 constant out of range", malformed("(func (i8x16.extract_lane_s 256 (v128.const i64x2 0 0)) drop)").rule());
    }

    @Test
    void referencesAndGc() {
        Map<String, String> s = sections(Wat.assemble(
                "(type $s (struct (field $x i32) (field $y (mut i64)))) (type $a (array (mut i8)))"
                        + "(func (param (ref null $s)) (result i64) (struct.get $s $y (local.get 0)))"
                        + "(func (param anyref) (result i32) (ref.test (ref $s) (local.get 0)))"
                        + "(func (param anyref) (drop (ref.cast (ref null $a) (local.get 0))))"));
        assertEquals("05" + "5f027f007e01" + "5e7801" + "6001630001" + "7e" + "60016e017f" + "60016e00", s.get("1"));
        String code = s.get("10");
        assertTrue(code.contains("2000fb020001"), code);
        assertTrue(code.contains("2000fb1400"), code);
        assertTrue(code.contains("2000fb17011a"), code);
        assertEquals("00" + "026e" + "2000" + "fb1803" + "00" + "6e" + "00" + "1a" + "0b" + "0b",
                body("(type $s (struct)) (func (param anyref) (block $l (result anyref) "
                        + "(drop (br_on_cast $l anyref (ref null $s) (local.get 0)))))"));
        assertTrue(malformed("(type $s (struct (field $x i32))) (func (param (ref $s)) "
                + "(drop (struct.get $s $z (local.get 0))))").rule().startsWith("unknown field"));
    }

    @Test
    void elementSegments() {
        Map<String, String> s = sections(Wat.assemble("(table $t 2 funcref) (table $u 1 externref) (func $f)"
                + "(elem (i32.const 0) $f)"
                + "(elem (table $t) (offset (i32.const 1)) func $f)"
                + "(elem func $f)"
                + "(elem declare func $f)"
                + "(elem (table $u) (i32.const 0) externref (ref.null extern))"
                + "(elem funcref (item ref.func $f) (ref.null func))"));
        assertEquals("06"
                + "00" + "41000b" + "0100"
                + "00" + "41010b" + "0100"
                + "01" + "00" + "0100"
                + "03" + "00" + "0100"
                + "06" + "01" + "41000b" + "6f" + "01" + "d06f0b"
                + "05" + "70" + "02" + "d2000b" + "d0700b", s.get("9"));
        // an inline segment keeps the table's element type
        s = sections(Wat.assemble("(func $f) (table $t (ref null func) (elem $f $f))"));
        assertEquals("01" + "70" + "01" + "0202", s.get("4"));
        assertEquals("01" + "04" + "41000b" + "02" + "d2000b" + "d2000b", s.get("9"));
        s = sections(Wat.assemble("(func $f) (table $t funcref (elem func $f)) (table (ref null func) (elem funcref (ref.null func)))"));
        assertEquals("02" + "700101" + "01" + "700101" + "01", s.get("4"));
        assertEquals("02" + "06" + "00" + "41000b" + "6470" + "01" + "d2000b" + "06" + "01" + "41000b" + "70" + "01" + "d0700b",
                s.get("9"));
    }

    @Test
    void dataSegmentsAndDataCount() {
        Map<String, String> s = sections(Wat.assemble("(memory $m 1) (memory $n i64 1) (data $d \"ab\" \"c\")"
                + "(data (i32.const 8) \"x\") (data (memory $n) (i64.const 0)) (func (data.drop $d))"));
        assertEquals("03" + "01" + "03616263" + "00" + "41080b" + "0178" + "02" + "01" + "42000b" + "00", s.get("11"));
        assertEquals("03", s.get("12"));
        s = sections(Wat.assemble("(memory i64 (data \"hello\"))"));
        assertEquals("01" + "05" + "0101", s.get("5"));
        assertEquals("01" + "00" + "42000b" + "0568656c6c6f", s.get("11"));
        assertFalse(s.containsKey("12"));
        s = sections(Wat.assemble("(memory (pagesize 1) (data \"xyz\"))"));
        assertEquals("01" + "09" + "0303" + "00", s.get("5"));
    }

    @Test
    void memoryTypes() {
        Map<String, String> s = sections(Wat.assemble("(memory (import \"a\" \"b\") 0 (pagesize 65536))"
                + "(memory 1) (memory 1 2 shared) (memory i64 0x1_0000_0000_0000)"
                + "(memory $m i64 virtual 1 10 shared (pagesize 4096) (no-access 1) (read-only 2))"));
        assertEquals("01" + "0161" + "0162" + "02" + "00" + "00", s.get("2"));
        assertEquals("04" + "0001" + "030102" + "04808080808080" + "40" + "3f010a0c0102", s.get("5"));
        assertEquals("invalid custom page size", malformed("(memory 1 (pagesize 3))").rule());
        InvalidException e = assertThrows(InvalidException.class, () -> Wat.assemble("(memory 0x1_0000_0000)"));
        assertTrue(e.rule().startsWith("memory size must be at most"));
        assertThrows(InvalidException.class, () -> Wat.assemble("(table 0x1_0000_0000 funcref)"));
    }

    @Test
    void memoryControlInstructions() {
        assertEquals("00" + "4100" + "4100" + "fc1200"
                        + "4100" + "4100" + "fc200102" + "1a"
                        + "4100" + "4100" + "fc2101"
                        + "4100" + "4100" + "fc220000" + "0b",
                body("(memory 1) (memory $m 1) (func (memory.discard (i32.const 0) (i32.const 0)) "
                        + "(drop (memory.map $m readwrite (i32.const 0) (i32.const 0))) "
                        + "(memory.unmap $m (i32.const 0) (i32.const 0)) "
                        + "(memory.protect none (i32.const 0) (i32.const 0)))"));
        assertTrue(malformed("(memory 1) (func (memory.protect all (i32.const 0) (i32.const 0)))").rule()
                .startsWith("unknown operator"));
    }

    @Test
    void wideArithmeticAndAtomics() {
        assertEquals("00" + "4200".repeat(4) + "fc13" + "1a1a0b",
                body("(func (drop (drop (i64.add128 (i64.const 0) (i64.const 0) (i64.const 0) (i64.const 0)))))"));
        assertEquals("00" + "4100" + "fe100200" + "1a" + "fe0300" + "0b",
                body("(memory 1 1 shared) (func (drop (i32.atomic.load (i32.const 0))) atomic.fence)"));
    }

    @Test
    void selectAndCallIndirect() {
        assertEquals("00" + "4101" + "4102" + "4100" + "1b" + "1a"
                        + "4101" + "4102" + "4100" + "1c017f" + "1a0b",
                body("(func (drop (select (i32.const 1) (i32.const 2) (i32.const 0))) "
                        + "(drop (select (result i32) (i32.const 1) (i32.const 2) (i32.const 0))))"));
        Map<String, String> s = sections(Wat.assemble("(table $a 1 funcref) (table $b 1 funcref) (type $v (func))"
                + "(func (call_indirect $b (type $v) (i32.const 0)) (call_indirect (param i32) (i32.const 1) (i32.const 0)))"));
        assertTrue(s.get("10").contains("41001100014101410011010" + "00b"), s.get("10"));
    }

    @Test
    void importsMustComeFirst() {
        assertEquals("import after function", malformed("(func) (import \"\" \"\" (func))").rule());
        assertEquals("import after memory", malformed("(memory 0) (func (import \"\" \"\")))").rule());
        assertEquals("multiple start sections", malformed("(func $f) (start $f) (start $f)").rule());
        Map<String, String> s = sections(Wat.assemble(
                "(import \"m\" \"f\" (func $f (param i32))) (global $g (import \"m\" \"g\") (mut i32))"
                        + "(tag (import \"m\" \"t\") (param i32)) (table (import \"m\" \"t\") 1 2 externref)"
                        + "(func (call $f (global.get $g)))"));
        assertEquals("04" + "016d0166" + "0000" + "016d0167" + "037f01" + "016d0174" + "040000"
                + "016d0174" + "016f0101" + "02", s.get("2"));
        assertEquals("0101", s.get("3"));
    }

    @Test
    void customAnnotationsArePlaced() {
        byte[] b = Wat.assemble("(module (@custom \"first\" (before first) \"1\") (type (func)) "
                + "(@custom \"late\" \"2\" \"3\") (func (@other ignored)) (@custom \"afterfunc\" (after func) \"\"))");
        List<String> keys = new ArrayList<>(sections(b).keySet());
        assertEquals(List.of("0:first", "1", "3", "0:afterfunc", "10", "0:late"), keys.subList(0, 6));
        assertEquals("3233", sections(b).get("0:late"));
        assertEquals("misplaced @custom annotation", malformed("(func (@custom \"x\"))").rule());
        assertEquals("@custom annotation: missing section name", malformed("(@custom)").rule());
        assertEquals("@custom annotation: malformed section kind", malformed("(@custom \"x\" (after code2))").rule());
    }

    @Test
    void nameSection() {
        String names = sections(Wat.assemble("(module $mod (func $f (param $p i32)) (func (local $l i32)))")).get("0:name");
        assertEquals("00" + "04" + "036d6f64"
                + "01" + "04" + "01" + "00" + "0166"
                + "02" + "0b" + "02" + "00" + "01" + "0001" + "70" + "01" + "01" + "00" + "016c", names);
    }

    @Test
    void lexicalErrors() {
        assertEquals("unknown operator i32.foo", malformed("(func i32.foo)").rule());
        assertTrue(malformed("(func (i32.const 0x))").rule().startsWith("unknown operator"));
        assertEquals("unexpected token", malformed("(func (i32.const))").rule());
        assertEquals("constant out of range", malformed("(func (i32.const 4294967296) drop)").rule());
        assertEquals("empty identifier", malformed("(func $)").rule());
        assertEquals("unclosed string literal", malformed("(func (export \"abc").rule());
        assertEquals("unclosed comment", malformed("(; (; ;)").rule());
        assertEquals("unclosed annotation", malformed("(@a (b)").rule());
        assertEquals("illegal escape", malformed("(func (export \"\\q\"))").rule());
        assertEquals("malformed UTF-8 encoding", malformed("(func (export \"\\ff\"))").rule());
        assertEquals("malformed UTF-8 encoding", malformed("(func) \uDCFF").rule());
        assertEquals("malformed UTF-8 encoding", malformed("(func (export \"\uDC80\"))").rule());
        assertEquals("misplaced unicode character", malformed("(func) \u00e9").rule());
        Wat.assemble("(func (export \"\u00e9\\u{1F600}\\41\"))");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "(func (call $nope))|unknown function $nope|12",
            "(func) (func $a) (func $a)|duplicate function $a|23",
            "(func (block (result i32) (param i32)))|unexpected token|27",
            "(type (func)) (func (type 1) (param i32))|unknown type|26",
            "(func (i32.const 1 2))|unexpected token|19",
    })
    void errorOffsets(String text, String rule, int offset) {
        MalformedException e = malformed(text);
        assertEquals(rule, e.rule());
        assertEquals(offset, e.offset());
    }

    @Test
    void deepNestingDoesNotOverflowTheStack() {
        int n = 200_000;
        String folded = "(func " + "(block ".repeat(n) + ")".repeat(n) + ")";
        Wat.assemble(folded);
        String flat = "(func " + "block ".repeat(n) + "end ".repeat(n) + ")";
        Wat.assemble(flat);
        String exprs = "(func (result i32) " + "(i32.eqz ".repeat(n) + "(i32.const 0)" + ")".repeat(n) + ")";
        Wat.assemble(exprs);
        malformed("(func " + "(block ".repeat(n) + ")");
    }

    @Test
    void fieldsRangeOffsetsAreAbsolute() {
        String script = "(module $m (func (call $nope)))";
        MalformedException e = assertThrows(MalformedException.class,
                () -> Wat.assembleFields(script, 10, script.length() - 1, "m"));
        assertEquals(23, e.offset());
    }

    /** Truncating and mutating valid text anywhere must give a WasmException, never another exception. */
    @Test
    void brokenTextOnlyEverThrowsWasmExceptions() {
        String text = "(module $m (type $t (func (param i32) (result i32))) (memory 1) (table 2 funcref)"
                + " (global $g (mut i32) (i32.const 0)) (elem (i32.const 0) $f) (data (i32.const 0) \"a\\00\")"
                + " (func $f (export \"f\") (type $t) (local $x i64) (block $b (result i32) (local.get 0)"
                + " (if (then (br $b (i32.const 1)))) (call_indirect (type $t) (i32.const 0) (i32.const 0))"
                + " (v128.const f32x4 1 nan -inf 0x1p3) drop (try_table (catch_all $b) nop) end)"
                + " (@custom \"c\" \"d\") (struct.new_default 0) drop))";
        String[] inserts = {"(", ")", "$", "\"", "0", "-1", "nan:0x0", "(@x", ";;", "(;", "$b", "end", "else"};
        for (int i = 0; i <= text.length(); i++) {
            check(text.substring(0, i));
            for (String s : inserts) {
                check(text.substring(0, i) + s + text.substring(i));
            }
        }
    }

    private static void check(String text) {
        try {
            Wat.assemble(text);
        } catch (WasmException e) {
            if (e.getMessage().startsWith("internal assembler error")) {
                fail(text + ": " + e.getMessage());
            }
        }
    }
}
