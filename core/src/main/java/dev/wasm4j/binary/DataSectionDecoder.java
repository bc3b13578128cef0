package dev.wasm4j.binary;

import dev.wasm4j.MalformedException;
import dev.wasm4j.model.DataMode;
import dev.wasm4j.model.DataSegment;
import dev.wasm4j.model.Expr;

/**
 * The data section (spec 5.5.14): a u32 flags value, {@code 0} active in memory 0 with an offset expression,
 * {@code 1} passive, {@code 2} active with a memory index and an offset expression; then the bytes. And the
 * data count section (spec 5.5.15): the number of data segments, which {@code memory.init} and
 * {@code data.drop} need to be decoded in one pass.
 *
 * @see <a href="https://webassembly.github.io/spec/core/binary/modules.html#data-section">spec 5.5.14</a>
 */
final class DataSectionDecoder {
    private DataSectionDecoder() {
    }

    static String decode(Decoding d) {
        WasmReader in = d.in;
        int n = in.len32();
        for (int i = 0; i < n; i++) {
            int at = in.pos();
            int flags = in.u32();
            DataMode mode = switch (flags) {
                case 0 -> new DataMode.Active(0, d.constExpr());
                case 1 -> new DataMode.Passive();
                case 2 -> {
                    int memory = in.index();
                    Expr offset = d.constExpr();
                    yield new DataMode.Active(memory, offset);
                }
                default -> throw new MalformedException("malformed data segment kind", at);
            };
            int length = in.len32();
            int start = in.skip(length);
            d.module.addData(new DataSegment(mode, d.bytes, start, length));
        }
        d.dataSegments = n;
        return SectionId.DATA.title;
    }

    static String dataCount(Decoding d) {
        d.dataCount = Integer.toUnsignedLong(d.in.u32());
        return SectionId.DATA_COUNT.title;
    }
}
