package dev.wasm4j;

import dev.wasm4j.memory.LinearMemory;
import dev.wasm4j.model.MemoryType;

import java.lang.foreign.MemorySegment;

/**
 * A linear memory as the host sees it (spec 4.2.8). Addresses are byte offsets; an access outside the
 * current size throws a {@link TrapException} ({@code out of bounds memory access}). Multi-byte values are
 * little endian, as in Wasm; strings are UTF-8, as most languages compiled to Wasm keep them.
 *
 * <pre>{@code
 * Memory memory = instance.memory("memory");
 * int len = memory.writeString(1024, "héllo");        // 6 bytes of UTF-8
 * String s = memory.readString(1024, len);
 * double d = memory.readDouble(2048);
 * }</pre>
 *
 * <p>The memory control proposal's operations are here too, with the instructions' rules and messages:
 * {@link #discard}, {@link #map}, {@link #unmap}, {@link #protect}, and mapping files and host buffers into a
 * mappable region (docs/proposals/memory-control.md, "The host API").
 *
 * <p>Thread safety: every method may be called from any thread. Plain accesses are as atomic as the JVM's
 * plain accesses to arrays of their width; guest and host threads that share a memory order their accesses
 * themselves (the threads proposal's atomics, or the host's own locks). The memory control operations are
 * serialized with each other and with {@link #grow}; like {@code memory.fill}, they are not atomic with
 * respect to guest accesses on other threads, which may see old bytes, new bytes or a trap while a range
 * changes. A segment from {@link #slice} must not be used after its range is unmapped or protected.
 */
public interface Memory extends AutoCloseable {

    /**
     * The current size in pages.
     *
     * @return the number of pages
     */
    long pages();

    /**
     * The current size in bytes.
     *
     * @return the number of bytes
     */
    long byteSize();

    /**
     * The page size in bytes (65536 unless the custom page sizes proposal says otherwise).
     *
     * @return the page size
     */
    long pageSize();

    /**
     * Grows the memory, as {@code memory.grow} does.
     *
     * @param deltaPages the number of pages to add
     * @return the old size in pages, or -1 if the memory cannot grow that much
     */
    long grow(long deltaPages);

    /**
     * Reads a byte.
     *
     * @param addr the byte address
     * @return the byte
     */
    byte readByte(long addr);

    /**
     * Writes a byte.
     *
     * @param addr the byte address
     * @param v the byte
     */
    void writeByte(long addr, byte v);

    /**
     * Reads a 32-bit integer.
     *
     * @param addr the byte address
     * @return the value
     */
    int readInt(long addr);

    /**
     * Writes a 32-bit integer.
     *
     * @param addr the byte address
     * @param v the value
     */
    void writeInt(long addr, int v);

    /**
     * Reads a 64-bit integer.
     *
     * @param addr the byte address
     * @return the value
     */
    long readLong(long addr);

    /**
     * Writes a 64-bit integer.
     *
     * @param addr the byte address
     * @param v the value
     */
    void writeLong(long addr, long v);

    /**
     * Copies {@code len} bytes at {@code addr} into {@code dst[dstOff..]}.
     *
     * @param addr the first byte in memory
     * @param dst the array to fill
     * @param dstOff where in {@code dst}
     * @param len the number of bytes
     */
    void read(long addr, byte[] dst, int dstOff, int len);

    /**
     * Copies {@code src[srcOff..srcOff+len]} to {@code addr}.
     *
     * @param addr the first byte in memory
     * @param src the bytes
     * @param srcOff where in {@code src}
     * @param len the number of bytes
     */
    void write(long addr, byte[] src, int srcOff, int len);

    /**
     * Reads {@code len} bytes.
     *
     * @param addr the first byte
     * @param len the number of bytes
     * @return a new array
     */
    default byte[] read(long addr, int len) {
        byte[] b = new byte[len];
        read(addr, b, 0, len);
        return b;
    }

    /**
     * Writes the whole of {@code src}.
     *
     * @param addr where the first byte goes
     * @param src the bytes
     */
    default void write(long addr, byte[] src) {
        write(addr, src, 0, src.length);
    }

    /**
     * Reads a 16-bit integer.
     *
     * @param addr the byte address
     * @return the value, sign-extended
     */
    default short readShort(long addr) {
        return (short) ((readByte(addr) & 0xFF) | (readByte(addr + 1) << 8));
    }

    /**
     * Writes a 16-bit integer.
     *
     * @param addr the byte address
     * @param v the value
     */
    default void writeShort(long addr, short v) {
        write(addr, new byte[] {(byte) v, (byte) (v >> 8)});
    }

    /**
     * Reads an f32.
     *
     * @param addr the byte address
     * @return the value (NaN payloads as stored)
     */
    default float readFloat(long addr) {
        return Float.intBitsToFloat(readInt(addr));
    }

    /**
     * Writes an f32.
     *
     * @param addr the byte address
     * @param v the value
     */
    default void writeFloat(long addr, float v) {
        writeInt(addr, Float.floatToRawIntBits(v));
    }

    /**
     * Reads an f64.
     *
     * @param addr the byte address
     * @return the value (NaN payloads as stored)
     */
    default double readDouble(long addr) {
        return Double.longBitsToDouble(readLong(addr));
    }

    /**
     * Writes an f64.
     *
     * @param addr the byte address
     * @param v the value
     */
    default void writeDouble(long addr, double v) {
        writeLong(addr, Double.doubleToRawLongBits(v));
    }

    /**
     * Reads {@code len} bytes of UTF-8 as a string (malformed bytes become U+FFFD).
     *
     * @param addr the first byte
     * @param len the number of bytes
     * @return the string
     */
    default String readString(long addr, int len) {
        return new String(read(addr, len), java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * Reads a NUL-terminated UTF-8 string, as C code keeps them.
     *
     * @param addr the first byte
     * @return the string, without the NUL
     * @throws TrapException when no NUL comes before the end of the memory
     */
    default String readCString(long addr) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        for (long a = addr; ; a++) {
            byte b = readByte(a);
            if (b == 0) {
                return bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
            }
            bytes.write(b);
        }
    }

    /**
     * Writes a string as UTF-8 (without a terminating NUL).
     *
     * @param addr where the first byte goes
     * @param s the string
     * @return the number of bytes written
     */
    default int writeString(long addr, String s) {
        byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        write(addr, b);
        return b.length;
    }

    /**
     * A segment over bytes {@code [addr, addr + len)} for zero-copy I/O, valid until the memory grows,
     * is unmapped, or is closed. The range is bounds-checked (and protection-checked) when taken.
     *
     * @param addr the first byte
     * @param len the number of bytes
     * @param forWrite whether the host will write through it (checked against read-only protection)
     * @return the segment
     */
    MemorySegment slice(long addr, long len, boolean forWrite);

    /**
     * This memory without the protection of the memory control proposal (no-access and read-only sections):
     * what a host asks for when it must write protected bytes. The same memory when nothing is protected.
     *
     * @return the unprotected view
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

    /**
     * This memory's type (limits as declared; {@link #pages()} is the current size).
     *
     * @return the type
     */
    MemoryType type();

    /**
     * {@code memory.discard}: zeroes {@code [addr, addr + length)} widened to whole pages and gives those pages
     * back to the OS. Every memory kind; the range must be writable. A host mapping in the range ends there
     * (a {@code READ_WRITE} buffer first gets the guest's bytes back).
     *
     * @param addr the first byte of the range
     * @param length the number of bytes
     * @throws TrapException {@code out of bounds memory access} when the range is out of bounds or not
     *                       writable; nothing changes then
     */
    void discard(long addr, long length);

    /**
     * {@code memory.map}: maps fresh zero pages with {@code protection} over {@code [addr, addr + length)}
     * (address rounded down, end up, to the page) and returns the aligned start. Virtual memories only.
     *
     * @param addr the first byte of the range
     * @param length the number of bytes
     * @param protection the pages' protection
     * @return the page-aligned start of the mapping
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
     * @param file the file
     * @param fileOffset where in the file the mapping starts
     * @param length the number of bytes
     * @param addr where in the memory they appear
     * @param protection whether guest writes reach the file
     * @return {@code addr}
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
     *
     * @param buffer the bytes
     * @param addr where in the memory they appear
     * @param protection whether the guest may write them (and the buffer gets them back)
     * @return {@code addr}
     */
    long map(MemorySegment buffer, long addr, Protection protection);

    /**
     * {@link #map(MemorySegment, long, Protection)} for a {@link java.nio.ByteBuffer}'s remaining bytes.
     *
     * @param buffer the bytes (position to limit)
     * @param addr where in the memory they appear
     * @param protection whether the guest may write them (and the buffer gets them back)
     * @return {@code addr}
     */
    default long map(java.nio.ByteBuffer buffer, long addr, Protection protection) {
        return map(MemorySegment.ofBuffer(buffer), addr, protection);
    }

    /**
     * Ends the mappings in {@code [addr, addr + length)} (widened to whole pages). On a virtual memory this is
     * {@code memory.unmap}: the pages become unmapped. On other memories the range must lie in the mappable
     * region and its pages become fresh zero pages. A {@code READ_WRITE} buffer mapped there first gets the
     * guest's bytes back.
     *
     * @param addr the first byte of the range
     * @param length the number of bytes
     * @throws TrapException {@code invalid mapping size}, {@code out of bounds memory access}
     */
    void unmap(long addr, long length);

    /**
     * {@code memory.protect}: changes the protection of mapped pages of a virtual memory.
     *
     * @param addr the first byte of the range
     * @param length the number of bytes
     * @param protection the new protection
     * @throws TrapException                 {@code invalid mapping size}, {@code out of bounds memory access},
     *                                       {@code unmapped memory}, {@code read-only host mapping} (a file or
     *                                       buffer mapped {@code READ} cannot become writable)
     * @throws UnsupportedOperationException on a memory that is not virtual
     */
    void protect(long addr, long length, Protection protection);

    /**
     * The low region, in bytes from address 0, where the host may map files and buffers (mappable.md's
     * {@code maplength}): what {@link #allocate(MemoryType, long)} set, otherwise the whole address range.
     *
     * @return the mappable region's size in bytes
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
     *
     * @param type the memory's type
     * @return the memory
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
     * @param type the memory's type
     * @param mappablePages the size of the mappable region, in pages
     * @return the memory
     * @throws IllegalArgumentException without a maximum, or with {@code mappablePages} above it or negative
     */
    static Memory allocate(MemoryType type, long mappablePages) {
        if (mappablePages < 0) {
            throw new IllegalArgumentException("mappable pages must not be negative: " + mappablePages);
        }
        return LinearMemory.allocateForHost(type, mappablePages);
    }
}
