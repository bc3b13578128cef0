package dev.wasm4j.binary;

import dev.wasm4j.model.Feature;
import dev.wasm4j.model.Features;

/**
 * The section ids of the binary format (spec 5.5.2) with the order in which non-custom sections must appear
 * (spec 5.5.16): the tag section sits between memory and global, the data count section before code, and
 * the frozen proposal's phase section (id 16, wasm4j's choice, docs/proposals/frozen.md) after start.
 *
 * @see <a href="https://webassembly.github.io/spec/core/binary/modules.html#sections">spec 5.5.2 Sections</a>
 */
enum SectionId {
    CUSTOM(0, "custom", 0),
    TYPE(1, "type", 1),
    IMPORT(2, "import", 2),
    FUNCTION(3, "function", 3),
    TABLE(4, "table", 4),
    MEMORY(5, "memory", 5),
    TAG(13, "tag", 6),
    GLOBAL(6, "global", 7),
    EXPORT(7, "export", 8),
    START(8, "start", 9),
    PHASE(16, "phase", 10),
    ELEMENT(9, "element", 11),
    DATA_COUNT(12, "datacount", 12),
    CODE(10, "code", 13),
    DATA(11, "data", 14);

    private static final SectionId[] BY_ID = new SectionId[17];

    static {
        for (SectionId s : values()) {
            BY_ID[s.id] = s;
        }
    }

    final int id;
    final String title;
    /** Position in the required order; custom sections (0) may appear anywhere. */
    final int rank;

    SectionId(int id, String title, int rank) {
        this.id = id;
        this.title = title;
        this.rank = rank;
    }

    /** The section with this id byte, or null if there is none (or its feature is off). */
    static SectionId of(int id, Features features) {
        if (id >= BY_ID.length) {
            return null;
        }
        SectionId s = BY_ID[id];
        if (s == TAG && !features.has(Feature.EXCEPTIONS) || s == PHASE && !features.has(Feature.FROZEN)) {
            return null;
        }
        return s;
    }
}
