package dev.wasm4j.binary;

import dev.wasm4j.MalformedException;
import dev.wasm4j.model.AbsHeapType;
import dev.wasm4j.model.HeapType;
import dev.wasm4j.model.NumType;
import dev.wasm4j.model.RefType;
import dev.wasm4j.model.ValType;
import dev.wasm4j.model.VecType;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads the primitive values of the binary format (spec 5.1, 5.2): bytes, LEB128 integers, floats, names,
 * and value types. Reads stop at {@link #limit()}, the end of the current section or function; reading past
 * it is malformed. Every error carries the offset of the value that broke the rule.
 */
public final class WasmReader {
    private final byte[] bytes;
    private int pos;
    private int limit;

    public WasmReader(byte[] bytes) {
        this(bytes, 0, bytes.length);
    }

    public WasmReader(byte[] bytes, int pos, int limit) {
        this.bytes = bytes;
        this.pos = pos;
        this.limit = limit;
    }

    public byte[] bytes() {
        return bytes;
    }

    public int pos() {
        return pos;
    }

    public void pos(int newPos) {
        pos = newPos;
    }

    public int limit() {
        return limit;
    }

    /** Sets the end of the current section or function; returns the previous limit to restore later. */
    public int limit(int newLimit) {
        int old = limit;
        limit = newLimit;
        return old;
    }

    public boolean atEnd() {
        return pos >= limit;
    }

    public int remaining() {
        return limit - pos;
    }

    public MalformedException malformed(String rule) {
        return new MalformedException(rule, pos);
    }

    public MalformedException malformed(String rule, int offset) {
        return new MalformedException(rule, offset);
    }

    private MalformedException unexpectedEnd() {
        return new MalformedException(limit < bytes.length ? "unexpected end of section or function" : "unexpected end",
                pos);
    }

    public int u8() {
        if (pos >= limit) {
            throw unexpectedEnd();
        }
        return bytes[pos++] & 0xFF;
    }

    public int peekU8() {
        if (pos >= limit) {
            throw unexpectedEnd();
        }
        return bytes[pos] & 0xFF;
    }

    /** Reads {@code n} raw bytes, returning the start offset of the run. */
    public int skip(long n) {
        if (n < 0 || n > limit - pos) {
            throw unexpectedEnd();
        }
        int start = pos;
        pos += (int) n;
        return start;
    }

    /** An unsigned 32-bit LEB128, returned in an int (read it with Integer.toUnsignedLong when it may be large). */
    public int u32() {
        long result = 0;
        int start = pos;
        for (int shift = 0; ; shift += 7) {
            int b = u8();
            if (shift == 28) {
                if ((b & 0x80) != 0) {
                    throw malformed("integer representation too long", start);
                }
                if ((b & 0x70) != 0) {
                    throw malformed("integer too large", start);
                }
            }
            result |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return (int) result;
            }
        }
    }

    /** An unsigned 32-bit LEB128 used as a count or index that must fit a non-negative int. */
    public int u32Index() {
        int start = pos;
        int v = u32();
        if (v < 0) {
            throw malformed("integer too large", start);
        }
        return v;
    }

    /** A signed 32-bit LEB128. */
    public int s32() {
        return (int) signed(32);
    }

    /** A signed 33-bit LEB128 (block types, heap types). */
    public long s33() {
        return signed(33);
    }

    /** A signed 64-bit LEB128. */
    public long s64() {
        return signed(64);
    }

    /** An unsigned 64-bit LEB128. */
    public long u64() {
        long result = 0;
        int start = pos;
        for (int shift = 0; ; shift += 7) {
            int b = u8();
            if (shift == 63) {
                if ((b & 0x80) != 0) {
                    throw malformed("integer representation too long", start);
                }
                if ((b & 0x7E) != 0) {
                    throw malformed("integer too large", start);
                }
            }
            result |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return result;
            }
        }
    }

    private long signed(int bits) {
        long result = 0;
        int start = pos;
        int maxBytes = (bits + 6) / 7;
        for (int i = 0, shift = 0; ; i++, shift += 7) {
            int b = u8();
            if (i == maxBytes - 1) {
                if ((b & 0x80) != 0) {
                    throw malformed("integer representation too long", start);
                }
                // The unused bits of the last byte must all equal the sign bit.
                int usedBits = bits - shift;             // bits of value in this byte, including the sign
                int signAndUnused = b >> (usedBits - 1) & 0x7F >> (usedBits - 1);
                int all = 0x7F >> (usedBits - 1);
                if (signAndUnused != 0 && signAndUnused != all) {
                    throw malformed("integer too large", start);
                }
            }
            result |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                shift += 7;
                if (shift < 64 && (b & 0x40) != 0) {
                    result |= -1L << shift;
                }
                return result;
            }
        }
    }

    public int f32Bits() {
        int start = skip(4);
        return (bytes[start] & 0xFF) | (bytes[start + 1] & 0xFF) << 8 | (bytes[start + 2] & 0xFF) << 16
                | (bytes[start + 3] & 0xFF) << 24;
    }

    public long f64Bits() {
        int start = skip(8);
        long v = 0;
        for (int i = 7; i >= 0; i--) {
            v = v << 8 | (bytes[start + i] & 0xFF);
        }
        return v;
    }

    /** A vector length that must be plausible: at most one element per remaining byte. */
    public int vecLength() {
        int start = pos;
        int n = u32();
        if (n < 0 || n > remaining()) {
            throw malformed(limit < bytes.length ? "unexpected end of section or function" : "unexpected end", start);
        }
        return n;
    }

    /** A name: length-prefixed UTF-8 (spec 5.2.4). */
    public String name() {
        int start = pos;
        int len = u32();
        if (len < 0 || len > remaining()) {
            throw malformed("length out of bounds", start);
        }
        int at = skip(len);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, at, len))
                    .toString();
        } catch (CharacterCodingException e) {
            throw malformed("malformed UTF-8 encoding", at);
        }
    }

    /** A value type (spec 5.3.4). */
    public ValType valType() {
        int start = pos;
        int b = u8();
        return switch (b) {
            case 0x7F -> NumType.I32;
            case 0x7E -> NumType.I64;
            case 0x7D -> NumType.F32;
            case 0x7C -> NumType.F64;
            case 0x7B -> VecType.V128;
            default -> {
                RefType r = refTypeAfter(b, start);
                if (r == null) {
                    throw malformed("malformed value type", start);
                }
                yield r;
            }
        };
    }

    /** A reference type (spec 5.3.3). */
    public RefType refType() {
        int start = pos;
        RefType r = refTypeAfter(u8(), start);
        if (r == null) {
            throw malformed("malformed reference type", start);
        }
        return r;
    }

    private RefType refTypeAfter(int b, int start) {
        if (b == 0x63 || b == 0x64) {
            return new RefType(b == 0x63, heapType());
        }
        AbsHeapType abs = AbsHeapType.ofCode(b);
        return abs == null ? null : new RefType(true, abs);
    }

    /** A heap type (spec 5.3.3): an abstract type code or a non-negative s33 type index. */
    public HeapType heapType() {
        int start = pos;
        int b = peekU8();
        AbsHeapType abs = AbsHeapType.ofCode(b);
        if (abs != null) {
            pos++;
            return abs;
        }
        long idx = s33();
        if (idx < 0 || idx > Integer.MAX_VALUE) {
            throw malformed("malformed heap type", start);
        }
        return HeapType.of((int) idx);
    }
}
