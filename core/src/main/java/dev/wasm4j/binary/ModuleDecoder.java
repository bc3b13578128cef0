package dev.wasm4j.binary;

import dev.wasm4j.MalformedException;
import dev.wasm4j.model.Features;
import dev.wasm4j.model.Module;
import dev.wasm4j.model.SectionInfo;

/**
 * Decodes a module from the binary format (spec 5.5 "Modules") into a {@link Module}: the header, each
 * section in its required order, and the checks that span sections. Instruction sequences stay bytes
 * ({@link dev.wasm4j.model.Expr}) but pass a syntax check here, so that malformed code is reported as
 * malformed before validation.
 *
 * <p>Like the reference interpreter, sections are read against the end of the module, not against their
 * declared size, and the size is checked afterwards ({@code section size mismatch}); this gives the spec
 * testsuite's messages for sections and functions that are too short or too long. Every count and length is
 * checked against the bytes that remain before anything is allocated for it, and nesting is tracked without
 * recursion, so hostile input fails fast with a {@link MalformedException} and nothing else.
 *
 * @see <a href="https://webassembly.github.io/spec/core/binary/modules.html">spec 5.5 Modules</a>
 */
public final class ModuleDecoder {
    private static final int MAGIC = 0x6D736100;
    private static final int VERSION = 1;

    private ModuleDecoder() {
    }

    /**
     * Decodes {@code bytes} with the given features enabled. The array is copied; the returned module's
     * {@code Expr}s, data segments and custom sections point into the copy.
     *
     * @throws MalformedException if the bytes are not a module in the binary format
     */
    public static Module decode(byte[] bytes, Features features) {
        Decoding d = new Decoding(bytes.clone(), features);
        header(d);
        sections(d);
        finish(d);
        return d.module.build();
    }

    /** Decodes {@code bytes} with {@link Features#DEFAULT}. */
    public static Module decode(byte[] bytes) {
        return decode(bytes, Features.DEFAULT);
    }

    private static void header(Decoding d) {
        byte[] b = d.bytes;
        if (b.length < 4) {
            throw new MalformedException("unexpected end", b.length);
        }
        if (word32(b, 0) != MAGIC) {
            throw new MalformedException("magic header not detected", 0);
        }
        if (b.length < 8) {
            throw new MalformedException("unexpected end", b.length);
        }
        if (word32(b, 4) != VERSION) {
            throw new MalformedException("unknown binary version", 4);
        }
        d.in.pos(8);
    }

    private static int word32(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 | (b[at + 2] & 0xFF) << 16 | (b[at + 3] & 0xFF) << 24;
    }

    private static void sections(Decoding d) {
        WasmReader in = d.in;
        int lastRank = 0;
        while (!in.atEnd()) {
            int idAt = in.pos();
            SectionId s = SectionId.of(in.u8(), d.features);
            if (s == null) {
                throw new MalformedException("malformed section id", idAt);
            }
            if (s != SectionId.CUSTOM) {
                // A section out of order or repeated is where the reference interpreter stops reading.
                if (s.rank <= lastRank) {
                    throw new MalformedException("unexpected content after last section", idAt);
                }
                lastRank = s.rank;
            }
            int size = in.len32();
            int start = in.pos();
            String name = switch (s) {
                case CUSTOM -> CustomSectionDecoder.decode(d, size);
                case TYPE -> TypeSectionDecoder.decode(d);
                case IMPORT -> ImportSectionDecoder.decode(d);
                case FUNCTION -> DefinitionSectionDecoder.functions(d);
                case TABLE -> DefinitionSectionDecoder.tables(d);
                case MEMORY -> DefinitionSectionDecoder.memories(d);
                case TAG -> DefinitionSectionDecoder.tags(d);
                case GLOBAL -> DefinitionSectionDecoder.globals(d);
                case EXPORT -> ExportSectionDecoder.exports(d);
                case START -> ExportSectionDecoder.start(d);
                case PHASE -> PhaseSectionDecoder.decode(d);
                case ELEMENT -> ElementSectionDecoder.decode(d);
                case DATA_COUNT -> DataSectionDecoder.dataCount(d);
                case CODE -> CodeSectionDecoder.decode(d);
                case DATA -> DataSectionDecoder.decode(d);
            };
            if (in.pos() != start + size) {
                throw new MalformedException("section size mismatch", start);
            }
            d.module.addSection(new SectionInfo(s.id, name, start, size));
        }
    }

    /** The checks that need every section (spec 5.5.16 "Modules"), in the reference interpreter's order. */
    private static void finish(Decoding d) {
        int end = d.bytes.length;
        if (d.functionTypes.length != d.bodies.size()) {
            throw new MalformedException("function and code section have inconsistent lengths", end);
        }
        if (d.dataCount >= 0 && d.dataCount != d.dataSegments) {
            throw new MalformedException("data count and data section have inconsistent lengths", end);
        }
        if (d.dataCount < 0 && d.codeUsesDataIndex) {
            throw new MalformedException("data count section required", end);
        }
        d.addFunctions();
        if (d.dataCount >= 0) {
            d.module.dataCount((int) d.dataCount);
        }
    }
}
