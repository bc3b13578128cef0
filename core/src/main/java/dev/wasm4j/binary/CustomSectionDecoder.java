package dev.wasm4j.binary;

import dev.wasm4j.model.CustomSection;

/**
 * Custom sections (spec 5.5.3): a name, then bytes that do not affect the module's meaning. Each is kept as a
 * {@link CustomSection}; the first one named {@code name} is also read by {@link NameSectionDecoder}.
 *
 * @see <a href="https://webassembly.github.io/spec/core/binary/modules.html#custom-section">spec 5.5.3</a>
 */
final class CustomSectionDecoder {
    private CustomSectionDecoder() {
    }

    /** Reads the section's name and content; returns its name. */
    static String decode(Decoding d, int size) {
        WasmReader in = d.in;
        int start = in.pos();
        String name = in.name();
        // The name may overrun a too small size; skipping a negative length is then an unexpected end.
        int length = size - (in.pos() - start);
        int at = in.skip(length);
        d.module.addCustomSection(new CustomSection(name, d.bytes, at, at + length));
        if (name.equals("name") && !d.namesSeen) {
            d.namesSeen = true;
            d.module.names(NameSectionDecoder.decode(d.bytes, at, at + length));
        }
        return name;
    }
}
