package dev.wasm4j.memory;

import dev.wasm4j.Instance;
import dev.wasm4j.Linker;
import dev.wasm4j.TrapException;
import dev.wasm4j.Value;
import dev.wasm4j.WasmModule;
import dev.wasm4j.model.AddrType;
import dev.wasm4j.model.Limits;
import dev.wasm4j.model.MemoryType;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The heap fallback behaves like native memory: growth, atomics, discard, protection, I/O views. */
class HeapFallbackTest {

    private static Instance use(LinearMemory memory, String body) {
        String memType = memory.type().shared() ? "1 4 shared" : "1 4";
        String wat = "(module (import \"env\" \"m\" (memory " + memType + ")) " + body + ")";
        return new Linker().define("env", "m", memory).instantiate(WasmModule.parseText(wat));
    }

    @Test
    void atomicsGrowthAndDiscardOnTheHeap() {
        LinearMemory m = LinearMemory.allocate(MemoryType.of(AddrType.I32, Limits.of(1, 4), true), true);
        assertFalse(m.isNative());
        try (Instance i = use(m, """
                (func (export "add") (param i32 i32) (result i32) (i32.atomic.rmw.add (local.get 0) (local.get 1)))
                (func (export "add8") (param i32 i32) (result i32) (i32.atomic.rmw8.add_u (local.get 0) (local.get 1)))
                (func (export "cas") (param i32 i32 i32) (result i32)
                  (i32.atomic.rmw.cmpxchg (local.get 0) (local.get 1) (local.get 2)))
                (func (export "load64") (param i32) (result i64) (i64.atomic.load (local.get 0)))
                (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0)))
                (func (export "discard") (param i32 i32) (memory.discard (local.get 0) (local.get 1)))
                (func (export "notify") (param i32) (result i32) (memory.atomic.notify (local.get 0) (i32.const 1)))
                """)) {
            assertEquals(0, i.call("add", Value.i32(8), Value.i32(5))[0].asInt());
            assertEquals(5, i.call("add", Value.i32(8), Value.i32(1))[0].asInt());
            assertEquals(6, i.call("cas", Value.i32(8), Value.i32(6), Value.i32(9))[0].asInt());
            assertEquals(9, i.call("add8", Value.i32(8), Value.i32(250))[0].asInt());
            assertEquals(3L, i.call("load64", Value.i32(8))[0].asLong(), "9 + 250 wraps to 3 in the low byte");
            assertThrows(TrapException.class, () -> i.call("add", Value.i32(2), Value.i32(1)), "unaligned");
            assertEquals(1, i.call("grow", Value.i32(1))[0].asInt());
            assertEquals(0, i.call("add", Value.i32(65536 + 4), Value.i32(1))[0].asInt());
            i.call("discard", Value.i32(0), Value.i32(65536 * 2));
            assertEquals(0L, i.call("load64", Value.i32(8))[0].asLong());
            assertEquals(0, i.call("notify", Value.i32(0))[0].asInt());
        }
    }

    @Test
    void slicesMapOntoByteBuffersForIo() {
        LinearMemory m = LinearMemory.allocate(MemoryType.of(Limits.of(1)), true);
        ByteBuffer b = m.slice(16, 8, true).asByteBuffer();
        b.put(0, (byte) 42);
        assertEquals(42, m.readByte(16));
    }

    @Test
    void protectionOnTheHeap() {
        MemoryType t = new MemoryType(AddrType.I32, Limits.of(1, 4), false, 16,
                new MemoryType.StaticProtection(1, 1), false);
        LinearMemory m = LinearMemory.allocate(t, true);
        m.lock();
        assertThrows(TrapException.class, () -> m.readByte(0));
        assertThrows(TrapException.class, () -> m.writeByte(65536, (byte) 1));
        m.writeByte(131072, (byte) 1);
        assertEquals(1, m.readByte(131072));
    }
}
