package dev.wasm4j.binary;

import dev.wasm4j.MalformedException;
import dev.wasm4j.model.ExternType;
import dev.wasm4j.model.Feature;
import dev.wasm4j.model.Import;

/**
 * The import section (spec 5.5.5): module name, item name, then an extern type whose kind byte is
 * {@code 0x00} function (a type index), {@code 0x01} table, {@code 0x02} memory, {@code 0x03} global or
 * {@code 0x04} tag.
 *
 * @see <a href="https://webassembly.github.io/spec/core/binary/modules.html#import-section">spec 5.5.5</a>
 */
final class ImportSectionDecoder {
    private ImportSectionDecoder() {
    }

    static String decode(Decoding d) {
        WasmReader in = d.in;
        int n = in.len32();
        for (int i = 0; i < n; i++) {
            String module = in.name();
            String name = in.name();
            d.module.addImport(new Import(module, name, externType(in)));
        }
        return SectionId.IMPORT.title;
    }

    private static ExternType externType(WasmReader in) {
        int at = in.pos();
        int kind = in.u8();
        return switch (kind) {
            case 0x00 -> new ExternType.Func(in.index());
            case 0x01 -> ExternTypeDecoder.tableType(in);
            case 0x02 -> ExternTypeDecoder.memoryType(in);
            case 0x03 -> ExternTypeDecoder.globalType(in);
            case 0x04 -> {
                if (!in.has(Feature.EXCEPTIONS)) {
                    throw new MalformedException("malformed import kind", at);
                }
                yield ExternTypeDecoder.tagType(in);
            }
            default -> throw new MalformedException("malformed import kind", at);
        };
    }
}
