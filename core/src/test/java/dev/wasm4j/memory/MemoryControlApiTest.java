package dev.wasm4j.memory;

import dev.wasm4j.Instance;
import dev.wasm4j.Linker;
import dev.wasm4j.MalformedException;
import dev.wasm4j.Memory;
import dev.wasm4j.TrapException;
import dev.wasm4j.WasmModule;
import dev.wasm4j.model.Feature;
import dev.wasm4j.model.Features;
import dev.wasm4j.text.Wat;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The host's side of memory control: protection applies to the Java API too, and the feature flag gates it. */
class MemoryControlApiTest {

    @Test
    void hostAccessObeysStaticProtectionUnlessPrivileged() {
        WasmModule m = WasmModule.parseText("(module (memory (export \"m\") 1 (no-access 1) (read-only 1)))");
        try (Instance i = new Linker().instantiate(m)) {
            Memory mem = i.memory("m");
            assertThrows(TrapException.class, () -> mem.readByte(0), "no-access section");
            assertThrows(TrapException.class, () -> mem.writeByte(65536, (byte) 1), "read-only section");
            assertThrows(TrapException.class, () -> mem.write(65530, new byte[16]), "straddles into read-only");
            assertThrows(TrapException.class, () -> mem.slice(65536, 4, true), "writable view of read-only bytes");
            assertEquals(0, mem.readByte(65536));
            mem.writeByte(131072, (byte) 7);

            Memory privileged = mem.privileged();
            privileged.writeByte(65536, (byte) 42);
            privileged.writeByte(0, (byte) 1);
            assertEquals(42, mem.readByte(65536), "the privileged write is visible to ordinary reads");
            assertEquals(1, privileged.readByte(0));
            assertThrows(TrapException.class, () -> privileged.readByte(3 * 65536), "still bounds-checked");
        }
    }

    @Test
    void plainMemoriesAreTheirOwnPrivilegedView() {
        WasmModule m = WasmModule.parseText("(module (memory (export \"m\") 1))");
        try (Instance i = new Linker().instantiate(m)) {
            Memory mem = i.memory("m");
            assertTrue(mem.privileged() == mem);
        }
    }

    @Test
    void withoutTheFeatureTheEncodingsAreMalformed() {
        byte[] discard = Wat.assemble("(module (memory 1) (func (memory.discard (i32.const 0) (i32.const 0))))");
        byte[] protectedMemory = Wat.assemble("(module (memory 1 (no-access 1)))");
        byte[] virtualMemory = Wat.assemble("(module (memory virtual 1))");
        byte[] tableLimits = Wat.assemble("(module (table 1 (no-access 0) (read-only 0) funcref))");
        Features strict = Features.DEFAULT.without(Feature.MEMORY_CONTROL);
        assertThrows(MalformedException.class, () -> WasmModule.parse(tableLimits, strict));
        assertThrows(MalformedException.class, () -> WasmModule.parse(discard, strict));
        assertThrows(MalformedException.class, () -> WasmModule.parse(protectedMemory, strict));
        assertThrows(MalformedException.class, () -> WasmModule.parse(virtualMemory, strict));
        assertThrows(MalformedException.class, () -> WasmModule.parse(discard, Features.STANDARD));
        WasmModule.parse(discard);
        WasmModule.parse(protectedMemory);
        WasmModule.parse(virtualMemory);
        WasmModule.parse(tableLimits);
    }
}
