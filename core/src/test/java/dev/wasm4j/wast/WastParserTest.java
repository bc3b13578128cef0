package dev.wasm4j.wast;

import dev.wasm4j.MalformedException;
import dev.wasm4j.Value;
import dev.wasm4j.model.AbsHeapType;
import dev.wasm4j.model.HeapType;
import dev.wasm4j.model.RefType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every command form of the script format, parsed into the {@link Script} model. */
class WastParserTest {

    private static List<Command> parse(String text) {
        return WastParser.parse("test.wast", text).commands();
    }

    @Test
    void modulesDefinitionsInstancesAndRegister() {
        List<Command> cs = parse("""
                (module $M (func (export "f")))
                (module definition $D binary "\\00asm" "\\01\\00\\00\\00")
                (module instance $I $D)
                (module instance $D)
                (module quote "(func)" "(memory 1)")
                (register "m" $M)
                (register "n")
                """);
        Command.Module m = assertInstanceOf(Command.Module.class, cs.get(0));
        assertEquals(1, m.line());
        assertEquals("$M", m.id());
        assertTrue(assertInstanceOf(ModuleSource.Binary.class, m.source()).fromText());
        Command.Module d = assertInstanceOf(Command.Module.class, cs.get(1));
        assertTrue(d.definitionOnly());
        ModuleSource.Binary b = assertInstanceOf(ModuleSource.Binary.class, d.source());
        assertArrayEquals(new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0}, b.bytes());
        assertEquals(new Command.ModuleInstance(3, "$I", "$D"), cs.get(2));
        assertEquals(new Command.ModuleInstance(4, null, "$D"), cs.get(3));
        Command.Module q = assertInstanceOf(Command.Module.class, cs.get(4));
        assertEquals("(func)(memory 1)", assertInstanceOf(ModuleSource.Quote.class, q.source()).text());
        assertEquals(new Command.Register(6, "m", "$M"), cs.get(5));
        assertEquals(new Command.Register(7, "n", null), cs.get(6));
    }

    @Test
    void actionsAndArguments() {
        List<Command> cs = parse("""
                (invoke "f" (i32.const -1) (i64.const 0xffff_ffff_ffff_ffff) (f32.const nan:0x200000)
                  (f64.const -0x1p-1074) (v128.const i16x8 1 2 3 4 5 6 7 -1)
                  (ref.null func) (ref.extern 3) (ref.host 4))
                (get $M "g")
                """);
        Action.Invoke inv = assertInstanceOf(Action.Invoke.class, ((Command.Perform) cs.get(0)).action());
        assertNull(inv.moduleId());
        assertEquals("f", inv.exportName());
        List<Value> args = inv.args();
        assertEquals(Value.i32(-1), args.get(0));
        assertEquals(Value.i64(-1), args.get(1));
        assertEquals(Value.f32Bits(0x7fa00000), args.get(2));
        assertEquals(Value.f64Bits(0x8000000000000001L), args.get(3));
        assertEquals(Value.v128(0x0004000300020001L, 0xffff000700060005L), args.get(4));
        assertEquals(new Value.Ref(RefType.FUNCREF, null), args.get(5));
        assertThrows(MalformedException.class, () -> parse("(invoke \"f\" (ref.null $t))"));
        assertEquals(Value.externRef(new HostRef(3)), args.get(6));
        assertEquals(new Value.Ref(RefType.ANYREF, new HostRef(4)), args.get(7));
        assertEquals(new Command.Perform(4, new Action.Get("$M", "g")), cs.get(1));
    }

    @Test
    void assertReturnResults() {
        List<Command> cs = parse("""
                (assert_return (invoke "f") (i32.const 1) (f32.const nan:canonical) (f64.const nan:arithmetic)
                  (f64.const -nan) (v128.const f32x4 1 nan:canonical -0 nan:arithmetic)
                  (v128.const f64x2 1 2) (ref.null any) (ref.null) (ref.extern 1) (ref.extern) (ref.host 2)
                  (ref.func) (ref.struct) (ref.array) (ref.i31) (ref.eq) (ref.any) (ref)
                  (either (i32.const 1) (ref.null extern)))
                """);
        Command.AssertReturn r = assertInstanceOf(Command.AssertReturn.class, cs.getFirst());
        List<Expected> e = r.results();
        assertEquals(new Expected.Exact(Value.i32(1)), e.get(0));
        assertEquals(new Expected.Nan(false, true), e.get(1));
        assertEquals(new Expected.Nan(true, false), e.get(2));
        assertEquals(new Expected.Exact(Value.f64Bits(0xfff8000000000000L)), e.get(3));
        assertEquals(new Expected.V128Lanes("f32x4", List.of(new Expected.Exact(Value.f32Bits(0x3f800000)),
                new Expected.Nan(false, true), new Expected.Exact(Value.f32Bits(0x80000000)),
                new Expected.Nan(false, false))), e.get(4));
        assertEquals(new Expected.Exact(Value.v128(0x3ff0000000000000L, 0x4000000000000000L)), e.get(5));
        assertEquals(new Expected.RefNull(AbsHeapType.ANY), e.get(6));
        assertEquals(new Expected.RefNull(null), e.get(7));
        assertEquals(new Expected.RefExtern(1), e.get(8));
        assertEquals(new Expected.RefExtern(null), e.get(9));
        assertEquals(new Expected.RefHost(2), e.get(10));
        assertEquals(new Expected.RefKind("ref.func"), e.get(11));
        assertEquals(new Expected.RefKind("ref.any"), e.get(17));
        assertEquals(new Expected.Either(List.of(new Expected.Exact(Value.i32(1)),
                new Expected.RefNull(AbsHeapType.EXTERN))), e.get(18));
        Command.AssertReturn concrete = (Command.AssertReturn) parse("(assert_return (invoke \"f\") (ref.null 0))")
                .getFirst();
        assertEquals(new Expected.RefNull(HeapType.of(0)), concrete.results().getFirst());
    }

    @Test
    void assertions() {
        List<Command> cs = parse("""
                (assert_trap (invoke "f") "unreachable")
                (assert_trap (module (func $s unreachable) (start $s)) "unreachable")
                (assert_exhaustion (invoke "f") "call stack exhausted")
                (assert_exception (invoke "f"))
                (assert_invalid (module (func (result i32))) "type mismatch")
                (assert_invalid (module (memory 0x1_0000_0000)) "memory size")
                (assert_malformed (module quote "(func") "unexpected token")
                (assert_malformed (module (func (call $nope))) "unknown function")
                (assert_unlinkable (module (import "m" "f" (func))) "unknown import")
                (assert_malformed_custom (module quote "(@custom)") "@custom annotation: missing section name")
                (assert_invalid_custom (module binary "") "bad")
                """);
        assertInstanceOf(Command.AssertTrap.class, cs.get(0));
        Command.AssertModuleTrap mt = assertInstanceOf(Command.AssertModuleTrap.class, cs.get(1));
        assertEquals("unreachable", mt.message());
        assertEquals("call stack exhausted", assertInstanceOf(Command.AssertExhaustion.class, cs.get(2)).message());
        assertInstanceOf(Command.AssertException.class, cs.get(3));
        assertInstanceOf(ModuleSource.Binary.class, assertInstanceOf(Command.AssertInvalid.class, cs.get(4)).module());
        assertInstanceOf(ModuleSource.Failed.class, assertInstanceOf(Command.AssertInvalid.class, cs.get(5)).module());
        assertInstanceOf(ModuleSource.Quote.class, assertInstanceOf(Command.AssertMalformed.class, cs.get(6)).module());
        ModuleSource.Failed f = assertInstanceOf(ModuleSource.Failed.class,
                assertInstanceOf(Command.AssertMalformed.class, cs.get(7)).module());
        assertEquals("unknown function $nope", f.error().rule());
        assertInstanceOf(Command.AssertUnlinkable.class, cs.get(8));
        assertTrue(assertInstanceOf(Command.AssertCustom.class, cs.get(9)).malformed());
        assertEquals(11, cs.get(10).line());
    }

    @Test
    void quotedBytesThatAreNotUtf8BecomeLoneSurrogates() {
        Command.AssertMalformed m = (Command.AssertMalformed) parse(
                "(assert_malformed (module quote \"(@a \\ff)\") \"malformed UTF-8 encoding\")").getFirst();
        assertEquals("(@a \uDCFF)", ((ModuleSource.Quote) m.module()).text());
        assertEquals("\u00e9\uDCC3x", WastParser.decodeQuote(new byte[] {(byte) 0xC3, (byte) 0xA9, (byte) 0xC3, 'x'}));
    }

    @Test
    void aScriptMayBeJustModuleFields() {
        List<Command> cs = parse("(func (export \"f\"))\n(memory 1)");
        assertEquals(1, cs.size());
        assertInstanceOf(ModuleSource.Binary.class, ((Command.Module) cs.getFirst()).source());
    }

    @Test
    void brokenScriptsAreMalformed() {
        assertThrows(MalformedException.class, () -> parse("(assert_return (invoke \"f\")"));
        assertThrows(MalformedException.class, () -> parse("(frobnicate)"));
        assertThrows(MalformedException.class, () -> parse("(module \"unclosed)"));
    }

    /** Truncated or mutated scripts only ever raise WasmExceptions, never internal errors. */
    @Test
    void brokenScriptsOnlyEverThrowWasmExceptions() {
        String text = """
                (module $M (func (export "f") (param i32) (result i32) (local.get 0)))
                (register "m" $M)
                (assert_return (invoke $M "f" (i32.const 1)) (i32.const 1))
                (assert_return (invoke "g" (v128.const f32x4 0 1 2 3)) (v128.const f32x4 nan:canonical 1 2 3))
                (assert_trap (invoke "f" (ref.null func) (ref.extern 1)) "unreachable")
                (assert_malformed (module quote "(func") "unexpected token")
                (assert_invalid (module binary "\\00asm") "x")
                (module instance $I $M)
                (assert_return (invoke "h") (either (ref.null) (ref.i31)))
                """;
        String[] inserts = {"(", ")", "\"", "$", "0", "nan:canonical", "(module", "(invoke \"f\""};
        for (int i = 0; i <= text.length(); i++) {
            check(text.substring(0, i));
            for (String s : inserts) {
                check(text.substring(0, i) + s + text.substring(i));
            }
        }
    }

    private static void check(String text) {
        try {
            WastParser.parse("fuzz.wast", text);
        } catch (dev.wasm4j.WasmException e) {
            assertTrue(!e.getMessage().startsWith("internal"), text + ": " + e.getMessage());
        }
    }
}
