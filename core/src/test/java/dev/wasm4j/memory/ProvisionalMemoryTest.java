package dev.wasm4j.memory;

import dev.wasm4j.Engine;
import dev.wasm4j.EngineConfig;
import dev.wasm4j.Instance;
import dev.wasm4j.Linker;
import dev.wasm4j.Value;
import dev.wasm4j.WasmModule;
import dev.wasm4j.model.AddrType;
import dev.wasm4j.model.Limits;
import dev.wasm4j.model.MemoryType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A memory made while native memory's set-up is still running starts on the heap and settles into native
 * memory, bytes and all, before compiled code first runs or the memory grows ({@link LinearMemory#settle}).
 */
class ProvisionalMemoryTest {

    private static LinearMemory provisional() {
        LinearMemory m = LinearMemory.provisional(MemoryType.of(AddrType.I32, Limits.of(1, 4), false));
        assertTrue(m.provisional());
        assertFalse(m.isNative());
        return m;
    }

    @Test
    void settlingMovesTheBytesIntoNativeMemory() {
        LinearMemory m = provisional();
        m.storeI32(100, 0x12345678);
        m.storeI8(65535, (byte) 7);
        m.settle();
        assertFalse(m.provisional());
        assertTrue(m.isNative(), m.describe());
        assertEquals(0x12345678, m.loadI32(100));
        assertEquals(7, m.loadI8(65535));
        assertEquals(65536, m.bufLimit, "compiled code's fast path is open");
        m.settle();   // a second time: nothing to do
        assertEquals(0x12345678, m.loadI32(100));
    }

    @Test
    void onlySmallPlainUnsharedMemoriesStartOnTheHeap() {
        assertTrue(LinearMemory.canBeProvisional(MemoryType.of(AddrType.I32, Limits.of(2, 100), false)));
        assertFalse(LinearMemory.canBeProvisional(MemoryType.of(AddrType.I32, Limits.of(258, 300), false)),
                "a 16 MiB memory would be held twice while it settles");
        assertFalse(LinearMemory.canBeProvisional(MemoryType.of(AddrType.I32, Limits.of(2, 100), true)), "shared");
    }

    @Test
    void growingAndAtomicsSettleFirst() {
        LinearMemory m = provisional();
        m.storeI64(8, -2L);
        assertEquals(1, m.grow(1));
        assertTrue(m.isNative());
        assertEquals(-2L, m.loadI64(8));
        assertEquals(0, m.loadI32(65536 + 12), "the new page is zero");
        LinearMemory a = provisional();
        a.atomics();
        assertTrue(a.isNative());
    }

    private static final String MODULE = """
            (module (import "env" "m" (memory 1 4))
              (func (export "swap") (param i32 i32) (result i32)
                (i32.load (local.get 0))
                (i32.store (local.get 0) (local.get 1))))
            """;

    @ParameterizedTest
    @EnumSource(value = Engine.class, names = {"COMPILER", "INTERPRETER"})
    void compiledCodeSettlesItsInstancesMemoriesBeforeItRunsAndTheInterpreterWorksOnTheHeap(Engine engine) {
        LinearMemory m = provisional();
        m.storeI32(16, 41);
        try (Instance i = new Linker(EngineConfig.of(engine)).define("env", "m", m)
                .instantiate(WasmModule.parseText(MODULE))) {
            assertEquals(41, i.call("swap", Value.i32(16), Value.i32(42))[0].asInt());
            assertEquals(engine == Engine.COMPILER, m.isNative(), "settled before a compiled call, not otherwise");
            assertEquals(42, m.loadI32(16));
        }
    }
}
