package dev.wasm4j.memory;

import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The fast path's raw accesses, on whichever path this JVM's options select (all three run in the build). */
class RawMemoryTest {

    @Test
    void pathFollowsTheJvmsPermission() {
        boolean allowed = "allow".equals(System.getProperty("sun.misc.unsafe.memory.access"))
                && ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN
                && !"false".equals(System.getProperty("wasm4j.memory.unsafe"));
        assertEquals(allowed, RawMemory.direct());
    }

    @Test
    void internalAccessorFollowsTheExport() {
        boolean exported = Object.class.getModule().isExported("jdk.internal.misc", RawMemory.class.getModule());
        assertEquals(RawMemory.direct() && exported, RawMemory.internal());
    }

    @Test
    void accessesAreLittleEndianAndUnaligned() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment seg = arena.allocate(32);
            long at = seg.address() + 1;
            RawMemory.setI64(at, 0x0102030405060708L);
            assertEquals(0x08, seg.get(ValueLayout.JAVA_BYTE, 1));
            assertEquals(0x0102030405060708L, RawMemory.getI64(at));
            assertEquals(0x05060708, RawMemory.getI32(at));
            assertEquals((short) 0x0708, RawMemory.getI16(at));
            assertEquals((byte) 0x08, RawMemory.getI8(at));
            RawMemory.setI32(at + 8, 0xCAFEBABE);
            RawMemory.setI16(at + 12, (short) 0xBEEF);
            RawMemory.setI8(at + 14, (byte) 0x7F);
            assertEquals(0xCAFEBABE, seg.get(ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN), 9));
            assertEquals((short) 0xBEEF, seg.get(ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN), 13));
            assertEquals((byte) 0x7F, seg.get(ValueLayout.JAVA_BYTE, 15));
        }
    }
}
