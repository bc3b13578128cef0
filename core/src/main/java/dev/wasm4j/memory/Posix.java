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

    private static final Linker LINKER;
    private static final SymbolLookup LIBC;
    private static final Throwable UNAVAILABLE;

    static {
        Linker linker = null;
        SymbolLookup libc = null;
        Throwable why = null;
        try {
            String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
            if (!os.contains("linux")) {
                throw new UnsupportedOperationException("native memory needs Linux, this is " + os);
            }
            linker = Linker.nativeLinker();
            libc = linker.defaultLookup();
            for (String name : new String[] {"mmap", "munmap", "mprotect", "madvise", "mincore", "open", "close"}) {
                find(libc, name);
            }
        } catch (Throwable t) {
            why = t;
        }
        LINKER = linker;
        LIBC = libc;
        UNAVAILABLE = why;
    }

    // Each call is bound on first use (a holder class per function): making a downcall stub costs a few
    // milliseconds, and a short run needs only mmap and mprotect.
    private static final ValueLayout ADDR = ValueLayout.ADDRESS;
    private static final ValueLayout I32 = ValueLayout.JAVA_INT;
    private static final ValueLayout I64 = ValueLayout.JAVA_LONG;

    private static final class Mmap {
        static final MethodHandle H = bind("mmap", FunctionDescriptor.of(ADDR, ADDR, I64, I32, I32, I32, I64));
    }

    private static final class Munmap {
        static final MethodHandle H = bind("munmap", FunctionDescriptor.of(I32, ADDR, I64));
    }

    private static final class Mprotect {
        static final MethodHandle H = bind("mprotect", FunctionDescriptor.of(I32, ADDR, I64, I32));
    }

    private static final class Madvise {
        static final MethodHandle H = bind("madvise", FunctionDescriptor.of(I32, ADDR, I64, I32));
    }

    private static final class Mincore {
        static final MethodHandle H = bind("mincore", FunctionDescriptor.of(I32, ADDR, I64, ADDR));
    }

    private static final class Open {
        static final MethodHandle H = bind("open", FunctionDescriptor.of(I32, ADDR, I32, I32),
                Linker.Option.firstVariadicArg(2));
    }

    private static final class Close {
        static final MethodHandle H = bind("close", FunctionDescriptor.of(I32, I32));
    }

    private static MethodHandle bind(String name, FunctionDescriptor descriptor, Linker.Option... options) {
        if (UNAVAILABLE != null) {
            throw new IllegalStateException("native memory unavailable: " + UNAVAILABLE);
        }
        return LINKER.downcallHandle(find(LIBC, name), descriptor, options);
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

    /**
     * Pays the one-time cost of native memory (the FFM linker's set-up and the first downcalls, tens of
     * milliseconds cold) for the calls every memory makes: reserving ({@code mmap}), committing
     * ({@code mprotect}) and releasing ({@code madvise}). Each is called on an empty range, which changes
     * nothing (an empty mapping fails); {@code munmap}, needed only when a memory is collected, is left to
     * then, since each new call shape costs its own set-up. Safe from any thread, at any time.
     */
    static void prepare() {
        if (available()) {
            mmap(0, 0, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
            mprotect(0, 0, PROT_NONE);
            madvise(0, 0, MADV_DONTNEED);
        }
    }

    /** {@code mmap}; returns the address, or -1 ({@code MAP_FAILED}). */
    static long mmap(long address, long length, int prot, int flags, int fd, long offset) {
        try {
            MemorySegment r = (MemorySegment) Mmap.H.invokeExact(MemorySegment.ofAddress(address), length, prot, flags,
                    fd, offset);
            return r.address();
        } catch (Throwable t) {
            throw new IllegalStateException("mmap failed", t);
        }
    }

    static int munmap(long address, long length) {
        try {
            return (int) Munmap.H.invokeExact(MemorySegment.ofAddress(address), length);
        } catch (Throwable t) {
            throw new IllegalStateException("munmap failed", t);
        }
    }

    static int mprotect(long address, long length, int prot) {
        try {
            return (int) Mprotect.H.invokeExact(MemorySegment.ofAddress(address), length, prot);
        } catch (Throwable t) {
            throw new IllegalStateException("mprotect failed", t);
        }
    }

    static int madvise(long address, long length, int advice) {
        try {
            return (int) Madvise.H.invokeExact(MemorySegment.ofAddress(address), length, advice);
        } catch (Throwable t) {
            throw new IllegalStateException("madvise failed", t);
        }
    }

    /** {@code mincore}: one byte per OS page of {@code [address, address + length)}, bit 0 set when resident. */
    static int mincore(long address, long length, MemorySegment vec) {
        try {
            return (int) Mincore.H.invokeExact(MemorySegment.ofAddress(address), length, vec);
        } catch (Throwable t) {
            throw new IllegalStateException("mincore failed", t);
        }
    }

    /** {@code open(path, flags)}; returns the descriptor or -1. */
    static int open(String path, int flags) {
        try (var arena = java.lang.foreign.Arena.ofConfined()) {
            return (int) Open.H.invokeExact(arena.allocateFrom(path), flags, 0);
        } catch (Throwable t) {
            throw new IllegalStateException("open failed", t);
        }
    }

    static int close(int fd) {
        try {
            return (int) Close.H.invokeExact(fd);
        } catch (Throwable t) {
            throw new IllegalStateException("close failed", t);
        }
    }
}
