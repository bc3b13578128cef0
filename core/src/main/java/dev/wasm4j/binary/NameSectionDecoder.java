package dev.wasm4j.binary;

import dev.wasm4j.MalformedException;
import dev.wasm4j.model.Names;

import java.util.HashMap;
import java.util.Map;

/**
 * The {@code name} custom section (spec 7.4 appendix "Name Section"): subsections in increasing id order,
 * each an id byte, a u32 size and content. wasm4j reads the module name (0), function names (1) and local
 * names (2) and skips the others. Custom sections do not affect validity, so a malformed name section is
 * ignored as a whole: {@link #decode} then returns {@link Names#EMPTY} and never throws.
 *
 * @see <a href="https://webassembly.github.io/spec/core/appendix/custom.html#name-section">spec 7.4 Name Section</a>
 */
final class NameSectionDecoder {
    private static final int MODULE = 0;
    private static final int FUNCTIONS = 1;
    private static final int LOCALS = 2;

    private NameSectionDecoder() {
    }

    /** The names in bytes {@code [start, end)}, or {@link Names#EMPTY} if they are malformed. */
    static Names decode(byte[] bytes, int start, int end) {
        try {
            return read(new WasmReader(bytes, start, end));
        } catch (MalformedException e) {
            return Names.EMPTY;
        }
    }

    private static Names read(WasmReader in) {
        String moduleName = null;
        Map<Integer, String> functions = Map.of();
        Map<Integer, Map<Integer, String>> locals = Map.of();
        int lastId = -1;
        while (!in.atEnd()) {
            int id = in.u8();
            if (id <= lastId) {
                throw in.malformed("malformed name section");
            }
            lastId = id;
            int size = in.len32();
            if (size > in.remaining()) {
                throw in.malformed("malformed name section");
            }
            int contentEnd = in.pos() + size;
            int outer = in.limit(contentEnd);
            switch (id) {
                case MODULE -> moduleName = in.name();
                case FUNCTIONS -> functions = nameMap(in);
                case LOCALS -> {
                    int n = in.len32();
                    Map<Integer, Map<Integer, String>> map = new HashMap<>();
                    int last = -1;
                    for (int i = 0; i < n; i++) {
                        int func = ascendingIndex(in, last);
                        last = func;
                        map.put(func, nameMap(in));
                    }
                    locals = map;
                }
                default -> in.pos(contentEnd);
            }
            if (in.pos() != contentEnd) {
                throw in.malformed("malformed name section");
            }
            in.limit(outer);
        }
        return new Names(moduleName, functions, locals);
    }

    /** A name map: (index, name) pairs in strictly increasing index order. */
    private static Map<Integer, String> nameMap(WasmReader in) {
        int n = in.len32();
        Map<Integer, String> map = new HashMap<>();
        int last = -1;
        for (int i = 0; i < n; i++) {
            int idx = ascendingIndex(in, last);
            last = idx;
            map.put(idx, in.name());
        }
        return map;
    }

    private static int ascendingIndex(WasmReader in, int last) {
        int idx = in.u32();
        if (idx < 0 || idx <= last) {
            throw in.malformed("malformed name section");
        }
        return idx;
    }
}
