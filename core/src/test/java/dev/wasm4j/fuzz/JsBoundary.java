package dev.wasm4j.fuzz;

import dev.wasm4j.ModuleException;
import dev.wasm4j.WasmModule;
import dev.wasm4j.binary.Bin;
import dev.wasm4j.internal.Internals;
import dev.wasm4j.model.AbsHeapType;
import dev.wasm4j.model.Export;
import dev.wasm4j.model.ExternKind;
import dev.wasm4j.model.FuncType;
import dev.wasm4j.model.RefType;
import dev.wasm4j.model.ValType;
import dev.wasm4j.model.VecType;
import dev.wasm4j.valid.ValidModule;

import java.io.ByteArrayOutputStream;
import java.util.HashSet;
import java.util.Set;

/**
 * What cannot cross between Wasm and JavaScript (the JS API's ToJSValue and ToWebAssemblyValue throw a
 * {@code TypeError} for a {@code v128} and an {@code exnref}), and the module rewrite that makes binaryen's
 * random modules callable from node: exported functions with such a parameter or result, and exported
 * globals of such a type, are removed from the export section, so that binaryen's interpreter, wasm4j and V8
 * all run the same module and call the same exports.
 */
final class JsBoundary {

    private static final int EXPORT_SECTION = 7;

    private JsBoundary() {
    }

    static boolean cannotCross(ValType t) {
        return t == VecType.V128 || t instanceof RefType r && r.heapType() instanceof AbsHeapType a
                && a.top() == AbsHeapType.EXN;
    }

    /** {@code bytes} without the exports JavaScript cannot call or read ({@code bytes} itself if there are none). */
    static byte[] withoutUncallableExports(byte[] bytes) {
        Set<String> uncallable;
        try {
            uncallable = uncallableExports(WasmModule.parse(bytes));
        } catch (ModuleException e) {
            return bytes; // every tier will say that it refuses the module, which is a mismatch of its own
        }
        if (uncallable.isEmpty()) {
            return bytes;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(bytes, 0, 8);
        Reader r = new Reader(bytes, 8);
        while (r.at < bytes.length) {
            int sectionStart = r.at;
            int id = r.bytes[r.at++];
            int size = (int) r.u32();
            int end = r.at + size;
            if (id == EXPORT_SECTION) {
                out.writeBytes(Bin.section(EXPORT_SECTION, keptExports(r, uncallable)));
            } else {
                out.write(bytes, sectionStart, end - sectionStart);
            }
            r.at = end;
        }
        return out.toByteArray();
    }

    private static Set<String> uncallableExports(WasmModule module) {
        ValidModule valid = Internals.valid(module);
        Set<String> names = new HashSet<>();
        for (Export e : module.exports()) {
            if (e.kind() == ExternKind.FUNC) {
                FuncType t = valid.module().functionType(e.index());
                if (t.params().stream().anyMatch(JsBoundary::cannotCross)
                        || t.results().stream().anyMatch(JsBoundary::cannotCross)) {
                    names.add(e.name());
                }
            } else if (e.kind() == ExternKind.GLOBAL && cannotCross(valid.globalType(e.index()).valType())) {
                names.add(e.name());
            }
        }
        return names;
    }

    /** The export section's content without the entries named in {@code dropped}; {@code r} is at its start. */
    private static byte[] keptExports(Reader r, Set<String> dropped) {
        long count = r.u32();
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        long keptCount = 0;
        for (long i = 0; i < count; i++) {
            int entryStart = r.at;
            int nameLength = (int) r.u32();
            String name = new String(r.bytes, r.at, nameLength, java.nio.charset.StandardCharsets.UTF_8);
            r.at += nameLength + 1; // the name and the kind byte
            r.u32(); // the index
            if (!dropped.contains(name)) {
                kept.write(r.bytes, entryStart, r.at - entryStart);
                keptCount++;
            }
        }
        return Bin.cat(Bin.u32(keptCount), kept.toByteArray());
    }

    /** A position in a module's bytes. */
    private static final class Reader {
        final byte[] bytes;
        int at;

        Reader(byte[] bytes, int at) {
            this.bytes = bytes;
            this.at = at;
        }

        long u32() {
            long value = 0;
            for (int shift = 0; ; shift += 7) {
                int b = bytes[at++] & 0xFF;
                value |= (long) (b & 0x7F) << shift;
                if (b < 0x80) {
                    return value;
                }
            }
        }
    }
}
