package dev.wasm4j.binary;

import dev.wasm4j.MalformedException;
import dev.wasm4j.model.PhaseEntry;

/**
 * The phase section of the frozen proposal (wasm4j's encoding, docs/proposals/frozen.md): section id 16,
 * after the start section, a vector of entries {@code kind:u8 index:u32 phase:u32} where kind {@code 0x00}
 * gives a function's phase, {@code 0x01} a global's, and {@code 0x02} names the start function of a phase.
 */
final class PhaseSectionDecoder {
    private PhaseSectionDecoder() {
    }

    static String decode(Decoding d) {
        WasmReader in = d.in;
        int n = in.len32();
        for (int i = 0; i < n; i++) {
            int at = in.pos();
            PhaseEntry.Kind kind = PhaseEntry.Kind.of(in.u8());
            if (kind == null) {
                throw new MalformedException("malformed phase kind", at);
            }
            int index = in.index();
            int phase = in.index();
            d.module.addPhase(new PhaseEntry(kind, index, phase));
        }
        return SectionId.PHASE.title;
    }
}
