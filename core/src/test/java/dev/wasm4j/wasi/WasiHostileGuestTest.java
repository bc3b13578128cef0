package dev.wasm4j.wasi;

import dev.wasm4j.ExitException;
import dev.wasm4j.TrapException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A guest that passes bad pointers, lengths off the end of memory, invalid descriptors, huge iovec counts
 * and malformed paths: every call ends in an errno (never a Java exception), and no descriptor leaks.
 */
class WasiHostileGuestTest {
    private static final int DIR = 3;
    private static final long END = Harness.PAGES * 65536L;

    @TempDir
    Path temp;

    private Harness harness() throws IOException {
        Files.writeString(temp.resolve("file.txt"), "hello");
        Files.createDirectories(temp.resolve("sub/deeper"));
        return new Harness(WasiConfig.of("t").withPreopen(temp, "."));
    }

    @Test
    void badPointersAreEfault() throws IOException {
        try (Harness h = harness()) {
            assertEquals(Errno.FAULT, h.errno("args_sizes_get", END - 2, 0));
            assertEquals(Errno.FAULT, h.errno("args_get", -1, 0));
            assertEquals(Errno.FAULT, h.errno("clock_time_get", 1, 0, END - 7));
            assertEquals(Errno.FAULT, h.errno("random_get", END - 10, 11));
            assertEquals(Errno.SUCCESS, h.errno("random_get", END - 10, 10));
            assertEquals(Errno.FAULT, h.errno("fd_fdstat_get", 1, END));
            assertEquals(Errno.FAULT, h.errno("fd_prestat_dir_name", DIR, END, 10));
            assertEquals(Errno.FAULT, h.errno("path_open", DIR, 0, END - 2, 8, 0, Rights.ALL, 0, 0, 512));
            assertEquals(Errno.FAULT, h.errno("fd_readdir", DIR, END - 100, 200, 0, 0));
            // an iovec whose buffer runs off the end
            h.memory.writeInt(0, (int) (END - 4));
            h.memory.writeInt(4, 8);
            assertEquals(Errno.FAULT, h.errno("fd_write", 1, 0, 1, 16));
            assertEquals(Errno.FAULT, h.errno("fd_read", 0, 0, 1, 16));
            // the result pointer is checked before any byte moves
            h.memory.writeInt(4, 4);
            int fd = h.open(DIR, "file.txt", 0, Rights.ALL, true);
            assertEquals(Errno.FAULT, h.errno("fd_read", fd, 0, 1, END - 2));
            assertEquals(Errno.SUCCESS, h.errno("fd_read", fd, 0, 1, 16));
            assertEquals(4, h.memory.readInt(16));
        }
    }

    @Test
    void hugeIovecCounts() throws IOException {
        try (Harness h = harness()) {
            // 16383 empty iovecs covering the whole memory: fine, nothing written
            assertEquals(Errno.SUCCESS, h.errno("fd_write", 1, 0, END / 8 - 1, END - 4));
            assertEquals(0, h.memory.readInt(END - 4));
            assertEquals(Errno.FAULT, h.errno("fd_write", 1, 0, 0xFFFFFFFFL, 16));
            assertEquals(Errno.FAULT, h.errno("fd_read", 0, 0, 0x20000000L, 16));
            int fd = h.open(DIR, "file.txt", 0, Rights.ALL, true);
            assertEquals(Errno.FAULT, h.errno("fd_pwrite", fd, 0, 0x7FFFFFFFL, 0, 16));
        }
    }

    @Test
    void invalidDescriptorsAreEbadf() throws IOException {
        try (Harness h = harness()) {
            for (int fd : new int[] {-1, 4, 99, 1 << 20, Integer.MAX_VALUE}) {
                assertEquals(Errno.BADF, h.errno("fd_write", fd, 0, 0, 16));
                assertEquals(Errno.BADF, h.errno("fd_read", fd, 0, 0, 16));
                assertEquals(Errno.BADF, h.errno("fd_close", fd));
                assertEquals(Errno.BADF, h.errno("fd_seek", fd, 0, 0, 16));
                assertEquals(Errno.BADF, h.errno("fd_renumber", fd, 1));
                assertEquals(Errno.BADF, h.errno("fd_renumber", 1, fd));
            }
            assertEquals(Errno.SPIPE, h.errno("fd_seek", 1, 0, 0, 16));
            assertEquals(Errno.SPIPE, h.errno("fd_pread", 0, 0, 0, 0, 16));
            assertEquals(Errno.INVAL, h.errno("fd_seek", h.open(DIR, "file.txt", 0, Rights.ALL, true), -10, 0, 16));
            assertEquals(Errno.INVAL, h.errno("clock_time_get", 99, 0, 16));
            assertEquals(Errno.INVAL, h.errno("poll_oneoff", 0, 1024, 0, 16));
            assertEquals(Errno.NOTSOCK, h.errno("sock_accept", 1, 0, 16));
            assertEquals(Errno.BADF, h.errno("sock_send", 77, 0, 0, 0, 16));
        }
    }

    @Test
    void malformedPaths() throws IOException {
        try (Harness h = harness()) {
            h.memory.write(1024, new byte[] {'a', (byte) 0xFF, (byte) 0xFE, 'b'});
            assertEquals(Errno.ILSEQ, h.errno("path_open", DIR, 0, 1024, 4, Rights.O_CREAT, Rights.ALL, 0, 0, 512));
            h.memory.write(1024, new byte[] {(byte) 0xC0, (byte) 0x80});
            assertEquals(Errno.ILSEQ, h.errno("path_create_directory", DIR, 1024, 2));
            h.memory.write(1024, new byte[] {'a', 0, 'b'});
            assertEquals(Errno.INVAL, h.errno("path_unlink_file", DIR, 1024, 3));
            assertEquals(Errno.NOENT, h.errno("path_open", DIR, 0, 1024, 0, 0, Rights.ALL, 0, 0, 512));
            assertEquals(Errno.NAMETOOLONG, h.errno("path_open", DIR, 0, 0, 100_000, 0, Rights.ALL, 0, 0, 512));
            try (var s = Files.list(temp)) {
                assertEquals(2, s.count(), "nothing created besides file.txt and sub");
            }
        }
    }

    @Test
    void everyFunctionWithRandomArgumentsReturnsAnErrno() throws IOException {
        SplittableRandom random = new SplittableRandom(42);
        long[] interesting = {0, 1, 2, 3, 4, 5, -1, 8, 64, 4096, END - 1, END, END + 1, 0x7FFFFFFF, 0xFFFFFFFFL,
                Long.MAX_VALUE, Long.MIN_VALUE};
        Map<String, String> sigs = new TreeMap<>(Wasi.signatures());
        sigs.remove("proc_exit");
        sigs.remove("poll_oneoff"); // random clock subscriptions could sleep for years; tested on its own
        try (Harness h = harness()) {
            for (int round = 0; round < 300; round++) {
                for (var e : sigs.entrySet()) {
                    long[] args = new long[e.getValue().length()];
                    for (int i = 0; i < args.length; i++) {
                        args[i] = random.nextInt(3) == 0 ? random.nextLong() : interesting[random.nextInt(interesting.length)];
                    }
                    int r = h.call(e.getKey(), args);
                    assertTrue(r >= 0 && r < Errno.values().length, e.getKey() + " returned " + r);
                }
            }
        }
    }

    @Test
    void pollWithClocksAndDescriptors() throws IOException {
        try (Harness h = harness()) {
            // subscription 0: relative monotonic clock, 1 ms; subscription 1: fd_write on stdout
            h.memory.writeLong(0, 11);
            h.memory.writeByte(8, (byte) 0);
            h.memory.writeInt(16, 1);
            h.memory.writeLong(24, 1_000_000_000);
            h.memory.writeLong(48, 22);
            h.memory.writeByte(56, (byte) 2);
            h.memory.writeInt(64, 1);
            assertEquals(Errno.SUCCESS, h.errno("poll_oneoff", 0, 1024, 2, 2000));
            assertEquals(1, h.memory.readInt(2000));
            assertEquals(22, h.memory.readLong(1024));
            h.memory.writeLong(24, 1_000_000);
            long start = System.nanoTime();
            assertEquals(Errno.SUCCESS, h.errno("poll_oneoff", 0, 1024, 1, 2000));
            assertTrue(System.nanoTime() - start >= 1_000_000);
            assertEquals(11, h.memory.readLong(1024));
            // a bad descriptor is reported in its event, not as the call's errno
            h.memory.writeInt(64, 99);
            assertEquals(Errno.SUCCESS, h.errno("poll_oneoff", 48, 1024, 1, 2000));
            assertEquals(Errno.BADF.code(), h.memory.readByte(1024 + 8));
            assertEquals(Errno.FAULT, h.errno("poll_oneoff", END - 40, 1024, 1, 2000));
        }
    }

    @Test
    void procExitEndsTheGuest() throws IOException {
        try (Harness h = harness()) {
            ExitException e = assertThrows(ExitException.class, () -> h.call("proc_exit", 7));
            assertEquals(7, e.exitCode());
        }
    }

    @Test
    void noDescriptorLeaks() throws IOException {
        try (Harness h = harness()) {
            long before = openFds();
            for (int i = 0; i < 10_000; i++) {
                int fd = h.open(DIR, "file.txt", 0, Rights.ALL, true);
                assertEquals(DIR + 1, fd, "lowest free descriptor");
                assertEquals(Errno.SUCCESS, h.errno("fd_close", fd));
                // walks through directories, and walks that fail half-way, close what they opened
                if (i % 10 != 0) {
                    continue;
                }
                assertEquals(-Errno.NOENT.code(), h.open(DIR, "sub/deeper/../missing/x", 0, Rights.ALL, true));
                int dir = h.open(DIR, "sub/./deeper", Rights.O_DIRECTORY, Rights.DIRECTORY, true);
                assertEquals(DIR + 1, dir);
                assertEquals(Errno.SUCCESS, h.errno("fd_close", dir));
            }
            // (other tests' streams may be closed by the GC meanwhile, so the count may only go down)
            assertTrue(openFds() <= before, "open descriptors of the JVM after 10,000 cycles");
            assertEquals(0, openFds(temp.resolve("file.txt")), "descriptors on the file");
            // descriptors left open by the guest are closed with the Wasi
            for (int i = 0; i < 100; i++) {
                assertTrue(h.open(DIR, "file.txt", 0, Rights.ALL, true) > DIR);
            }
        }
        assertEquals(0, openFds(temp.resolve("file.txt")), "descriptors on the file after close");
    }

    @Test
    void notAJavaExceptionWhenTheGuestHasNoMemory() {
        var wasi = new Wasi(WasiConfig.of());
        var module = dev.wasm4j.WasmModule.parseText("""
                (module (import "wasi_snapshot_preview1" "fd_write" (func $w (param i32 i32 i32 i32) (result i32)))
                  (func (export "f") (result i32) (call $w (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 0))))""");
        try (var inst = wasi.define(new dev.wasm4j.Linker()).instantiate(module)) {
            assertEquals(Errno.FAULT.code(), inst.call("f")[0].asInt());
        } catch (TrapException e) {
            throw new AssertionError(e);
        }
    }

    /** Open descriptors of this JVM (Linux). */
    private static long openFds() throws IOException {
        try (var s = Files.list(Path.of("/proc/self/fd"))) {
            return s.count();
        }
    }

    /** Open descriptors of this JVM on {@code file}. */
    private static long openFds(Path file) throws IOException {
        Path real = file.toRealPath();
        try (var s = Files.list(Path.of("/proc/self/fd"))) {
            return s.filter(fd -> {
                try {
                    return Files.readSymbolicLink(fd).equals(real);
                } catch (IOException e) {
                    return false;
                }
            }).count();
        }
    }
}
