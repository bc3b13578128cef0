package dev.wasm4j.memory;

import dev.wasm4j.Instance;
import dev.wasm4j.Linker;
import dev.wasm4j.Memory;
import dev.wasm4j.TrapException;
import dev.wasm4j.Value;
import dev.wasm4j.WasmModule;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Zero-copy file mapping into linear memory: what the guest sees and what reaches the file. */
class FileMappingTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void nativeOnly() {
        Assumptions.assumeTrue(Posix.available(), "needs native memory");
    }

    private static final String GUEST = """
            (module
              (memory (export "memory") %s)
              (func (export "load8") (param i32) (result i32) (i32.load8_u (local.get 0)))
              (func (export "store8") (param i32 i32) (i32.store8 (local.get 0) (local.get 1))))
            """;

    private Path file(String name, int size) throws IOException {
        byte[] b = new byte[size];
        for (int i = 0; i < size; i++) {
            b[i] = (byte) (i * 7 + 3);
        }
        return Files.write(dir.resolve(name), b);
    }

    private static int load8(Instance i, int addr) {
        return i.function("load8").call(Value.i32(addr))[0].asInt();
    }

    @Test
    void writableMappingReachesTheFile() throws IOException {
        Path f = file("rw.bin", 100_000);
        try (Instance i = new Linker().instantiate(WasmModule.parseText(GUEST.formatted("4")))) {
            Memory m = i.memory("memory");
            assertEquals(65536, m.map(f, 0, 100_000, 65536, Memory.Protection.READ_WRITE));
            assertEquals((7 * 5 + 3) & 0xFF, load8(i, 65536 + 5));
            i.function("store8").call(Value.i32(65536 + 5), Value.i32(0xEE));
            // Past the file's end, in the last mapped page: zero.
            assertEquals(0, load8(i, 65536 + 100_000));
            m.unmap(65536, 100_000);
            assertEquals(0, load8(i, 65536 + 5), "unmapping puts zero pages back");
        }
        assertEquals((byte) 0xEE, Files.readAllBytes(f)[5]);
    }

    @Test
    void discardOverAMappedFileGivesZeros() throws IOException {
        Path f = file("d.bin", 65536);
        String wat = """
                (module
                  (memory (export "memory") 4)
                  (func (export "load8") (param i32) (result i32) (i32.load8_u (local.get 0)))
                  (func (export "discard") (param i32 i32) (memory.discard (local.get 0) (local.get 1))))
                """;
        try (Instance i = new Linker().instantiate(WasmModule.parseText(wat))) {
            i.memory("memory").map(f, 0, 65536, 65536, Memory.Protection.READ);
            assertEquals(3, load8(i, 65536));
            i.function("discard").call(Value.i32(65536), Value.i32(1));
            assertEquals(0, load8(i, 65536), "discarded bytes are zero, not the file's");
        }
    }

    @Test
    void readOnlyMappingOfAPlainMemoryNeverChangesTheFile() throws IOException {
        Path f = file("ro.bin", 70_000);
        byte[] before = Files.readAllBytes(f);
        try (Instance i = new Linker().instantiate(WasmModule.parseText(GUEST.formatted("4")))) {
            i.memory("memory").map(f, 0, 70_000, 0, Memory.Protection.READ);
            assertEquals(3, load8(i, 0));
            i.function("store8").call(Value.i32(0), Value.i32(1));   // private copy-on-write page
            assertEquals(1, load8(i, 0));
        }
        assertArrayEquals(before, Files.readAllBytes(f));
    }

    @Test
    void readOnlyMappingOfAVirtualMemoryTrapsOnWrite() throws IOException {
        Path f = file("v.bin", 65536);
        try (Instance i = new Linker().instantiate(WasmModule.parseText(GUEST.formatted("virtual 4")))) {
            assertThrows(TrapException.class, () -> load8(i, 65536), "unmapped before");
            i.memory("memory").map(f, 0, 65536, 65536, Memory.Protection.READ);
            assertEquals(3, load8(i, 65536));
            TrapException t = assertThrows(TrapException.class,
                    () -> i.function("store8").call(Value.i32(65536), Value.i32(1)));
            assertEquals("out of bounds memory access", t.trapMessage());
        }
    }

    @Test
    void misalignedOrOutOfBoundsRequestsAreRefused() throws IOException {
        Path f = file("x.bin", 4096);
        try (Instance i = new Linker().instantiate(WasmModule.parseText(GUEST.formatted("1")))) {
            Memory m = i.memory("memory");
            assertThrows(IllegalArgumentException.class, () -> m.map(f, 1, 10, 0, Memory.Protection.READ));
            assertThrows(IllegalArgumentException.class, () -> m.map(f, 0, 10, 100, Memory.Protection.READ));
            assertThrows(TrapException.class, () -> m.map(f, 0, 10, 65536, Memory.Protection.READ));
            assertThrows(TrapException.class, () -> m.map(f, 0, 0, 0, Memory.Protection.READ), "size 0");
            assertThrows(IllegalArgumentException.class, () -> m.map(f, 0, 10, 0, Memory.Protection.NONE),
                    "no page table to make pages inaccessible");
            assertEquals(0, m.map(f, 0, 4096, 0, Memory.Protection.READ));
            assertThrows(TrapException.class, () -> m.map(f, 0, 4096, 0, Memory.Protection.READ),
                    "a second mapping over the first");
        }
    }
}
