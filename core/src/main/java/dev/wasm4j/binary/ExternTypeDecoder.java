package dev.wasm4j.binary;

import dev.wasm4j.MalformedException;
import dev.wasm4j.model.AddrType;
import dev.wasm4j.model.Feature;
import dev.wasm4j.model.GlobalType;
import dev.wasm4j.model.Limits;
import dev.wasm4j.model.MemoryType;
import dev.wasm4j.model.MemoryType.StaticProtection;
import dev.wasm4j.model.RefType;
import dev.wasm4j.model.TableType;
import dev.wasm4j.model.TagType;

/**
 * The types that imports and definitions share (spec 5.3.11 to 5.3.15): limits, table, memory, global and
 * tag types.
 *
 * <p>The limits flags byte: {@code 0x01} has a maximum, {@code 0x04} 64-bit addresses (memory64); for
 * memories also {@code 0x02} shared (threads), {@code 0x08} custom page size (a u32 log2 page size follows
 * the limits), and wasm4j's memory control bits {@code 0x10} static protection (two LEB128 page counts
 * follow: no-access, read-only; u32 for i32 memories, u64 for i64 ones) and {@code 0x20} virtual
 * (docs/ARCHITECTURE.md). A bit whose feature is off is {@code malformed limits flags}.
 *
 * @see <a href="https://webassembly.github.io/spec/core/binary/types.html#limits">spec 5.3.11 Limits</a>
 */
final class ExternTypeDecoder {
    private static final int HAS_MAX = 0x01;
    private static final int SHARED = 0x02;
    private static final int ADDR64 = 0x04;
    private static final int PAGE_SIZE = 0x08;
    private static final int PROTECTION = 0x10;
    private static final int VIRTUAL = 0x20;

    private ExternTypeDecoder() {
    }

    /**
     * A table type (spec 5.3.13): reference type, then limits. With memory control, the limits may carry the
     * static protection extension as a memory's do (static-protection.md suggests it for symmetry); the
     * validator then requires both sizes to be zero.
     */
    static TableType tableType(WasmReader in) {
        RefType elem = in.refType();
        int allowed = HAS_MAX | (in.has(Feature.MEMORY64) ? ADDR64 : 0)
                | (in.has(Feature.MEMORY_CONTROL) ? PROTECTION : 0);
        int flags = flags(in, allowed);
        AddrType addr = (flags & ADDR64) != 0 ? AddrType.I64 : AddrType.I32;
        Limits limits = limits(in, flags);
        return new TableType(addr, limits, elem, protection(in, flags, addr));
    }

    /** A memory type (spec 5.3.12) with the proposals' extensions. */
    static MemoryType memoryType(WasmReader in) {
        int allowed = HAS_MAX
                | (in.has(Feature.THREADS) ? SHARED : 0)
                | (in.has(Feature.MEMORY64) ? ADDR64 : 0)
                | (in.has(Feature.CUSTOM_PAGE_SIZES) ? PAGE_SIZE : 0)
                | (in.has(Feature.MEMORY_CONTROL) ? PROTECTION | VIRTUAL : 0);
        int flags = flags(in, allowed);
        AddrType addr = (flags & ADDR64) != 0 ? AddrType.I64 : AddrType.I32;
        Limits limits = limits(in, flags);
        int pageSizeLog2 = MemoryType.DEFAULT_PAGE_SIZE_LOG2;
        if ((flags & PAGE_SIZE) != 0) {
            int at = in.pos();
            int p = in.u32();
            // Only sizes that fit a 64-bit address space can be represented; the validator checks the rest.
            if (p < 0 || p >= 64) {
                throw new MalformedException("invalid custom page size", at);
            }
            pageSizeLog2 = p;
        }
        return new MemoryType(addr, limits, (flags & SHARED) != 0, pageSizeLog2, protection(in, flags, addr),
                (flags & VIRTUAL) != 0);
    }

    /** The static protection sizes after the limits: no-access, then read-only (u32 or u64 by address type). */
    private static StaticProtection protection(WasmReader in, int flags, AddrType addr) {
        if ((flags & PROTECTION) == 0) {
            return StaticProtection.NONE;
        }
        int bits = addr == AddrType.I64 ? 64 : 32;
        long noAccess = in.unsigned(bits);
        long readOnly = in.unsigned(bits);
        return new StaticProtection(noAccess, readOnly);
    }

    /** The limits flags byte, which must only have {@code allowed} bits. */
    private static int flags(WasmReader in, int allowed) {
        int at = in.pos();
        int flags = in.u8();
        if ((flags & ~allowed) != 0) {
            throw new MalformedException("malformed limits flags", at);
        }
        return flags;
    }

    /** Minimum and optional maximum, each a u64 (spec 5.3.11; the validator bounds them by address type). */
    private static Limits limits(WasmReader in, int flags) {
        long min = in.u64();
        long max = (flags & HAS_MAX) != 0 ? in.u64() : Limits.NO_MAX;
        return new Limits(min, max);
    }

    /** A global type (spec 5.3.14): value type, then mutability. */
    static GlobalType globalType(WasmReader in) {
        return new GlobalType(in.valType(), TypeSectionDecoder.mutability(in));
    }

    /** A tag type (exception handling): a zero attribute byte, then a type index. */
    static TagType tagType(WasmReader in) {
        int at = in.pos();
        if (in.u8() != 0) {
            throw new MalformedException("zero byte expected", at);
        }
        return new TagType(in.index());
    }
}
