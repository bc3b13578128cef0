package dev.wasm4j.text;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable byte buffer with the primitive encodings of the binary format (spec 5.1, 5.2): bytes, LEB128
 * integers, little-endian floats, names and length-prefixed payloads.
 */
final class ByteWriter {
    private byte[] buf;
    private int size;
    /**
     * Source marks, pairs of (offset in this buffer, character offset in the text): where the bytes of each
     * instruction begin, so that an error the validator finds in the binary can point at the text. They
     * travel with the bytes when this buffer is appended to another.
     */
    private int[] marks = NO_MARKS;
    private int markCount;
    private static final int[] NO_MARKS = new int[0];

    ByteWriter() {
        this(64);
    }

    ByteWriter(int capacity) {
        buf = new byte[Math.max(capacity, 16)];
    }

    int size() {
        return size;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }

    private void ensure(int extra) {
        if (size + extra > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + extra));
        }
    }

    ByteWriter u8(int b) {
        ensure(1);
        buf[size++] = (byte) b;
        return this;
    }

    ByteWriter bytes(byte[] b) {
        return bytes(b, 0, b.length);
    }

    ByteWriter bytes(byte[] b, int from, int len) {
        ensure(len);
        System.arraycopy(b, from, buf, size, len);
        size += len;
        return this;
    }

    ByteWriter bytes(ByteWriter other) {
        int base = size;
        for (int i = 0; i < other.markCount; i += 2) {
            addMark(base + other.marks[i], other.marks[i + 1]);
        }
        return bytes(other.buf, 0, other.size);
    }

    /** Records that the next byte written comes from the text at {@code textOffset}. */
    ByteWriter mark(int textOffset) {
        addMark(size, textOffset);
        return this;
    }

    private void addMark(int at, int textOffset) {
        if (markCount == marks.length) {
            marks = Arrays.copyOf(marks, Math.max(16, markCount * 2));
        }
        marks[markCount++] = at;
        marks[markCount++] = textOffset;
    }

    /** The source marks: pairs of (byte offset, character offset), in byte order. */
    int[] marks() {
        return Arrays.copyOf(marks, markCount);
    }

    /** Unsigned LEB128 of a 32-bit value (read as unsigned). */
    ByteWriter u32(int v) {
        return u64(Integer.toUnsignedLong(v));
    }

    /** Unsigned LEB128 of a 64-bit value (read as unsigned). */
    ByteWriter u64(long v) {
        do {
            int b = (int) (v & 0x7F);
            v >>>= 7;
            u8(v != 0 ? b | 0x80 : b);
        } while (v != 0);
        return this;
    }

    /** Signed LEB128 (s32, s33 and s64 all encode this way). */
    ByteWriter s64(long v) {
        while (true) {
            int b = (int) (v & 0x7F);
            v >>= 7;
            boolean done = v == 0 && (b & 0x40) == 0 || v == -1 && (b & 0x40) != 0;
            u8(done ? b : b | 0x80);
            if (done) {
                return this;
            }
        }
    }

    ByteWriter f32(int bits) {
        for (int i = 0; i < 4; i++) {
            u8(bits >>> (8 * i));
        }
        return this;
    }

    ByteWriter f64(long bits) {
        for (int i = 0; i < 8; i++) {
            u8((int) (bits >>> (8 * i)));
        }
        return this;
    }

    /** A name or byte string: its length as u32, then its bytes. */
    ByteWriter name(byte[] utf8) {
        u32(utf8.length);
        return bytes(utf8);
    }

    ByteWriter name(String s) {
        return name(s.getBytes(StandardCharsets.UTF_8));
    }

    /** The content of {@code payload}, prefixed by its length. */
    ByteWriter sized(ByteWriter payload) {
        u32(payload.size);
        return bytes(payload);
    }
}
