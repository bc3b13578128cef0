package dev.wasm4j.memory;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;

/**
 * Memory on the Java heap: the portable fallback where native memory cannot be reserved. A {@code byte[]}
 * backs it (so that its segment maps onto a ByteBuffer for I/O, and {@link Atomics} reaches it through
 * byte-array view var handles). An unshared memory grows by copying into a larger array. A shared memory
 * cannot: other threads may be writing the old array while it is copied, and would lose their stores. So a
 * shared memory's array is allocated once, at the size it may grow to ({@link #sharedCapacity}), and growth
 * only moves the memory's bound, as native memory does.
 */
final class HeapStorage implements Storage {
    /** Largest heap memory: the largest byte array, rounded down to 64 KiB. */
    static final long MAX_BYTES = (Integer.MAX_VALUE - 16) & ~0xFFFFL;

    private byte[] bytes;
    private MemorySegment segment;
    /** True when the array was allocated at its final size (shared memories): it never moves. */
    private final boolean fixed;

    /** Storage of {@code initialBytes}; with {@code fixedCapacity} >= 0 the array has that size for good. */
    HeapStorage(long initialBytes, long fixedCapacity) {
        fixed = fixedCapacity >= 0;
        bytes = new byte[(int) Math.max(initialBytes, fixedCapacity)];
        segment = MemorySegment.ofArray(bytes);
    }

    /**
     * How large a shared heap memory's array is: its maximum, but no more than the largest array and a
     * quarter of the Java heap (growth past that fails with -1, which {@code memory.grow} may always do),
     * rounded down to whole pages, and never less than the initial size.
     */
    static long sharedCapacity(long maxBytes, long initialBytes, int pageShift) {
        long budget = Math.min(MAX_BYTES, Runtime.getRuntime().maxMemory() / 4);
        long cap = Math.min(maxBytes, budget) >>> pageShift << pageShift;
        return Math.max(cap, initialBytes);
    }

    /** The array behind the memory (replaced when an unshared memory grows). */
    byte[] array() {
        return bytes;
    }


    @Override
    public MemorySegment segment() {
        return segment;
    }

    @Override
    public long capacity() {
        return fixed ? bytes.length : MAX_BYTES;
    }

    @Override
    public boolean commit(long oldBytes, long newBytes) {
        if (fixed) {
            return newBytes <= bytes.length;
        }
        if (newBytes > MAX_BYTES) {
            return false;
        }
        try {
            bytes = Arrays.copyOf(bytes, (int) newBytes);
        } catch (OutOfMemoryError e) {
            return false;
        }
        segment = MemorySegment.ofArray(bytes);
        return true;
    }

    @Override
    public void discard(long start, long len) {
        segment.asSlice(start, len).fill((byte) 0);
    }

    @Override
    public long residentBytes(long bytes) {
        return bytes;
    }

    @Override
    public boolean isNative() {
        return false;
    }

    @Override
    public void close() {
        bytes = new byte[0];
        segment = MemorySegment.ofArray(bytes);
    }
}
