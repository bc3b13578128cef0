package dev.wasm4j.binary;

import dev.wasm4j.MalformedException;
import dev.wasm4j.model.Export;
import dev.wasm4j.model.ExternKind;
import dev.wasm4j.model.Feature;

/**
 * The export section (spec 5.5.10): a name, a kind byte ({@code 0x00} function, {@code 0x01} table,
 * {@code 0x02} memory, {@code 0x03} global, {@code 0x04} tag) and an index; and the start section
 * (spec 5.5.11): one function index.
 *
 * @see <a href="https://webassembly.github.io/spec/core/binary/modules.html#export-section">spec 5.5.10</a>
 */
final class ExportSectionDecoder {
    private ExportSectionDecoder() {
    }

    static String exports(Decoding d) {
        WasmReader in = d.in;
        int n = in.len32();
        for (int i = 0; i < n; i++) {
            String name = in.name();
            int at = in.pos();
            ExternKind kind = switch (in.u8()) {
                case 0x00 -> ExternKind.FUNC;
                case 0x01 -> ExternKind.TABLE;
                case 0x02 -> ExternKind.MEMORY;
                case 0x03 -> ExternKind.GLOBAL;
                case 0x04 -> in.has(Feature.EXCEPTIONS) ? ExternKind.TAG : null;
                default -> null;
            };
            if (kind == null) {
                throw new MalformedException("malformed export kind", at);
            }
            d.module.addExport(new Export(name, kind, in.index()));
        }
        return SectionId.EXPORT.title;
    }

    static String start(Decoding d) {
        d.module.start(d.in.index());
        return SectionId.START.title;
    }
}
