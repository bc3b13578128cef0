package dev.wasm4j.memory;

import java.lang.foreign.MemorySegment;

/**
 * Where a memory's bytes live: a native reservation from the OS ({@link NativeStorage}) or a Java array
 * ({@link HeapStorage}). Storage knows nothing of Wasm rules; {@link LinearMemory} checks every access first.
 */
sealed interface Storage permits NativeStorage, HeapStorage {

    /** A segment covering at least the committed bytes; replaced (heap) only by {@link #commit}. */
    MemorySegment segment();

    /** Bytes this storage can ever hold without moving. */
    long capacity();

    /** Makes {@code [oldBytes, newBytes)} usable and zero; false when impossible. */
    boolean commit(long oldBytes, long newBytes);

    /** Sets {@code [start, start + len)} to zero, giving the physical pages back where possible. */
    void discard(long start, long len);

    /** Bytes of {@code [0, bytes)} currently resident in physical memory (an estimate for heap storage). */
    long residentBytes(long bytes);

    /** True for OS memory reserved with mmap. */
    boolean isNative();

    /** Frees the storage; the segment must not be used afterwards. */
    void close();
}
