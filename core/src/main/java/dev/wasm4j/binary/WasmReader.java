package dev.wasm4j.binary;

import dev.wasm4j.MalformedException;
import dev.wasm4j.model.AbsHeapType;
import dev.wasm4j.model.Feature;
import dev.wasm4j.model.Features;
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
 * Reads the primitive values of the binary format (spec 5.1 "Conventions", 5.2 "Values", 5.3 "Types"):
 * bytes, LEB128 integers, floats, names and types. Reads stop at {@link #limit()}; the module decoder sets it
 * to the end of the module, as the reference interpreter does, and checks each section's and function's
 * size after reading it ("section size mismatch"). Reading past the limit is
 * {@value #UNEXPECTED_END}. Every error carries the offset of the value that broke the rule.
 *
 * <p>Types are read according to the reader's {@link Features}: a type of a disabled proposal is malformed.
 *
 * @see <a href="https://webassembly.github.io/spec/core/binary/values.html">spec 5.2 Values</a>
 * @see <a href="https://webassembly.github.io/spec/core/binary/types.html">spec 5.3 Types</a>
 */
public final class WasmReader {
    /** The rule broken by reading past the end of the input. */
    public static final String UNEXPECTED_END = "unexpected end of section or function";

    private final byte[] bytes;
    private final Features features;
    private int pos;
    private int limit;

    public WasmReader(byte[] bytes) {
        this(bytes, 0, bytes.length);
    }

    public WasmReader(byte[] bytes, int pos, int limit) {
        this(bytes, pos, limit, Features.DEFAULT);
    }

    public WasmReader(byte[] bytes, int pos, int limit, Features features) {
        this.bytes = bytes;
        this.pos = pos;
        this.limit = limit;
        this.features = features;
    }

    public byte[] bytes() {
        return bytes;
    }

    public Features features() {
        return features;
    }

    public boolean has(Feature f) {
        return features.has(f);
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

    /** Sets the end of the readable range; returns the previous limit to restore later. */
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
        return new MalformedException(UNEXPECTED_END, pos);
    }

    /** One raw byte. */
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

    // ---- integers (spec 5.2.2) ----

    /**
     * An unsigned LEB128 of at most {@code bits} bits (1..64). As in the spec: at most ceil(bits/7) bytes
     * ("integer representation too long"), and the unused bits of the last byte must be zero ("integer too
     * large").
     */
    public long unsigned(int bits) {
        long result = 0;
        for (int shift = 0; ; shift += 7) {
            int left = bits - shift;
            if (left <= 0) {
                throw malformed("integer representation too long");
            }
            int at = pos;
            int b = u8();
            if (left < 7 && (b & 0x7F) >= 1 << left) {
                throw malformed("integer too large", at);
            }
            result |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return result;
            }
        }
    }

    /**
     * A signed LEB128 of at most {@code bits} bits (1..64), sign-extended: at most ceil(bits/7) bytes, and the
     * unused bits of the last byte must all equal its sign bit.
     */
    public long signed(int bits) {
        long result = 0;
        for (int shift = 0; ; shift += 7) {
            int left = bits - shift;
            if (left <= 0) {
                throw malformed("integer representation too long");
            }
            int at = pos;
            int b = u8();
            if (left < 7) {
                int mask = (-1 << (left - 1)) & 0x7F;
                if ((b & mask) != 0 && (b & mask) != mask) {
                    throw malformed("integer too large", at);
                }
            }
            result |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                int used = shift + 7;
                if (used < 64 && (b & 0x40) != 0) {
                    result |= -1L << used;
                }
                return result;
            }
        }
    }

    /** An unsigned 32-bit LEB128, returned in an int (read it with Integer.toUnsignedLong when it may be large). */
    public int u32() {
        return (int) unsigned(32);
    }

    /** An unsigned 64-bit LEB128. */
    public long u64() {
        return unsigned(64);
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

    /** An index (spec 5.5.1): a u32. Values from 2^31 up, which can name nothing, read as Integer.MAX_VALUE. */
    public int index() {
        int v = u32();
        return v < 0 ? Integer.MAX_VALUE : v;
    }

    /** Same as {@link #index()}. */
    public int u32Index() {
        return index();
    }

    /**
     * A length (of a vector, name or byte string) that must be plausible: at most the number of bytes from the
     * length's own first byte to the limit, as the reference interpreter checks ("length out of bounds"). A
     * tiny input can therefore never make the decoder allocate much.
     */
    public int len32() {
        int start = pos;
        int n = u32();
        if (n < 0 || n > limit - start) {
            throw malformed("length out of bounds", start);
        }
        return n;
    }

    /** The length of a vector: see {@link #len32()}. */
    public int vecLength() {
        return len32();
    }

    // ---- floats (spec 5.2.3) ----

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

    // ---- names (spec 5.2.4) ----

    /** A name: length-prefixed UTF-8 (spec 5.2.4). */
    public String name() {
        int len = len32();
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

    // ---- types (spec 5.3) ----

    /**
     * A one-byte type code. Type codes are negative numbers in signed LEB128 (spec 5.3), so a byte with
     * the continuation bit is an over-long encoding.
     */
    public int typeCode() {
        int b = u8();
        if ((b & 0x80) != 0) {
            throw malformed("integer representation too long", pos - 1);
        }
        return b;
    }

    /** A value type (spec 5.3.4). */
    public ValType valType() {
        int start = pos;
        int b = typeCode();
        ValType t = switch (b) {
            case 0x7F -> NumType.I32;
            case 0x7E -> NumType.I64;
            case 0x7D -> NumType.F32;
            case 0x7C -> NumType.F64;
            case 0x7B -> has(Feature.SIMD) ? VecType.V128 : null;
            default -> refTypeAfter(b, start);
        };
        if (t == null) {
            throw malformed("malformed value type", start);
        }
        return t;
    }

    /** A reference type (spec 5.3.3). */
    public RefType refType() {
        int start = pos;
        RefType r = refTypeAfter(typeCode(), start);
        if (r == null) {
            throw malformed("malformed reference type", start);
        }
        return r;
    }

    private RefType refTypeAfter(int b, int start) {
        if (b == 0x63 || b == 0x64) {
            if (!has(Feature.FUNCTION_REFERENCES) && !has(Feature.GC)) {
                return null;
            }
            return new RefType(b == 0x63, heapType());
        }
        AbsHeapType abs = abstractHeapType(b);
        return abs == null ? null : new RefType(true, abs);
    }

    /** The abstract heap type with this code if its proposal is enabled, else null. */
    private AbsHeapType abstractHeapType(int code) {
        AbsHeapType abs = AbsHeapType.ofCode(code);
        if (abs == null) {
            return null;
        }
        return switch (abs) {
            case FUNC, EXTERN -> abs;
            case EXN, NOEXN -> has(Feature.EXCEPTIONS) ? abs : null;
            case ANY, EQ, I31, STRUCT, ARRAY, NONE, NOFUNC, NOEXTERN -> has(Feature.GC) ? abs : null;
        };
    }

    /** A heap type (spec 5.3.3): an abstract type code or a non-negative s33 type index. */
    public HeapType heapType() {
        int start = pos;
        int b = peekU8();
        AbsHeapType abs = AbsHeapType.ofCode(b);
        if (abs != null) {
            pos++;
            abs = abstractHeapType(b);
            if (abs == null) {
                throw malformed("malformed heap type", start);
            }
            return abs;
        }
        long idx = s33();
        if (idx < 0 && (b & 0x80) != 0) {
            throw malformed("integer representation too long", start);
        }
        if (idx < 0 || idx > Integer.MAX_VALUE
                || !has(Feature.FUNCTION_REFERENCES) && !has(Feature.GC)) {
            throw malformed("malformed heap type", start);
        }
        return HeapType.of((int) idx);
    }
}
