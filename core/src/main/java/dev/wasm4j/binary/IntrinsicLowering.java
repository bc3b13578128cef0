package dev.wasm4j.binary;

import dev.wasm4j.model.AddrType;
import dev.wasm4j.model.Export;
import dev.wasm4j.model.ExternKind;
import dev.wasm4j.model.Features;
import dev.wasm4j.model.FuncType;
import dev.wasm4j.model.Function;
import dev.wasm4j.model.Module;
import dev.wasm4j.model.NumType;
import dev.wasm4j.model.SectionInfo;

import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Lets C (or any language compiled to Wasm) use the memory control instructions before compilers know them:
 * the program defines a stub function and exports it under an intrinsic's name; this step replaces the
 * stub's body with the instruction itself, so every call to the stub runs it.
 *
 * <pre>{@code
 * __attribute__((noinline, export_name("__wasm4j_memory_discard")))
 * void __wasm4j_memory_discard(void *addr, size_t size) { ... a body the optimizer keeps ... }
 * }</pre>
 *
 * <p>A stub is found by its export name, or by its name in the {@code name} section (a command's exports
 * are wrappers around the function the program calls). Intrinsics: {@code __wasm4j_memory_discard}
 * ({@code [addr size] -> []}, memory 0). The stub's type must match the instruction's, with memory 0's
 * address type.
 */
public final class IntrinsicLowering {
    public static final String MEMORY_DISCARD = "__wasm4j_memory_discard";

    private IntrinsicLowering() {
    }

    /** The binary with every intrinsic stub's body replaced; throws IllegalArgumentException on a type mismatch. */
    public static byte[] lower(byte[] binary) {
        Module m = ModuleDecoder.decode(binary, Features.DEFAULT);
        Map<Integer, byte[]> bodies = new HashMap<>();
        for (Export e : m.exports()) {
            if (e.kind() == ExternKind.FUNC && e.name().equals(MEMORY_DISCARD) && e.index() >= m.importedFunctionCount()) {
                bodies.put(e.index() - m.importedFunctionCount(), discardBody(m, e.index()));
            }
        }
        // A command's exports are wrappers (wasm-ld's ".command_export"): the function the program calls is
        // found by its own name in the name section.
        m.names().functionNames().forEach((index, name) -> {
            if (name.equals(MEMORY_DISCARD) && index >= m.importedFunctionCount()) {
                bodies.put(index - m.importedFunctionCount(), discardBody(m, index));
            }
        });
        if (bodies.isEmpty()) {
            return binary;
        }
        SectionInfo code = m.sections().stream().filter(s -> s.id() == 10).findFirst().orElseThrow();
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        List<Function> fs = m.functions();
        leb(content, fs.size());
        for (int i = 0; i < fs.size(); i++) {
            byte[] body = bodies.get(i);
            if (body == null) {
                // Keep the original entry: its locals and body, from the start of the entry to the end.
                int entryStart = entryStart(binary, code, i);
                int entryEnd = fs.get(i).body().end();
                body = java.util.Arrays.copyOfRange(binary, entryStart, entryEnd);
            }
            leb(content, body.length);
            content.writeBytes(body);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int sizeStart = sizeFieldOf(binary, code);
        out.write(binary, 0, sizeStart);
        leb(out, content.size());
        out.writeBytes(content.toByteArray());
        out.write(binary, code.offset() + code.size(), binary.length - code.offset() - code.size());
        return out.toByteArray();
    }

    private static byte[] discardBody(Module m, int funcIndex) {
        if (m.memoryTypes().isEmpty()) {
            throw new IllegalArgumentException(MEMORY_DISCARD + " needs a memory");
        }
        NumType addr = m.memoryTypes().getFirst().addrType() == AddrType.I64 ? NumType.I64 : NumType.I32;
        FuncType t = m.functionType(funcIndex);
        if (!t.params().equals(List.of(addr, addr)) || !t.results().isEmpty()) {
            throw new IllegalArgumentException(MEMORY_DISCARD + " must have type [" + addr + " " + addr + "] -> [], has " + t);
        }
        // no locals; local.get 0; local.get 1; memory.discard 0; end
        return new byte[] {0x00, 0x20, 0x00, 0x20, 0x01, (byte) 0xFC, 0x12, 0x00, 0x0B};
    }

    /** Offset of function {@code i}'s entry (its locals) in the code section: after the entry's size. */
    private static int entryStart(byte[] binary, SectionInfo code, int index) {
        WasmReader r = new WasmReader(binary, code.offset(), code.offset() + code.size());
        int n = r.u32();
        for (int i = 0; i < n; i++) {
            int size = r.u32();
            int start = r.pos();
            if (i == index) {
                return start;
            }
            r.pos(start + size);
        }
        throw new IllegalStateException("no code entry " + index);
    }

    private static void leb(ByteArrayOutputStream out, long v) {
        do {
            int b = (int) (v & 0x7F);
            v >>>= 7;
            out.write(v != 0 ? b | 0x80 : b);
        } while (v != 0);
    }

    /** Where the size of {@code section} starts: just after its id byte (sizes may be padded LEB128). */
    private static int sizeFieldOf(byte[] binary, SectionInfo section) {
        WasmReader r = new WasmReader(binary, 8, binary.length);
        while (!r.atEnd()) {
            r.u8();
            int sizeAt = r.pos();
            int size = r.u32();
            if (r.pos() == section.offset()) {
                return sizeAt;
            }
            r.pos(r.pos() + size);
        }
        throw new IllegalStateException("section not found");
    }
}
