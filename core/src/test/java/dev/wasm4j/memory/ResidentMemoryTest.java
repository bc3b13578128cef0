package dev.wasm4j.memory;

import dev.wasm4j.Instance;
import dev.wasm4j.Linker;
import dev.wasm4j.Value;
import dev.wasm4j.WasmModule;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * memory.discard really gives pages back: a module touches 512 MiB, discards it, and the process's resident
 * set (VmRSS) must drop by at least 99% of that; the same for a shared memory and a memory64. Closing an
 * instance gives back both its resident pages and its address-space reservation.
 */
class ResidentMemoryTest {
    private static final long MIB = 1 << 20;
    private static final long TOUCHED = 512 * MIB;

    @BeforeAll
    static void linuxOnly() {
        Assumptions.assumeTrue(ProcStatus.available() && Posix.available(), "needs Linux /proc and native memory");
    }

    private static String module(String memory, String addr) {
        return """
                (module
                  (memory (export "memory") %s)
                  (func (export "touch") (param $n %s)
                    (memory.fill (%s.const 0) (i32.const 0x5a) (local.get $n)))
                  (func (export "discard") (param $n %s)
                    (memory.discard (%s.const 0) (local.get $n)))
                  (func (export "peek") (param $a %s) (result i32) (i32.load8_u (local.get $a))))
                """.formatted(memory, addr, addr, addr, addr, addr);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"8192 8192", "8192 8192 shared", "i64 8192 8192"})
    void discardReleasesResidentPages(String memoryType) {
        String addr = memoryType.startsWith("i64") ? "i64" : "i32";
        WasmModule module = WasmModule.parseText(module(memoryType, addr));
        try (Instance instance = new Linker().instantiate(module)) {
            LinearMemory memory = (LinearMemory) instance.memory("memory");
            assertTrue(memory.isNative(), "native memory expected: " + memory.describe());
            Value n = addr.equals("i64") ? Value.i64(TOUCHED) : Value.i32((int) TOUCHED);

            instance.function("touch").call(n);
            long touchedRss = ProcStatus.rss();
            assertTrue(memory.residentBytes() >= TOUCHED, "pages resident after touching: " + memory.residentBytes());

            instance.function("discard").call(n);
            long afterRss = ProcStatus.rss();
            long released = touchedRss - afterRss;
            assertTrue(released >= TOUCHED * 99 / 100,
                    "RSS dropped by " + released / MIB + " MiB of " + TOUCHED / MIB + " MiB discarded");
            assertTrue(memory.residentBytes() < TOUCHED / 100, "resident after discard: " + memory.residentBytes());
            Value first = addr.equals("i64") ? Value.i64(0) : Value.i32(0);
            Value last = addr.equals("i64") ? Value.i64(TOUCHED - 1) : Value.i32((int) TOUCHED - 1);
            assertEquals(0, instance.function("peek").call(first)[0].asInt(), "discarded bytes read as zero");
            assertEquals(0, instance.function("peek").call(last)[0].asInt());
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"memory.discard", "memory.unmap"})
    void aVirtualMemoryReleasesResidentPages(String op) {
        String wat = """
                (module
                  (memory (export "memory") virtual 8193 8193 (no-access 1))
                  (func (export "map") (drop (memory.map readwrite (i32.const 65536) (i32.const %1$d))))
                  (func (export "touch") (memory.fill (i32.const 65536) (i32.const 0x5a) (i32.const %1$d)))
                  (func (export "release") (%2$s (i32.const 65536) (i32.const %1$d))))
                """.formatted(TOUCHED, op);
        try (Instance instance = new Linker().instantiate(WasmModule.parseText(wat))) {
            LinearMemory memory = (LinearMemory) instance.memory("memory");
            instance.function("map").call();
            instance.function("touch").call();
            long touchedRss = ProcStatus.rss();
            assertTrue(memory.residentBytes() >= TOUCHED, "resident after touching: " + memory.residentBytes());
            instance.function("release").call();
            long released = touchedRss - ProcStatus.rss();
            assertTrue(released >= TOUCHED * 99 / 100, "RSS dropped by " + released / MIB + " MiB");
            assertTrue(memory.residentBytes() < TOUCHED / 100, "resident after " + op + ": " + memory.residentBytes());
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void closingAnInstanceUnmapsItsMemory() {
        WasmModule module = WasmModule.parseText(module("4096", "i32"));
        long mappedBefore = ProcStatus.mapped();
        Instance instance = new Linker().instantiate(module);
        LinearMemory memory = (LinearMemory) instance.memory("memory");
        long reserved = memory.reservedBytes();
        long mappedWith = ProcStatus.mapped();
        assertTrue(mappedWith - mappedBefore >= reserved * 9 / 10,
                "the reservation shows in the mapped size: +" + (mappedWith - mappedBefore) / MIB + " MiB");
        instance.function("touch").call(Value.i32(256 * (int) MIB));
        long rssWith = ProcStatus.rss();

        instance.close();
        long rssAfter = ProcStatus.rss();
        assertTrue(rssWith - rssAfter >= 256 * MIB * 99 / 100, "RSS dropped by " + (rssWith - rssAfter) / MIB + " MiB");
        // The address space goes once nothing can reach the memory (code may still be running in it).
        instance = null;
        memory = null;
        long mappedAfter = ProcStatus.mapped();
        for (int i = 0; i < 50 && mappedWith - mappedAfter < reserved * 99 / 100; i++) {
            System.gc();
            sleep(20);
            mappedAfter = ProcStatus.mapped();
        }
        assertTrue(mappedWith - mappedAfter >= reserved * 99 / 100,
                "mapped size dropped by " + (mappedWith - mappedAfter) / MIB + " MiB of " + reserved / MIB);
    }
}
