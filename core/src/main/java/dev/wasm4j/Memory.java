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
 * <p>Thread safety: accesses may come from any thread and are as atomic as the JVM's plain accesses to
 * arrays of their width; guest and host threads that share a memory order their accesses themselves (the
 * threads proposal's atomics, or the host's own locks). {@link #grow} is synchronized.
 */
public interface Memory {

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
     * @param path the file
     * @param fileOffset where in the file the mapping starts
     * @param length the number of bytes
     * @param guestAddress where in the memory they appear
     * @param access whether guest writes reach the file
     * @return the number of bytes of the file mapped
     * @throws IllegalArgumentException for misaligned or out-of-bounds ranges, or a memory on the Java heap
     * @throws java.io.IOException when the file cannot be mapped
     */
    default long mapFile(java.nio.file.Path path, long fileOffset, long length, long guestAddress, FileAccess access)
            throws java.io.IOException {
        throw new IllegalArgumentException("this memory cannot map files");
    }

    /**
     * Puts fresh zero pages back over a range mapped by {@link #mapFile}.
     *
     * @param guestAddress the first byte of the range
     * @param length the number of bytes
     */
    default void unmapFile(long guestAddress, long length) {
        throw new IllegalArgumentException("this memory cannot map files");
    }

    /**
     * A new memory of this type, at its minimum size, zero-filled, for the host to give to imports.
     *
     * @param type the memory's type
     * @return the memory
     */
    static Memory allocate(MemoryType type) {
        return LinearMemory.allocate(type);
    }
}
