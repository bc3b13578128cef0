package dev.wasm4j.memory;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.ref.Cleaner;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Memory reserved from the OS: the whole capacity is reserved once with {@code mmap(PROT_NONE)}, growth
 * commits pages in place with {@code mprotect}, so the memory never moves. {@code madvise(MADV_DONTNEED)}
 * gives pages back (they read as zero afterwards). The segment belongs to a shared arena: closing it waits
 * until no thread is inside an access through it. Compiled code and the memory's fast path also reach the
 * pages without the arena (see {@code LinearMemory.RAW}), and such code may still be running when the
 * memory is closed, so closing gives every page back to the OS but keeps the reservation mapped: the
 * address space is unmapped only once the memory is unreachable, when no code can touch it any more.
 */
final class NativeStorage implements Storage {
    private static final Cleaner CLEANER = Cleaner.create();
    /** {@code -Dwasm4j.memory=heap} keeps every memory on the Java heap (for comparisons and odd hosts). */
    private static final boolean ENABLED = !"heap".equals(System.getProperty("wasm4j.memory"));

    private final long base;
    private final long capacity;
    private final Arena arena;
    private final MemorySegment segment;

    /** Set once the reservation is unmapped, by {@link #close()} or by the cleaner. */
    private final AtomicBoolean released;

    private NativeStorage(long base, long capacity) {
        this.base = base;
        this.capacity = capacity;
        this.arena = Arena.ofShared();
        this.segment = MemorySegment.ofAddress(base).reinterpret(capacity, arena, null);
        this.released = new AtomicBoolean();
    }

    /**
     * Reserves {@code capacity} bytes and commits the first {@code initialBytes}; null when the OS refuses.
     * {@code owner} is the object whose unreachability frees the reservation.
     */
    static NativeStorage reserve(long capacity, long initialBytes, Object owner) {
        if (!Posix.available() || !ENABLED) {
            return null;
        }
        long size = Math.max(roundUp(capacity), Posix.OS_PAGE);
        long addr = Posix.mmap(0, size, Posix.PROT_NONE,
                Posix.MAP_PRIVATE | Posix.MAP_ANONYMOUS | Posix.MAP_NORESERVE, -1, 0);
        if (addr == -1 || addr == 0) {
            return null;
        }
        NativeStorage s = new NativeStorage(addr, size);
        if (initialBytes > 0 && !s.commit(0, initialBytes)) {
            s.arena.close();
            s.released.set(true);
            Posix.munmap(addr, size);
            return null;
        }
        // An unreachable memory can no longer be accessed, so the cleaner unmaps without closing the arena
        // (closing a shared arena costs a handshake with every thread).
        AtomicBoolean released = s.released;
        long size2 = s.capacity;
        CLEANER.register(owner, () -> {
            if (released.compareAndSet(false, true)) {
                Posix.munmap(addr, size2);
            }
        });
        return s;
    }

    static long roundUp(long bytes) {
        return (bytes + Posix.OS_PAGE - 1) & -Posix.OS_PAGE;
    }

    static long roundDown(long bytes) {
        return bytes & -Posix.OS_PAGE;
    }

    long base() {
        return base;
    }

    @Override
    public MemorySegment segment() {
        return segment;
    }

    @Override
    public long capacity() {
        return capacity;
    }

    @Override
    public boolean commit(long oldBytes, long newBytes) {
        long from = roundUp(oldBytes);
        long to = roundUp(newBytes);
        if (to > capacity) {
            return false;
        }
        return to <= from || protect(from, to - from, Posix.PROT_READ | Posix.PROT_WRITE);
    }

    /** Changes the protection of whole OS pages in {@code [start, start + len)}. */
    boolean protect(long start, long len, int prot) {
        return Posix.mprotect(base + start, len, prot) == 0;
    }

    @Override
    public void discard(long start, long len) {
        long end = start + len;
        long from = roundUp(start);
        long to = roundDown(end);
        if (from >= to) {
            segment.asSlice(start, len).fill((byte) 0);
            return;
        }
        if (from > start) {
            segment.asSlice(start, from - start).fill((byte) 0);
        }
        if (Posix.madvise(base + from, to - from, Posix.MADV_DONTNEED) != 0) {
            segment.asSlice(from, to - from).fill((byte) 0);
        }
        if (end > to) {
            segment.asSlice(to, end - to).fill((byte) 0);
        }
    }

    /** Replaces {@code [start, start + len)} (whole OS pages) with fresh anonymous zero pages. */
    boolean remapAnonymous(long start, long len, int prot) {
        long r = Posix.mmap(base + start, len, prot, Posix.MAP_PRIVATE | Posix.MAP_ANONYMOUS | Posix.MAP_FIXED
                | Posix.MAP_NORESERVE, -1, 0);
        return r == base + start;
    }

    /** Maps {@code len} bytes of the open file {@code fd} at {@code fileOffset} over {@code [start, ...)}. */
    boolean mapFile(long start, long len, int fd, long fileOffset, int prot, boolean shared) {
        long r = Posix.mmap(base + start, len, prot, (shared ? Posix.MAP_SHARED : Posix.MAP_PRIVATE) | Posix.MAP_FIXED,
                fd, fileOffset);
        return r == base + start;
    }

    @Override
    public long residentBytes(long bytes) {
        return residentBytes(0, bytes);
    }

    /** Bytes of {@code [start, start + bytes)} ({@code start} a multiple of the OS page) in physical memory. */
    long residentBytes(long start, long bytes) {
        long len = roundUp(bytes);
        if (len == 0) {
            return 0;
        }
        long pages = len / Posix.OS_PAGE;
        long resident = 0;
        try (Arena a = Arena.ofConfined()) {
            long chunkPages = 1 << 20;
            MemorySegment vec = a.allocate(Math.min(pages, chunkPages));
            for (long p = 0; p < pages; p += chunkPages) {
                long n = Math.min(chunkPages, pages - p);
                if (Posix.mincore(base + start + p * Posix.OS_PAGE, n * Posix.OS_PAGE, vec) != 0) {
                    return -1;
                }
                for (long i = 0; i < n; i++) {
                    resident += vec.get(ValueLayout.JAVA_BYTE, i) & 1;
                }
            }
        }
        return resident * Posix.OS_PAGE;
    }

    @Override
    public boolean isNative() {
        return true;
    }

    /**
     * Closes the arena (waiting until no thread is inside an access through it) and gives every page back;
     * the reservation itself is unmapped when the memory becomes unreachable (see the class comment).
     */
    @Override
    public void close() {
        if (released.get()) {
            return;
        }
        try {
            arena.close();
        } catch (IllegalStateException alreadyClosed) {
            return;
        }
        Posix.madvise(base, capacity, Posix.MADV_DONTNEED);
    }
}
