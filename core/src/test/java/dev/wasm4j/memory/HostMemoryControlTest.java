package dev.wasm4j.memory;

import dev.wasm4j.Instance;
import dev.wasm4j.LinkException;
import dev.wasm4j.Linker;
import dev.wasm4j.Memory;
import dev.wasm4j.Memory.Protection;
import dev.wasm4j.TrapException;
import dev.wasm4j.Value;
import dev.wasm4j.WasmModule;
import dev.wasm4j.model.AddrType;
import dev.wasm4j.model.Limits;
import dev.wasm4j.model.MemoryType;
import dev.wasm4j.model.MemoryType.StaticProtection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The host side of memory control ({@code Memory.discard/map/unmap/protect}, buffers, the mappable region),
 * tested like the instructions: the host acts, a guest sharing the memory observes, on native and heap
 * memories where both exist.
 */
class HostMemoryControlTest {
    private static final int PAGE = 65536;

    /** A guest that imports {@code memory} as {@code env.m} with the type {@code type} and reads and writes it. */
    private static Instance guest(Memory memory, String type) {
        String wat = """
                (module
                  (import "env" "m" (memory %s))
                  (func (export "load8") (param i32) (result i32) (i32.load8_u (local.get 0)))
                  (func (export "store8") (param i32 i32) (i32.store8 (local.get 0) (local.get 1))))
                """.formatted(type);
        return new Linker().define("env", "m", memory).instantiate(WasmModule.parseText(wat));
    }

    private static int load8(Instance i, long addr) {
        return i.function("load8").call(Value.i32((int) addr))[0].asInt();
    }

    private static void store8(Instance i, long addr, int v) {
        i.function("store8").call(Value.i32((int) addr), Value.i32(v));
    }

    private static String trap(Runnable r) {
        return assertThrows(TrapException.class, r::run).trapMessage();
    }

    private static MemoryType type(long min, long max, boolean virtual, long noAccess, long readOnly) {
        return new MemoryType(AddrType.I32, Limits.of(min, max), false, 16,
                new StaticProtection(noAccess, readOnly), virtual);
    }

    private static Memory allocate(MemoryType type, boolean heap) {
        LinearMemory m = LinearMemory.allocate(type, heap);
        m.lock();
        return m;
    }

    private static MemorySegment bytes(int n, int seed) {
        MemorySegment s = Arena.ofAuto().allocate(n);
        for (int i = 0; i < n; i++) {
            s.set(ValueLayout.JAVA_BYTE, i, (byte) (i * 31 + seed));
        }
        return s;
    }

    @ParameterizedTest(name = "heap={0}")
    @ValueSource(booleans = {false, true})
    void discardIsTheInstruction(boolean heap) {
        Memory m = allocate(type(2, 2, false, 0, 0), heap);
        try (Instance g = guest(m, "2 2")) {
            store8(g, 100, 5);
            store8(g, PAGE + 1, 6);
            m.discard(100, 1);
            assertEquals(0, load8(g, 100));
            assertEquals(6, load8(g, PAGE + 1), "only the page holding the range");
            m.discard(0, 0);
            assertEquals("out of bounds memory access", trap(() -> m.discard(PAGE, PAGE + 1)));
            assertEquals(6, load8(g, PAGE + 1), "a trapping discard changes nothing");
        }
    }

    @ParameterizedTest(name = "heap={0}")
    @ValueSource(booleans = {false, true})
    void discardRespectsStaticProtection(boolean heap) {
        Memory m = allocate(type(1, 1, false, 1, 1), heap);
        try (Instance g = guest(m, "1 1 (no-access 1) (read-only 1)")) {
            m.privileged().writeByte(PAGE, (byte) 9);
            assertEquals("out of bounds memory access", trap(() -> m.discard(0, 1)));
            assertEquals("out of bounds memory access", trap(() -> m.discard(PAGE, 1)));
            assertEquals(9, load8(g, PAGE));
            store8(g, 2 * PAGE, 1);
            m.discard(2 * PAGE, PAGE);
            assertEquals(0, load8(g, 2 * PAGE));
        }
    }

    @ParameterizedTest(name = "heap={0}")
    @ValueSource(booleans = {false, true})
    void mapUnmapProtectOnAVirtualMemory(boolean heap) {
        Memory m = allocate(type(4, 4, true, 0, 0), heap);
        try (Instance g = guest(m, "virtual 4 4")) {
            assertEquals("out of bounds memory access", trap(() -> load8(g, 0)));
            assertEquals(PAGE, m.map(PAGE + 7, 1, Protection.READ_WRITE), "the aligned start");
            store8(g, PAGE, 3);
            assertEquals("overlapping mapping", trap(() -> m.map(PAGE, 1, Protection.READ)));
            assertEquals("invalid mapping size", trap(() -> m.map(0, 0, Protection.READ)));
            assertEquals("out of bounds memory access", trap(() -> m.map(3 * PAGE, PAGE + 1, Protection.READ)));

            m.protect(PAGE, PAGE, Protection.READ);
            assertEquals(3, load8(g, PAGE));
            assertEquals("out of bounds memory access", trap(() -> store8(g, PAGE, 1)));
            m.protect(PAGE, 1, Protection.NONE);
            assertEquals("out of bounds memory access", trap(() -> load8(g, PAGE)));
            assertEquals("unmapped memory", trap(() -> m.protect(0, 2 * PAGE, Protection.READ)));

            m.unmap(0, 2 * PAGE);
            assertEquals("out of bounds memory access", trap(() -> load8(g, PAGE)));
            m.unmap(0, 2 * PAGE);
            assertEquals(PAGE, m.map(PAGE, PAGE, Protection.READ));
            assertEquals(0, load8(g, PAGE), "mapped again: zero");
        }
    }

    @Test
    void memoriesWithoutAPageTableRefuseMapAndProtect() {
        Memory m = Memory.allocate(type(1, 1, false, 0, 0));
        assertThrows(UnsupportedOperationException.class, () -> m.map(0, 1, Protection.READ));
        assertThrows(UnsupportedOperationException.class, () -> m.protect(0, 1, Protection.READ));
        assertThrows(IllegalArgumentException.class, () -> m.map(bytes(16, 0), 0, Protection.NONE));
        m.close();
    }

    @ParameterizedTest(name = "heap={0}")
    @ValueSource(booleans = {false, true})
    void aBufferMappedReadWriteGetsTheGuestsBytesBack(boolean heap) {
        Memory m = allocate(type(3, 3, false, 0, 0), heap);
        MemorySegment buffer = bytes(PAGE + 100, 1);
        byte[] before = buffer.toArray(ValueLayout.JAVA_BYTE);
        try (Instance g = guest(m, "3 3")) {
            store8(g, PAGE + PAGE + 200, 77);
            assertEquals(PAGE, m.map(buffer, PAGE, Protection.READ_WRITE));
            assertEquals(before[5] & 0xFF, load8(g, PAGE + 5), "the guest sees the buffer");
            assertEquals(0, load8(g, 2 * PAGE + 200), "the rest of the last page is zero");
            store8(g, PAGE + 5, 200);
            assertEquals(before[5], buffer.get(ValueLayout.JAVA_BYTE, 5), "copied back only when the mapping ends");
            assertEquals("overlapping mapping", trap(() -> m.map(bytes(10, 0), 2 * PAGE, Protection.READ)));

            m.unmap(PAGE, PAGE);   // the first page only
            assertEquals((byte) 200, buffer.get(ValueLayout.JAVA_BYTE, 5));
            assertEquals(0, load8(g, PAGE + 5), "unmapped pages of a plain memory are zero pages");
            store8(g, 2 * PAGE + 3, 99);
            m.discard(2 * PAGE, 1);   // ends the rest of the mapping, after copying it back
            assertEquals(99, buffer.get(ValueLayout.JAVA_BYTE, PAGE + 3));
            assertEquals(0, load8(g, 2 * PAGE + 3));
            assertEquals(before[PAGE + 4], buffer.get(ValueLayout.JAVA_BYTE, PAGE + 4));
        }
    }

    @ParameterizedTest(name = "heap={0}")
    @ValueSource(booleans = {false, true})
    void aBufferMappedReadOnlyNeverChanges(boolean heap) {
        Memory m = allocate(type(2, 2, false, 0, 0), heap);
        ByteBuffer buffer = ByteBuffer.allocate(64);
        buffer.put(0, (byte) 42);
        try (Instance g = guest(m, "2 2")) {
            m.map(buffer.asReadOnlyBuffer(), 0, Protection.READ);
            assertEquals(42, load8(g, 0));
            store8(g, 0, 1);   // no page table: the write is private to the memory
            m.unmap(0, 64);
            assertEquals(42, buffer.get(0));
            assertThrows(IllegalArgumentException.class,
                    () -> m.map(buffer.asReadOnlyBuffer(), 0, Protection.READ_WRITE));
        }
    }

    @Test
    void aBufferMappedIntoAVirtualMemoryKeepsItsProtection() {
        Memory m = allocate(type(2, 2, true, 0, 0), false);
        MemorySegment ro = bytes(PAGE, 3);
        MemorySegment rw = bytes(PAGE, 4);
        try (Instance g = guest(m, "virtual 2 2")) {
            m.map(ro, 0, Protection.READ);
            m.map(rw, PAGE, Protection.READ_WRITE);
            assertEquals(ro.get(ValueLayout.JAVA_BYTE, 9) & 0xFF, load8(g, 9));
            assertEquals("out of bounds memory access", trap(() -> store8(g, 9, 1)));
            assertEquals("read-only host mapping", trap(() -> m.protect(0, 1, Protection.READ_WRITE)));
            store8(g, PAGE + 9, 55);
            m.protect(PAGE, 1, Protection.NONE);   // the guest hides it; unmapping still copies it back
            m.unmap(0, 2 * PAGE);
            assertEquals(55, rw.get(ValueLayout.JAVA_BYTE, 9));
            assertEquals("out of bounds memory access", trap(() -> load8(g, PAGE + 9)));
        }
    }

    @Test
    void closingAMemoryCopiesWritableBuffersBack() {
        Memory m = Memory.allocate(type(1, 1, false, 0, 0));
        MemorySegment rw = bytes(8, 0);
        m.map(rw, 0, Protection.READ_WRITE);
        m.writeByte(3, (byte) -1);
        m.close();
        assertEquals(-1, rw.get(ValueLayout.JAVA_BYTE, 3));
    }

    @Test
    void theMappableRegionBoundsHostMappings() {
        Memory m = Memory.allocate(type(4, 8, false, 0, 0), 2);
        assertEquals(2L * PAGE, m.mappableBytes());
        m.map(bytes(PAGE, 0), PAGE, Protection.READ);
        assertThrows(IllegalArgumentException.class, () -> m.map(bytes(PAGE + 1, 0), PAGE, Protection.READ));
        assertThrows(IllegalArgumentException.class, () -> m.map(bytes(10, 0), 2 * PAGE, Protection.READ));
        assertThrows(IllegalArgumentException.class, () -> m.unmap(2 * PAGE, 1));
        m.unmap(0, 2 * PAGE);
        assertEquals(Long.MAX_VALUE, Memory.allocate(type(1, 1, false, 0, 0)).mappableBytes(), "unset: everything");
        // As the JS API's maplength: a maximum is required and bounds it.
        assertThrows(IllegalArgumentException.class, () -> Memory.allocate(MemoryType.of(Limits.of(1)), 1));
        assertThrows(IllegalArgumentException.class, () -> Memory.allocate(type(1, 2, false, 0, 0), 3));
        assertThrows(IllegalArgumentException.class, () -> Memory.allocate(type(1, 2, false, 0, 0), -1));
        Memory.allocate(type(1, 2, false, 0, 0), 2).close();
    }

    @Test
    void mappingsAvoidTheStaticSections() {
        Memory m = Memory.allocate(type(2, 2, false, 1, 1));
        assertEquals("out of bounds memory access", trap(() -> m.map(bytes(8, 0), 0, Protection.READ)));
        assertEquals("out of bounds memory access", trap(() -> m.map(bytes(8, 0), PAGE, Protection.READ)));
        assertEquals(2L * PAGE, m.map(bytes(8, 0), 2 * PAGE, Protection.READ));
        Memory v = Memory.allocate(type(2, 2, true, 1, 1));
        assertEquals("out of bounds memory access", trap(() -> v.map(PAGE, 1, Protection.READ)));
        assertEquals("out of bounds memory access", trap(() -> v.unmap(0, 1)));
        assertEquals(2L * PAGE, v.map(2 * PAGE, 1, Protection.READ_WRITE));
    }

    @Test
    void aHostMemoryIsLockedAndItsPrivilegedViewWritesTheReadOnlySection() {
        Memory m = Memory.allocate(type(1, 1, false, 1, 1));
        try (Instance g = guest(m, "1 1 (no-access 1) (read-only 1)")) {
            assertEquals("out of bounds memory access", trap(() -> store8(g, PAGE, 1)));
            m.privileged().writeByte(PAGE, (byte) 8);
            assertEquals(8, load8(g, PAGE));
        }
        Memory v = Memory.allocate(type(1, 1, true, 1, 1));
        try (Instance g = guest(v, "virtual 1 1 (no-access 1) (read-only 1)")) {
            Memory p = v.privileged();
            p.writeByte(0, (byte) 1);
            p.writeByte(PAGE, (byte) 2);
            assertEquals(2, load8(g, PAGE));
            assertEquals("out of bounds memory access", trap(() -> load8(g, 0)));
            assertEquals("out of bounds memory access", trap(() -> p.readByte(2 * PAGE)), "unmapped: still traps");
            v.map(2 * PAGE, 1, Protection.READ);
            assertEquals("out of bounds memory access", trap(() -> p.writeByte(2 * PAGE, (byte) 1)));
            assertEquals(0, p.readByte(2 * PAGE));
        }
    }

    @Test
    void importsCompareReadWriteLimits() {
        Memory m = Memory.allocate(type(1, 3, false, 1, 1));
        guest(m, "1 3 (no-access 1) (read-only 1)").close();
        assertThrows(LinkException.class, () -> guest(m, "2 3 (no-access 1) (read-only 1)"));
        assertEquals(3, m.grow(1));
        guest(m, "2 3 (no-access 1) (read-only 1)").close();
        assertEquals(type(1, 3, false, 1, 1), m.type());
    }

    @Test
    void aByteBufferMapsItsRemainingBytes() {
        Memory m = Memory.allocate(type(1, 1, false, 0, 0));
        ByteBuffer b = ByteBuffer.wrap(new byte[] {1, 2, 3, 4}).position(2);
        m.map(b, 0, Protection.READ_WRITE);
        assertArrayEquals(new byte[] {3, 4, 0}, m.read(0, 3));
        m.writeByte(0, (byte) 7);
        m.unmap(0, 1);
        assertArrayEquals(new byte[] {1, 2, 7, 4}, b.array());
    }
}
