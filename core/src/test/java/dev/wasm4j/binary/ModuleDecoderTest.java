package dev.wasm4j.binary;

import dev.wasm4j.MalformedException;
import dev.wasm4j.model.AbsHeapType;
import dev.wasm4j.model.AddrType;
import dev.wasm4j.model.ArrayType;
import dev.wasm4j.model.DataMode;
import dev.wasm4j.model.ElemMode;
import dev.wasm4j.model.ElemSegment;
import dev.wasm4j.model.Feature;
import dev.wasm4j.model.Features;
import dev.wasm4j.model.FieldType;
import dev.wasm4j.model.FuncType;
import dev.wasm4j.model.HeapType;
import dev.wasm4j.model.Limits;
import dev.wasm4j.model.MemoryType;
import dev.wasm4j.model.Module;
import dev.wasm4j.model.NumType;
import dev.wasm4j.model.PackedType;
import dev.wasm4j.model.RefType;
import dev.wasm4j.model.SectionInfo;
import dev.wasm4j.model.StructType;
import dev.wasm4j.model.SubType;
import dev.wasm4j.model.TableType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.wasm4j.binary.Bin.bytes;
import static dev.wasm4j.binary.Bin.cat;
import static dev.wasm4j.binary.Bin.code;
import static dev.wasm4j.binary.Bin.func;
import static dev.wasm4j.binary.Bin.module;
import static dev.wasm4j.binary.Bin.name;
import static dev.wasm4j.binary.Bin.section;
import static dev.wasm4j.binary.Bin.u32;
import static dev.wasm4j.binary.Bin.vec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hand-written modules for what the spec testsuite does not cover: proposals, features, names, limits. */
class ModuleDecoderTest {

    private static String rule(byte[] bytes) {
        return rule(bytes, Features.DEFAULT);
    }

    private static String rule(byte[] bytes, Features features) {
        return assertThrows(MalformedException.class, () -> ModuleDecoder.decode(bytes, features)).rule();
    }

    @Test
    void emptyModuleAndSectionRecords() {
        Module m = ModuleDecoder.decode(func(0x0B));
        assertEquals(1, m.functions().size());
        assertEquals(List.of("type", "function", "code"), m.sections().stream().map(SectionInfo::name).toList());
        SectionInfo code = m.sections().get(2);
        assertEquals(10, code.id());
        assertEquals(4, code.size());
        assertEquals(m.functions().getFirst().body().end(), code.offset() + code.size());
    }

    @Test
    void headerErrors() {
        assertEquals("unexpected end", rule(bytes()));
        assertEquals("magic header not detected", rule(bytes(0, 0x61, 0x73, 0x6E)));
        assertEquals("unexpected end", rule(bytes(0, 0x61, 0x73, 0x6D, 1)));
        assertEquals("unknown binary version", rule(bytes(0, 0x61, 0x73, 0x6D, 0x0D, 0, 1, 0)));
    }

    // ---- hostile counts: fail fast, allocate nothing ----

    @Test
    void hugeCountsFailBeforeAllocating() {
        byte[] max = u32(0xFFFF_FFFFL);
        for (int id : new int[] {1, 2, 3, 4, 5, 6, 7, 9, 10, 11, 13}) {
            assertEquals("length out of bounds", rule(module(section(id, max))), "section " + id);
        }
        // A data segment claiming 4 GiB.
        byte[] data = section(11, vec(cat(bytes(0x01), max)));
        assertEquals("length out of bounds", rule(module(section(5, vec(bytes(0, 0))), data)));
        // A data count nothing matches.
        assertEquals("data count and data section have inconsistent lengths",
                rule(module(section(12, max))));
    }

    @Test
    void tooManyLocals() {
        byte[][] f = Bin.oneFunc();
        byte[] spec = code(cat(vec(cat(u32(0xFFFF_FFFFL), bytes(0x7F)), cat(u32(1), bytes(0x7E))), bytes(0x0B)));
        assertEquals("too many locals", rule(module(f[0], f[1], spec)));
        byte[] engine = code(cat(vec(cat(u32(CodeSectionDecoder.MAX_LOCALS + 1), bytes(0x7F))), bytes(0x0B)));
        assertEquals("too many locals", rule(module(f[0], f[1], engine)));
        byte[] ok = code(cat(vec(cat(u32(CodeSectionDecoder.MAX_LOCALS), bytes(0x7F))), bytes(0x0B)));
        assertEquals(CodeSectionDecoder.MAX_LOCALS, ModuleDecoder.decode(module(f[0], f[1], ok))
                .functions().getFirst().locals().getFirst().count());
    }

    @Test
    void deepNestingNeedsNoJavaStack() {
        int depth = 1_000_000;
        byte[] body = cat(Bin.repeat(bytes(0x02, 0x40), depth), Bin.repeat(bytes(0x0B), depth + 1));
        byte[][] f = Bin.oneFunc();
        Module m = ModuleDecoder.decode(module(f[0], f[1], code(cat(bytes(0x00), body))));
        assertEquals(body.length, m.functions().getFirst().body().length());
        byte[] open = cat(bytes(0x00), Bin.repeat(bytes(0x02, 0x40), depth), bytes(0x0B));
        assertEquals("unexpected end of section or function", rule(module(f[0], f[1], code(open))));
    }

    // ---- code syntax ----

    @Test
    void structureOfCode() {
        assertEquals("END opcode expected", rule(func(0x05, 0x0B)));
        assertEquals("END opcode expected", rule(func(0x02, 0x40, 0x05, 0x0B, 0x0B)));
        assertEquals("END opcode expected", rule(func(0x04, 0x40, 0x05, 0x05, 0x0B, 0x0B)));
        ModuleDecoder.decode(func(0x41, 0, 0x04, 0x40, 0x05, 0x0B, 0x0B));
        assertEquals("illegal opcode ff", rule(func(0xFF, 0x0B)));
        assertEquals("illegal opcode fc 99", rule(func(0xFC, 0x99, 0x01, 0x0B)));
        assertEquals("section size mismatch", rule(module(Bin.oneFunc()[0], Bin.oneFunc()[1],
                section(10, vec(bytes(0x03, 0x00, 0x0B, 0x0B))))));
        assertEquals("zero byte expected", rule(func(0xFE, 0x03, 0x01, 0x0B)));
        assertEquals("malformed memop flags", rule(func(0x41, 0, 0x28, 0x80, 0x01, 0x00, 0x1A, 0x0B)));
    }

    @Test
    void dataCountRequiredOnlyByCode() {
        byte[][] f = Bin.oneFunc();
        byte[] mem = section(5, vec(bytes(0, 1)));
        byte[] dataDrop = code(bytes(0x00, 0xFC, 0x09, 0x00, 0x0B));
        byte[] data = section(11, vec(bytes(0x01, 0x00)));
        assertEquals("data count section required", rule(module(f[0], f[1], mem, dataDrop, data)));
        byte[] count = section(12, u32(1));
        assertEquals(1, ModuleDecoder.decode(module(f[0], f[1], mem, count, dataDrop, data)).dataCount());
    }

    @Test
    void disabledFeaturesAreIllegal() {
        Features std = Features.STANDARD;
        byte[] v128 = func(0xFD, 0x0C, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x1A, 0x0B);
        ModuleDecoder.decode(v128, std);
        assertEquals("illegal opcode fd 0c", rule(v128, std.without(Feature.SIMD)));
        byte[] relaxed = func(0xFD, 0x80, 0x02, 0x0B);   // i8x16.relaxed_swizzle = 0x100
        assertEquals("illegal opcode fd 100", rule(relaxed, std.without(Feature.RELAXED_SIMD)));
        byte[] discard = func(0x41, 0, 0x41, 0, 0xFC, 0x12, 0x00, 0x0B);
        assertEquals("illegal opcode fc 12", rule(discard, std));
        ModuleDecoder.decode(discard, std.with(Feature.MEMORY_CONTROL));
        byte[] map = func(0x41, 0, 0x41, 0, 0xFC, 0x20, 0x00, 0x02, 0x1A, 0x0B);
        assertEquals("illegal opcode fc 20", rule(map, std));
        ModuleDecoder.decode(map, std.with(Feature.MEMORY_CONTROL));
        byte[] badProt = func(0x41, 0, 0x41, 0, 0xFC, 0x22, 0x00, 0x03, 0x0B);
        assertEquals("malformed memory protection", rule(badProt, Features.DEFAULT));
        byte[] wide = func(0xFC, 0x16, 0x0B);
        assertEquals("illegal opcode fc 16", rule(wide, std));
        ModuleDecoder.decode(wide, std.with(Feature.WIDE_ARITHMETIC));
        byte[] atomic = func(0xFE, 0x03, 0x00, 0x0B);
        assertEquals("illegal opcode fe 03", rule(atomic, std.without(Feature.THREADS)));
        byte[] tryCatch = func(0x06, 0x40, 0x07, 0x00, 0x19, 0x0B, 0x0B);
        assertEquals("illegal opcode 06", rule(tryCatch, std));
        ModuleDecoder.decode(tryCatch, std.with(Feature.LEGACY_EXCEPTIONS));
        assertEquals("illegal opcode 12", rule(func(0x12, 0x00, 0x0B), std.without(Feature.TAIL_CALL)));
        assertEquals("illegal opcode fb 00", rule(func(0xFB, 0x00, 0x00, 0x0B), std.without(Feature.GC)));
    }

    @Test
    void legacyTryStructure() {
        Features legacy = Features.DEFAULT;
        ModuleDecoder.decode(func(0x06, 0x40, 0x18, 0x00, 0x0B), legacy);            // try delegate 0
        ModuleDecoder.decode(func(0x06, 0x40, 0x07, 0x00, 0x07, 0x01, 0x0B, 0x0B), legacy);
        assertEquals("END opcode expected", rule(func(0x06, 0x40, 0x19, 0x07, 0x00, 0x0B, 0x0B), legacy));
        assertEquals("END opcode expected", rule(func(0x06, 0x40, 0x07, 0x00, 0x18, 0x00, 0x0B), legacy));
        assertEquals("END opcode expected", rule(func(0x02, 0x40, 0x19, 0x0B, 0x0B), legacy));
        assertEquals("END opcode expected", rule(func(0x07, 0x00, 0x0B), legacy));
    }

    // ---- types ----

    @Test
    void gcTypes() {
        byte[] types = section(1, vec(
                bytes(0x4E, 0x02,
                        0x50, 0x00, 0x5F, 0x02, 0x78, 0x01, 0x63, 0x01, 0x00,       // sub open struct
                        0x4F, 0x01, 0x00, 0x5E, 0x77, 0x00),                        // sub final array
                bytes(0x60, 0x01, 0x64, 0x6E, 0x00)));
        Module m = ModuleDecoder.decode(module(types));
        assertEquals(2, m.recTypes().size());
        assertEquals(3, m.types().size());
        SubType s0 = m.types().get(0);
        assertFalse(s0.isFinal());
        assertEquals(new StructType(List.of(new FieldType(PackedType.I8, true),
                new FieldType(new RefType(true, HeapType.of(1)), false))), s0.composite());
        SubType s1 = m.types().get(1);
        assertTrue(s1.isFinal());
        assertEquals(List.of(0), s1.supertypes());
        assertEquals(new ArrayType(new FieldType(PackedType.I16, false)), s1.composite());
        assertEquals(new FuncType(List.of(new RefType(false, AbsHeapType.ANY)), List.of()),
                m.types().get(2).composite());
        assertEquals("malformed definition type", rule(module(section(1, vec(bytes(0x5F, 0x00)))),
                Features.STANDARD.without(Feature.GC)));
        assertEquals("malformed storage type", rule(module(section(1, vec(bytes(0x5E, 0x01, 0x00))))));
        assertEquals("malformed mutability", rule(module(section(1, vec(bytes(0x5E, 0x7F, 0x02))))));
        assertEquals("malformed heap type", rule(module(section(1, vec(bytes(0x60, 0x01, 0x63, 0x40, 0x00))))));
        assertEquals("malformed value type", rule(module(section(1, vec(bytes(0x60, 0x01, 0x01, 0x00))))));
        assertEquals("malformed value type", rule(module(section(1, vec(bytes(0x60, 0x01, 0x7B, 0x00)))),
                Features.STANDARD.without(Feature.SIMD)));
    }

    // ---- imports, tables, memories, tags ----

    @Test
    void memoryFlags() {
        Map<String, byte[]> cases = Map.of(
                "shared", bytes(0x03, 0x01, 0x02),
                "i64", bytes(0x05, 0x01, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01),
                "pagesize", bytes(0x08, 0x00, 0x00),
                "protection", bytes(0x11, 0x04, 0x08, 0x01, 0x02),
                "virtual", bytes(0x20, 0x00));
        for (var e : cases.entrySet()) {
            MemoryType t = ModuleDecoder.decode(module(section(5, vec(e.getValue())))).memories().getFirst();
            switch (e.getKey()) {
                case "shared" -> assertEquals(MemoryType.of(AddrType.I32, Limits.of(1, 2), true), t);
                case "i64" -> assertEquals(MemoryType.of(AddrType.I64, Limits.of(1, 1L << 42), false), t);
                case "pagesize" -> assertEquals(0, t.pageSizeLog2());
                case "protection" -> {
                    assertEquals(Limits.of(4, 8), t.limits());
                    assertEquals(new MemoryType.StaticProtection(1, 2), t.protection());
                }
                default -> assertTrue(t.virtual());
            }
        }
        Features std = Features.STANDARD;
        assertEquals("malformed limits flags", rule(module(section(5, vec(bytes(0x08, 0x00, 0x00)))), std));
        assertEquals("malformed limits flags", rule(module(section(5, vec(bytes(0x10, 0x00, 0, 0)))), std));
        assertEquals("malformed limits flags", rule(module(section(5, vec(bytes(0x40, 0x00))))));
        assertEquals("malformed limits flags", rule(module(section(5, vec(bytes(0x02, 0x00, 0x00)))),
                std.without(Feature.THREADS)));
        assertEquals("invalid custom page size", rule(module(section(5, vec(bytes(0x08, 0x00, 0x40))))));
        assertEquals("integer too large",
                rule(module(section(5, vec(bytes(0x10, 0x00, 0x80, 0x80, 0x80, 0x80, 0x10, 0x00))))));
        assertEquals("malformed limits flags", rule(module(section(4, vec(bytes(0x70, 0x02, 0x00))))));
    }

    @Test
    void tablesWithInitExpressions() {
        byte[] tables = section(4, vec(
                bytes(0x40, 0x00, 0x64, 0x70, 0x00, 0x01, 0xD2, 0x00, 0x0B),
                bytes(0x6F, 0x05, 0x00, 0x10)));
        byte[][] f = Bin.oneFunc();
        Module m = ModuleDecoder.decode(module(f[0], f[1], tables, code(bytes(0x00, 0x0B))));
        assertEquals(new TableType(AddrType.I32, Limits.of(1), new RefType(false, AbsHeapType.FUNC)),
                m.tables().get(0).type());
        assertEquals(3, m.tables().get(0).init().length());
        assertEquals(new TableType(AddrType.I64, Limits.of(0, 16), RefType.EXTERNREF), m.tables().get(1).type());
        assertNull(m.tables().get(1).init());
        assertEquals("zero byte expected", rule(module(section(4, vec(bytes(0x40, 0x01, 0x70, 0x00, 0x00))))));
    }

    @Test
    void importsAndTags() {
        byte[] types = section(1, vec(bytes(0x60, 0x01, 0x7F, 0x00)));
        byte[] imports = section(2, vec(
                cat(name("m"), name("f"), bytes(0x00, 0x00)),
                cat(name("m"), name("t"), bytes(0x04, 0x00, 0x00)),
                cat(name("m"), name("g"), bytes(0x03, 0x7E, 0x01))));
        byte[] tags = section(13, vec(bytes(0x00, 0x00)));
        byte[] exports = section(7, vec(cat(name("t"), bytes(0x04, 0x01))));
        Module m = ModuleDecoder.decode(module(types, imports, tags, exports));
        assertEquals(1, m.importedTagCount());
        assertEquals(2, m.tagTypes().size());
        assertEquals(1, m.importedGlobalCount());
        assertEquals("malformed import kind",
                rule(module(types, section(2, vec(cat(name("m"), name("t"), bytes(0x04, 0x00, 0x00))))),
                        Features.STANDARD.without(Feature.EXCEPTIONS)));
        assertEquals("malformed section id", rule(module(types, tags), Features.STANDARD.without(Feature.EXCEPTIONS)));
        assertEquals("zero byte expected", rule(module(types, section(13, vec(bytes(0x01, 0x00))))));
        assertEquals("malformed export kind", rule(module(section(7, vec(cat(name("x"), bytes(0x05, 0x00)))))));
    }

    @Test
    void sectionOrder() {
        byte[] types = section(1, vec(bytes(0x60, 0x00, 0x00)));
        byte[] memory = section(5, vec(bytes(0x00, 0x01)));
        byte[] tags = section(13, vec(bytes(0x00, 0x00)));
        byte[] globals = section(6, vec(bytes(0x7F, 0x00, 0x41, 0x00, 0x0B)));
        byte[] custom = section(0, name("x"), bytes(1, 2, 3));
        Module m = ModuleDecoder.decode(module(custom, types, memory, custom, tags, globals, custom));
        assertEquals(3, m.customSections().size());
        assertEquals(List.of("x", "type", "memory", "x", "tag", "global", "x"),
                m.sections().stream().map(SectionInfo::name).toList());
        String order = "unexpected content after last section";
        assertEquals(order, rule(module(types, memory, globals, tags)));
        assertEquals(order, rule(module(types, types)));
        assertEquals(order, rule(module(section(10, vec()), section(12, u32(0)))));
        assertEquals("malformed section id", rule(module(section(14, bytes()))));
    }

    // ---- element and data segments ----

    @Test
    void allElementEncodings() {
        byte[] types = section(1, vec(bytes(0x60, 0x00, 0x00)));
        byte[] funcs = section(3, vec(bytes(0x00)));
        byte[] table = section(4, vec(bytes(0x70, 0x00, 0x01)));
        byte[] offset = bytes(0x41, 0x00, 0x0B);
        byte[] items = vec(bytes(0xD2, 0x00, 0x0B), bytes(0xD0, 0x70, 0x0B));
        byte[] elems = section(9, vec(
                cat(bytes(0x00), offset, vec(bytes(0x00))),
                cat(bytes(0x01, 0x00), vec(bytes(0x00), bytes(0x00))),
                cat(bytes(0x02, 0x00), offset, bytes(0x00), vec(bytes(0x00))),
                cat(bytes(0x03, 0x00), vec(bytes(0x00))),
                cat(bytes(0x04), offset, items),
                cat(bytes(0x05, 0x70), items),
                cat(bytes(0x06, 0x00), offset, bytes(0x70), items),
                cat(bytes(0x07, 0x64, 0x70), items)));
        Module m = ModuleDecoder.decode(module(types, funcs, table, elems, code(bytes(0x00, 0x0B))));
        List<ElemSegment> e = m.elems();
        assertEquals(8, e.size());
        RefType refFunc = new RefType(false, AbsHeapType.FUNC);
        assertEquals(List.of(refFunc, refFunc, refFunc, refFunc, RefType.FUNCREF, RefType.FUNCREF, RefType.FUNCREF,
                refFunc), e.stream().map(ElemSegment::type).toList());
        assertEquals(List.of(1, 2, 1, 1, 2, 2, 2, 2), e.stream().map(ElemSegment::size).toList());
        assertInstanceOf(ElemMode.Active.class, e.get(0).mode());
        assertInstanceOf(ElemMode.Passive.class, e.get(1).mode());
        assertInstanceOf(ElemMode.Active.class, e.get(2).mode());
        assertInstanceOf(ElemMode.Declarative.class, e.get(3).mode());
        assertInstanceOf(ElemSegment.Items.Exprs.class, e.get(4).items());
        assertInstanceOf(ElemMode.Declarative.class, e.get(7).mode());
        assertEquals("malformed elements segment kind", rule(module(section(9, vec(bytes(0x08))))));
        assertEquals("malformed element kind", rule(module(section(9, vec(bytes(0x01, 0x70, 0x00))))));
    }

    @Test
    void dataSegments() {
        byte[] memory = section(5, vec(bytes(0x00, 0x01)));
        byte[] data = section(11, vec(
                cat(bytes(0x00, 0x41, 0x08, 0x0B), name("abc")),
                cat(bytes(0x01), name("de")),
                cat(bytes(0x02, 0x00, 0x41, 0x00, 0x0B), name(""))));
        Module m = ModuleDecoder.decode(module(memory, data));
        assertEquals(3, m.datas().size());
        assertEquals(3, m.datas().get(0).length());
        assertEquals('a', m.datas().get(0).bytes()[m.datas().get(0).start()]);
        assertInstanceOf(DataMode.Passive.class, m.datas().get(1).mode());
        assertEquals(-1, m.dataCount());
        assertEquals("malformed data segment kind", rule(module(section(11, vec(bytes(0x03))))));
    }

    // ---- names ----

    @Test
    void nameSection() {
        byte[] names = section(0, name("name"),
                bytes(0x00), u32(4), name("mod"),
                bytes(0x01), u32(7), vec(cat(u32(0), name("main"))),
                bytes(0x02), u32(6), vec(cat(u32(0), vec(cat(u32(1), name("x"))))),
                bytes(0x07), u32(1), bytes(0x00));
        byte[][] f = Bin.oneFunc();
        Module m = ModuleDecoder.decode(module(f[0], f[1], code(bytes(0x00, 0x0B)), names));
        assertEquals("mod", m.names().moduleName());
        assertEquals("main", m.names().functionName(0));
        assertEquals(Map.of(1, "x"), m.names().localNames().get(0));
    }

    @Test
    void malformedNameSectionIsIgnored() {
        byte[][] bad = {
                cat(bytes(0x01), u32(9), vec(cat(u32(0), name("main")))),                 // size too big
                cat(bytes(0x01), u32(3), vec(cat(u32(0), bytes(0x01, 0xFF)))),          // bad UTF-8
                cat(bytes(0x01), u32(5), vec(cat(u32(1), name("a")), cat(u32(0), name("b")))), // not sorted
                cat(bytes(0x01), u32(1), vec(), bytes(0x00), u32(2), name("m")),          // out of order
                cat(bytes(0x01), u32(0xFFFF_FFFFL)),
        };
        for (byte[] content : bad) {
            Module m = ModuleDecoder.decode(module(section(0, name("name"), content)));
            assertEquals(dev.wasm4j.model.Names.EMPTY, m.names());
            assertEquals(1, m.customSections().size());
        }
    }

    @Test
    void customSectionErrors() {
        assertEquals("malformed UTF-8 encoding", rule(module(section(0, bytes(0x01, 0xFF)))));
        assertEquals("unexpected end of section or function", rule(module(bytes(0x00, 0x00))));
        assertEquals("length out of bounds", rule(module(bytes(0x00, 0x05, 0x01))));
    }

    @Test
    void inputIsCopied() {
        byte[] b = func(0x01, 0x0B);
        Module m = ModuleDecoder.decode(b);
        b[b.length - 2] = (byte) 0xFF;
        assertEquals(0x01, m.functions().getFirst().body().bytes()[m.functions().getFirst().body().start()]);
        assertEquals(NumType.I32, ModuleDecoder.decode(module(section(1, vec(bytes(0x60, 0x01, 0x7F, 0x00)))))
                .funcType(0).params().getFirst());
    }
}
