package dev.wasm4j;

import dev.wasm4j.memory.LinearMemory;
import dev.wasm4j.model.MemoryType;

import java.lang.foreign.MemorySegment;

/**
 * A linear memory as the host sees it (spec 4.2.8). Addresses are byte offsets; an access outside the
 * current size throws a {@link TrapException} ({@code out of bounds memory access}). Multi-byte values are
 * little endian, as in Wasm.
 *
 * <p>The memory control proposal's operations are here too, with the instructions' rules and messages:
 * {@link #discard}, {@link #map}, {@link #unmap}, {@link #protect}, and mapping files and host buffers into a
 * mappable region (docs/proposals/memory-control.md, "The host API").
 *
 * <p>Thread safety: every method may be called from any thread. The memory control operations are
 * serialized with each other and with {@link #grow}; like {@code memory.fill}, they are not atomic with
 * respect to guest accesses on other threads, which may see old bytes, new bytes or a trap while a range
 * changes. A segment from {@link #slice} must not be used after its range is unmapped or protected.
 */
public interface Memory extends AutoCloseable {

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

    // ------------------------------------------------------------------ memory control (host side)

    /**
     * A page protection of the memory control proposal: the {@code prot} immediate of {@code memory.map} and
     * {@code memory.protect} ({@code none}, {@code read}, {@code readwrite}).
     */
    enum Protection {
        /** Every access traps. */
        NONE,
        /** Reads work, writes trap. */
        READ,
        /** Reads and writes work. */
        READ_WRITE
    }

    /** This memory's type (limits as declared; {@link #pages()} is the current size). */
    MemoryType type();

    /**
     * {@code memory.discard}: zeroes {@code [addr, addr + length)} widened to whole pages and gives those pages
     * back to the OS. Every memory kind; the range must be writable. A host mapping in the range ends there
     * (a {@code READ_WRITE} buffer first gets the guest's bytes back).
     *
     * @throws TrapException {@code out of bounds memory access} when the range is out of bounds or not
     *                       writable; nothing changes then
     */
    void discard(long addr, long length);

    /**
     * {@code memory.map}: maps fresh zero pages with {@code protection} over {@code [addr, addr + length)}
     * (address rounded down, end up, to the page) and returns the aligned start. Virtual memories only.
     *
     * @throws TrapException                 {@code invalid mapping size} (length 0), {@code out of bounds memory
     *                                       access}, {@code overlapping mapping} (a page is mapped already)
     * @throws UnsupportedOperationException on a memory that is not virtual
     */
    long map(long addr, long length, Protection protection);

    /**
     * Maps {@code length} bytes of {@code file}, from {@code fileOffset} (a multiple of 4096), over the guest
     * pages at {@code addr} (a multiple of the page size), without copying: {@code mmap(MAP_FIXED)} over the
     * memory's reservation. Bytes past the file's end read as zero. {@code READ_WRITE} mappings are shared,
     * so guest writes reach the file. With {@code READ} a virtual memory traps on guest writes; a memory
     * without a page table cannot, so its pages are copy-on-write (the file never changes). Returns
     * {@code addr}. Native memories only; the file must not be truncated while it is mapped.
     *
     * @throws TrapException             {@code invalid mapping size}, {@code out of bounds memory access}
     *                                   (also for the static no-access and read-only sections), {@code
     *                                   overlapping mapping} (a virtual memory's page is mapped, or another
     *                                   host mapping is there)
     * @throws IllegalArgumentException  misaligned addresses, a range outside the {@link #mappableBytes()},
     *                                   {@code NONE} on a memory that is not virtual, a memory on the Java heap
     * @throws java.io.IOException       when the file cannot be opened or mapped
     */
    long map(java.nio.file.Path file, long fileOffset, long length, long addr, Protection protection)
            throws java.io.IOException;

    /**
     * Maps a host buffer over the guest pages at {@code addr} (a multiple of the page size) for as long as the
     * mapping lasts. The bytes are copied in (a Java segment cannot be aliased by the memory's pages); with
     * {@code READ_WRITE} they are copied back to {@code buffer} when the mapping ends ({@link #unmap},
     * {@link #discard}, {@code memory.unmap}, {@link #close()}), so the buffer then holds what the guest
     * wrote, as a shared file mapping would. Works on every memory kind; errors as for files.
     */
    long map(MemorySegment buffer, long addr, Protection protection);

    /** {@link #map(MemorySegment, long, Protection)} for a {@link java.nio.ByteBuffer}'s remaining bytes. */
    default long map(java.nio.ByteBuffer buffer, long addr, Protection protection) {
        return map(MemorySegment.ofBuffer(buffer), addr, protection);
    }

    /**
     * Ends the mappings in {@code [addr, addr + length)} (widened to whole pages). On a virtual memory this is
     * {@code memory.unmap}: the pages become unmapped. On other memories the range must lie in the mappable
     * region and its pages become fresh zero pages. A {@code READ_WRITE} buffer mapped there first gets the
     * guest's bytes back.
     *
     * @throws TrapException {@code invalid mapping size}, {@code out of bounds memory access}
     */
    void unmap(long addr, long length);

    /**
     * {@code memory.protect}: changes the protection of mapped pages of a virtual memory.
     *
     * @throws TrapException                 {@code invalid mapping size}, {@code out of bounds memory access},
     *                                       {@code unmapped memory}, {@code read-only host mapping} (a file or
     *                                       buffer mapped {@code READ} cannot become writable)
     * @throws UnsupportedOperationException on a memory that is not virtual
     */
    void protect(long addr, long length, Protection protection);

    /**
     * The low region, in bytes from address 0, where the host may map files and buffers (mappable.md's
     * {@code maplength}): what {@link #allocate(MemoryType, long)} set, otherwise the whole address range.
     */
    long mappableBytes();

    /**
     * Frees the memory: native pages are unmapped, {@code READ_WRITE} buffer mappings copied back first.
     * Later accesses throw; they never touch freed memory.
     */
    void close();

    /**
     * A new memory of this type, at its minimum size, zero-filled, for the host to give to imports. Static
     * protection is in force at once (write the read-only section through {@link #privileged()}).
     */
    static Memory allocate(MemoryType type) {
        return LinearMemory.allocateForHost(type, -1);
    }

    /**
     * A new memory whose first {@code mappablePages} pages are its mappable region (mappable.md's
     * {@code maplength}): {@link #map(java.nio.file.Path, long, long, long, Protection) map} and, on memories
     * that are not virtual, {@link #unmap} work only there. As in the proposal's JS API the type must have
     * a maximum, and {@code mappablePages} must not exceed it.
     *
     * @throws IllegalArgumentException without a maximum, or with {@code mappablePages} above it or negative
     */
    static Memory allocate(MemoryType type, long mappablePages) {
        if (mappablePages < 0) {
            throw new IllegalArgumentException("mappable pages must not be negative: " + mappablePages);
        }
        return LinearMemory.allocateForHost(type, mappablePages);
    }
}
