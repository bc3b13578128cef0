package dev.wasm4j.memory;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;

/**
 * Memory on the Java heap: the portable fallback where native memory cannot be reserved. A {@code long[]}
 * backs it so that aligned atomic accesses work; growing copies into a larger array.
 */
final class HeapStorage implements Storage {
    /** Largest heap memory: the largest long array, in bytes, rounded down to 64 KiB. */
    static final long MAX_BYTES = ((long) (Integer.MAX_VALUE - 16) * 8) & ~0xFFFFL;

    private long[] words;
    private MemorySegment segment;

    HeapStorage(long initialBytes) {
        words = new long[(int) ((initialBytes + 7) >>> 3)];
        segment = MemorySegment.ofArray(words);
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
            words = Arrays.copyOf(words, (int) ((newBytes + 7) >>> 3));
        } catch (OutOfMemoryError e) {
            return false;
        }
        segment = MemorySegment.ofArray(words);
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
        words = new long[0];
        segment = MemorySegment.ofArray(words);
    }
}
