package dev.wasm4j.memory;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;

/**
 * Memory on the Java heap: the portable fallback where native memory cannot be reserved. A {@code byte[]}
 * backs it (so that its segment maps onto a ByteBuffer for I/O); growing copies into a larger array.
 * Byte-array segments allow no atomic access, so {@link Atomics} serializes atomics on a lock instead.
 */
final class HeapStorage implements Storage {
    /** Largest heap memory: the largest byte array, rounded down to 64 KiB. */
    static final long MAX_BYTES = (Integer.MAX_VALUE - 16) & ~0xFFFFL;

    private byte[] bytes;
    private MemorySegment segment;

    HeapStorage(long initialBytes) {
        bytes = new byte[(int) initialBytes];
        segment = MemorySegment.ofArray(bytes);
    }


    @Override
    public MemorySegment segment() {
        return segment;
    }

    @Override
    public long capacity() {
        return MAX_BYTES;
    }

    @Override
    public boolean commit(long oldBytes, long newBytes) {
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
