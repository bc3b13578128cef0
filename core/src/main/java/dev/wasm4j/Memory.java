package dev.wasm4j;

import dev.wasm4j.memory.LinearMemory;
import dev.wasm4j.model.MemoryType;

import java.lang.foreign.MemorySegment;

/**
 * A linear memory as the host sees it (spec 4.2.8). Addresses are byte offsets; an access outside the
 * current size throws a {@link TrapException} ({@code out of bounds memory access}). Multi-byte values are
 * little endian, as in Wasm.
 */
public interface Memory {

    /** Current size in pages. */
    long pages();

    /** Current size in bytes. */
    long byteSize();

    /** Page size in bytes (65536 unless the custom page sizes proposal says otherwise). */
    long pageSize();

    /** Grows by {@code deltaPages}; returns the old size in pages, or -1 if the memory cannot grow. */
    long grow(long deltaPages);

    byte readByte(long addr);

    void writeByte(long addr, byte v);

    int readInt(long addr);

    void writeInt(long addr, int v);

    long readLong(long addr);

    void writeLong(long addr, long v);

    /** Copies {@code len} bytes at {@code addr} into {@code dst[dstOff..]}. */
    void read(long addr, byte[] dst, int dstOff, int len);

    /** Copies {@code src[srcOff..srcOff+len]} to {@code addr}. */
    void write(long addr, byte[] src, int srcOff, int len);

    default byte[] read(long addr, int len) {
        byte[] b = new byte[len];
        read(addr, b, 0, len);
        return b;
    }

    default void write(long addr, byte[] src) {
        write(addr, src, 0, src.length);
    }

    /**
     * A segment over bytes {@code [addr, addr + len)} for zero-copy I/O, valid until the memory grows,
     * is unmapped, or is closed. The range is bounds-checked (and protection-checked) when taken.
     */
    MemorySegment slice(long addr, long len, boolean forWrite);

    /**
     * This memory without the protection of the memory control proposal (no-access and read-only sections):
     * what a host asks for when it must write protected bytes. The same memory when nothing is protected.
     */
    default Memory privileged() {
        return this;
    }

    /** How guest code may use the pages of a mapped file. */
    enum FileAccess {
        /** Guest reads see the file; the file never changes (writes trap on a virtual memory, are private otherwise). */
        READ_ONLY,
        /** Guest writes reach the file (a shared mapping). */
        READ_WRITE
    }

    /**
     * Maps {@code length} bytes of a file, from {@code fileOffset} (a multiple of 4096), over the guest bytes at
     * {@code guestAddress} (a multiple of the page size), without copying (memory control proposal, host side:
     * {@code mmap(MAP_FIXED)} over the memory's reservation). Bytes past the file's end read as zero. Returns
     * the bytes of the file mapped. Native memories only; see docs/proposals/memory-control.md.
     *
     * @throws IllegalArgumentException for misaligned or out-of-bounds ranges, or a memory on the Java heap
     */
    default long mapFile(java.nio.file.Path path, long fileOffset, long length, long guestAddress, FileAccess access)
            throws java.io.IOException {
        throw new IllegalArgumentException("this memory cannot map files");
    }

    /** Puts fresh zero pages back over a range mapped by {@link #mapFile}. */
    default void unmapFile(long guestAddress, long length) {
        throw new IllegalArgumentException("this memory cannot map files");
    }

    /** A new memory of this type, at its minimum size, zero-filled, for the host to give to imports. */
    static Memory allocate(MemoryType type) {
        return LinearMemory.allocate(type);
    }
}
