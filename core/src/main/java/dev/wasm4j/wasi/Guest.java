package dev.wasm4j.wasi;

import dev.wasm4j.Memory;
import dev.wasm4j.Value;

import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Reading arguments and guest memory: pointers are unsigned i32, strings are UTF-8 with a length. */
final class Guest {
    /** Longest path we accept from a guest, in bytes (Linux's PATH_MAX). */
    static final int PATH_MAX = 4096;

    private Guest() {
    }

    static long u32(Value v) {
        return v.asInt() & 0xFFFFFFFFL;
    }

    static int i32(Value v) {
        return v.asInt();
    }

    static long i64(Value v) {
        return v.asLong();
    }

    /** Bounds-checks {@code [ptr, ptr + len)} before a call has side effects (EFAULT when outside). */
    static void check(Memory m, long ptr, long len) {
        if (ptr < 0 || len < 0 || ptr + len > m.byteSize()) {
            throw WasiError.of(Errno.FAULT);
        }
    }

    /** A guest path: strict UTF-8 (EILSEQ otherwise), no NUL byte (EINVAL), at most PATH_MAX bytes. */
    static String path(Memory m, long ptr, long len) {
        if (len > PATH_MAX) {
            throw WasiError.of(Errno.NAMETOOLONG);
        }
        check(m, ptr, len);
        byte[] bytes = m.read(ptr, (int) len);
        for (byte b : bytes) {
            if (b == 0) {
                throw WasiError.of(Errno.INVAL);
            }
        }
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw WasiError.of(Errno.ILSEQ);
        }
    }

    static void writeBytes(Memory m, long ptr, byte[] bytes) {
        m.write(ptr, bytes);
    }

    static void writeShort(Memory m, long ptr, int v) {
        m.writeByte(ptr, (byte) v);
        m.writeByte(ptr + 1, (byte) (v >>> 8));
    }

    /** The iovec/ciovec at index {@code i} of the array at {@code iovs}: a view of its buffer. */
    static MemorySegment iovec(Memory m, long iovs, long i, boolean forWrite) {
        long at = iovs + 8 * i;
        long buf = m.readInt(at) & 0xFFFFFFFFL;
        long len = m.readInt(at + 4) & 0xFFFFFFFFL;
        return m.slice(buf, len, forWrite);
    }
}
