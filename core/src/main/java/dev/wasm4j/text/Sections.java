package dev.wasm4j.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The sections of the module being assembled, filled field by field, then written out in the binary
 * format's order (spec 5.5) with custom sections placed where their annotations ask and a {@code name}
 * section for the identifiers of the text.
 */
final class Sections {

    /** Section kinds in binary order, as custom-section placements name them. */
    enum Kind {
        TYPE("type", 1), IMPORT("import", 2), FUNC("func", 3), TABLE("table", 4), MEMORY("memory", 5),
        TAG("tag", 13), GLOBAL("global", 6), EXPORT("export", 7), START("start", 8), PHASE("phase", 16),
        ELEM("elem", 9),
        DATACOUNT("datacount", 12), CODE("code", 10), DATA("data", 11);

        final String keyword;
        final int id;

        Kind(String keyword, int id) {
            this.keyword = keyword;
            this.id = id;
        }

        static Kind of(String keyword) {
            return switch (keyword) {
                case "first" -> TYPE;
                case "last" -> DATA;
                default -> {
                    for (Kind k : values()) {
                        if (k.keyword.equals(keyword)) {
                            yield k;
                        }
                    }
                    yield null;
                }
            };
        }
    }

    /** A vector section's entries and their count. */
    static final class Vec {
        final ByteWriter bytes = new ByteWriter();
        int count;

        ByteWriter add() {
            count++;
            return bytes;
        }
    }

    final Vec imports = new Vec();
    final Vec funcs = new Vec();
    final Vec tables = new Vec();
    final Vec memories = new Vec();
    final Vec tags = new Vec();
    final Vec globals = new Vec();
    final Vec exports = new Vec();
    final Vec elems = new Vec();
    final Vec datas = new Vec();
    final Vec code = new Vec();
    /** The frozen proposal's phase section: function and global phases, starts of later phases. */
    final Vec phases = new Vec();
    int start = -1;
    boolean needsDataCount;

    /** A custom section from a {@code @custom} annotation: placed before or after a section kind. */
    record Custom(byte[] name, byte[] content, Kind kind, boolean after) {
    }

    final List<Custom> customs = new ArrayList<>();

    String moduleName;
    final Map<Integer, String> funcNames = new TreeMap<>();
    final Map<Integer, Map<Integer, String>> localNames = new TreeMap<>();

    /** After {@link #toBinary}: where instructions begin in the binary and in the text (see {@link ByteWriter#mark}). */
    int[] marks = new int[0];

    byte[] toBinary(Scope scope) {
        ByteWriter out = new ByteWriter(1024);
        out.u8(0).u8('a').u8('s').u8('m').u8(1).u8(0).u8(0).u8(0);
        List<Custom> placed = new ArrayList<>(customs);
        placed.sort(Comparator.comparing((Custom cs) -> cs.kind).thenComparing(cs -> cs.after));
        int next = 0;
        for (Kind k : Kind.values()) {
            while (next < placed.size() && placed.get(next).kind == k && !placed.get(next).after) {
                custom(out, placed.get(next++));
            }
            ByteWriter body = section(k, scope);
            if (body != null) {
                out.u8(k.id).sized(body);
            }
            while (next < placed.size() && placed.get(next).kind == k) {
                custom(out, placed.get(next++));
            }
        }
        nameSection(out);
        marks = out.marks();
        return out.toByteArray();
    }

    private static void custom(ByteWriter out, Custom cs) {
        ByteWriter body = new ByteWriter();
        body.name(cs.name).bytes(cs.content);
        out.u8(0).sized(body);
    }

    private static ByteWriter vec(Vec v) {
        if (v.count == 0) {
            return null;
        }
        ByteWriter w = new ByteWriter(v.bytes.size() + 5);
        w.u32(v.count).bytes(v.bytes);
        return w;
    }

    private ByteWriter section(Kind k, Scope scope) {
        return switch (k) {
            case TYPE -> {
                if (scope.groups().isEmpty()) {
                    yield null;
                }
                ByteWriter w = new ByteWriter();
                w.u32(scope.groups().size());
                for (Scope.Group g : scope.groups()) {
                    Encode.recType(w, g.rec(), g.explicit());
                }
                yield w;
            }
            case IMPORT -> vec(imports);
            case FUNC -> vec(funcs);
            case TABLE -> vec(tables);
            case MEMORY -> vec(memories);
            case TAG -> vec(tags);
            case GLOBAL -> vec(globals);
            case EXPORT -> vec(exports);
            case START -> start < 0 ? null : new ByteWriter(5).u32(start);
            case PHASE -> vec(phases);
            case ELEM -> vec(elems);
            case DATACOUNT -> needsDataCount ? new ByteWriter(5).u32(datas.count) : null;
            case CODE -> vec(code);
            case DATA -> vec(datas);
        };
    }

    /** The {@code name} custom section (spec 7.4 appendix): module, function and local names. */
    private void nameSection(ByteWriter out) {
        if (moduleName == null && funcNames.isEmpty() && localNames.isEmpty()) {
            return;
        }
        ByteWriter body = new ByteWriter();
        body.name("name");
        if (moduleName != null) {
            ByteWriter sub = new ByteWriter();
            sub.name(moduleName);
            body.u8(0).sized(sub);
        }
        if (!funcNames.isEmpty()) {
            ByteWriter sub = new ByteWriter();
            nameMap(sub, funcNames);
            body.u8(1).sized(sub);
        }
        if (!localNames.isEmpty()) {
            ByteWriter sub = new ByteWriter();
            sub.u32(localNames.size());
            localNames.forEach((func, locals) -> {
                sub.u32(func);
                nameMap(sub, locals);
            });
            body.u8(2).sized(sub);
        }
        out.u8(0).sized(body);
    }

    private static void nameMap(ByteWriter w, Map<Integer, String> names) {
        w.u32(names.size());
        names.forEach((i, n) -> {
            w.u32(i);
            w.name(n);
        });
    }
}
