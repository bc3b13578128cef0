package dev.wasm4j.memory;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.Locale;
import java.util.Optional;

/**
 * The few virtual-memory calls native memories need ({@code mmap}, {@code munmap}, {@code mprotect},
 * {@code madvise}), bound through the FFM API's native linker. Linux only: the constants are Linux's (the same
 * on x86-64 and AArch64); elsewhere {@link #available()} is false and memories live on the Java heap.
 */
final class Posix {
    static final int PROT_NONE = 0;
    static final int PROT_READ = 1;
    static final int PROT_WRITE = 2;
    static final int MAP_SHARED = 0x01;
    static final int MAP_PRIVATE = 0x02;
    static final int MAP_FIXED = 0x10;
    static final int MAP_ANONYMOUS = 0x20;
    static final int MAP_NORESERVE = 0x4000;
    static final int MADV_DONTNEED = 4;
    static final int O_RDONLY = 0;
    static final int O_RDWR = 2;
    static final int O_CLOEXEC = 0x80000;
    /** The OS page size assumed for alignment; Linux on x86-64 and most AArch64 systems. */
    static final long OS_PAGE = 4096;

    private static final MethodHandle MMAP;
    private static final MethodHandle MUNMAP;
    private static final MethodHandle MPROTECT;
    private static final MethodHandle MADVISE;
    private static final MethodHandle MINCORE;
    private static final MethodHandle OPEN;
    private static final MethodHandle CLOSE;
    private static final Throwable UNAVAILABLE;

    static {
        MethodHandle mmap = null;
        MethodHandle munmap = null;
        MethodHandle mprotect = null;
        MethodHandle madvise = null;
        MethodHandle mincore = null;
        MethodHandle open = null;
        MethodHandle close = null;
        Throwable why = null;
        try {
            String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
            if (!os.contains("linux")) {
                throw new UnsupportedOperationException("native memory needs Linux, this is " + os);
            }
            Linker linker = Linker.nativeLinker();
            SymbolLookup libc = linker.defaultLookup();
            ValueLayout addr = ValueLayout.ADDRESS;
            ValueLayout i32 = ValueLayout.JAVA_INT;
            ValueLayout i64 = ValueLayout.JAVA_LONG;
            mmap = linker.downcallHandle(find(libc, "mmap"), FunctionDescriptor.of(addr, addr, i64, i32, i32, i32, i64));
            munmap = linker.downcallHandle(find(libc, "munmap"), FunctionDescriptor.of(i32, addr, i64));
            mprotect = linker.downcallHandle(find(libc, "mprotect"), FunctionDescriptor.of(i32, addr, i64, i32));
            madvise = linker.downcallHandle(find(libc, "madvise"), FunctionDescriptor.of(i32, addr, i64, i32));
            mincore = linker.downcallHandle(find(libc, "mincore"), FunctionDescriptor.of(i32, addr, i64, addr));
            open = linker.downcallHandle(find(libc, "open"), FunctionDescriptor.of(i32, addr, i32, i32),
                    Linker.Option.firstVariadicArg(2));
            close = linker.downcallHandle(find(libc, "close"), FunctionDescriptor.of(i32, i32));
        } catch (Throwable t) {
            why = t;
        }
        MMAP = mmap;
        MUNMAP = munmap;
        MPROTECT = mprotect;
        MADVISE = madvise;
        MINCORE = mincore;
        OPEN = open;
        CLOSE = close;
        UNAVAILABLE = why;
    }

    private Posix() {
    }

    private static MemorySegment find(SymbolLookup lookup, String name) {
        Optional<MemorySegment> s = lookup.find(name);
        return s.orElseThrow(() -> new UnsupportedOperationException("no symbol " + name));
    }

    /** True when native memories can be used. */
    static boolean available() {
        return UNAVAILABLE == null;
    }

    /** Why native memories cannot be used, or null. */
    static String unavailableReason() {
        return UNAVAILABLE == null ? null : UNAVAILABLE.toString();
    }

    /** {@code mmap}; returns the address, or -1 ({@code MAP_FAILED}). */
    static long mmap(long address, long length, int prot, int flags, int fd, long offset) {
        try {
            MemorySegment r = (MemorySegment) MMAP.invokeExact(MemorySegment.ofAddress(address), length, prot, flags,
                    fd, offset);
            return r.address();
        } catch (Throwable t) {
            throw new IllegalStateException("mmap failed", t);
        }
    }

    static int munmap(long address, long length) {
        try {
            return (int) MUNMAP.invokeExact(MemorySegment.ofAddress(address), length);
        } catch (Throwable t) {
            throw new IllegalStateException("munmap failed", t);
        }
    }

    static int mprotect(long address, long length, int prot) {
        try {
            return (int) MPROTECT.invokeExact(MemorySegment.ofAddress(address), length, prot);
        } catch (Throwable t) {
            throw new IllegalStateException("mprotect failed", t);
        }
    }

    static int madvise(long address, long length, int advice) {
        try {
            return (int) MADVISE.invokeExact(MemorySegment.ofAddress(address), length, advice);
        } catch (Throwable t) {
            throw new IllegalStateException("madvise failed", t);
        }
    }

    /** {@code mincore}: one byte per OS page of {@code [address, address + length)}, bit 0 set when resident. */
    static int mincore(long address, long length, MemorySegment vec) {
        try {
            return (int) MINCORE.invokeExact(MemorySegment.ofAddress(address), length, vec);
        } catch (Throwable t) {
            throw new IllegalStateException("mincore failed", t);
        }
    }

    /** {@code open(path, flags)}; returns the descriptor or -1. */
    static int open(String path, int flags) {
        try (var arena = java.lang.foreign.Arena.ofConfined()) {
            return (int) OPEN.invokeExact(arena.allocateFrom(path), flags, 0);
        } catch (Throwable t) {
            throw new IllegalStateException("open failed", t);
        }
    }

    static int close(int fd) {
        try {
            return (int) CLOSE.invokeExact(fd);
        } catch (Throwable t) {
            throw new IllegalStateException("close failed", t);
        }
    }
}
