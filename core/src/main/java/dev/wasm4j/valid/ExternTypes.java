package dev.wasm4j.valid;

import dev.wasm4j.InvalidException;
import dev.wasm4j.model.AddrType;
import dev.wasm4j.model.DefType;
import dev.wasm4j.model.Feature;
import dev.wasm4j.model.Features;
import dev.wasm4j.model.Limits;
import dev.wasm4j.model.MemoryType;
import dev.wasm4j.model.TableType;

/**
 * Validity of table, memory and tag types (spec 3.2.4 - 3.2.7, with memory64, threads, custom page sizes
 * and memory control): limits within the address range, minimum not above maximum, shared memories bounded,
 * page sizes 1 or 64 KiB, static protection inside the initial size, tags of function types without results.
 */
final class ExternTypes {

    /** Largest i32 table size. */
    private static final long MAX_TABLE32 = 0xFFFF_FFFFL;

    private ExternTypes() {
    }

    /** Checks a table type and returns it with its element type closed. */
    static TableType table(TableType t, ModuleContext c) {
        if (!t.protection().isNone()) {
            // static-protection.md: tables share the limits encoding, with both sizes zero.
            throw new InvalidException("table no-access and read-only sizes must be zero", -1);
        }
        if (t.addrType() == AddrType.I32) {
            checkRange(t.limits(), MAX_TABLE32, "table size must be at most 2^32-1");
        }
        checkMinMax(t.limits());
        return new TableType(t.addrType(), t.limits(), c.close(t.elemType(), -1));
    }

    static void memory(MemoryType m, Features features) {
        int log2 = m.pageSizeLog2();
        if (log2 != 0 && log2 != MemoryType.DEFAULT_PAGE_SIZE_LOG2) {
            throw new InvalidException("invalid custom page size", -1);
        }
        // With static protection the limits count the read-write section; the no-access and read-only
        // sections come on top of both (memory control proposal, static-protection.md).
        MemoryType.StaticProtection p = m.protection();
        long fixed = p == null ? 0 : p.noAccessPages() + p.readOnlyPages();
        if (p != null && (Long.compareUnsigned(fixed, p.noAccessPages()) < 0 || fixed < 0)) {
            throw new InvalidException("memory size must be at most 65536 pages (4GiB)", -1);
        }
        Limits total = fixed == 0 ? m.limits()
                : new Limits(m.limits().min() + fixed, m.limits().hasMax() ? m.limits().max() + fixed : Limits.NO_MAX);
        if (fixed != 0 && (Long.compareUnsigned(total.min(), fixed) < 0
                || total.hasMax() && Long.compareUnsigned(total.max(), fixed) < 0)) {
            throw new InvalidException("memory size must be at most 65536 pages (4GiB)", -1);
        }
        if (m.addrType() == AddrType.I32) {
            long pages = 1L << (32 - log2);
            String msg = log2 == MemoryType.DEFAULT_PAGE_SIZE_LOG2
                    ? "memory size must be at most 65536 pages (4GiB)"
                    : "memory size must be at most " + pages + " pages (4GiB)";
            checkRange(total, pages, msg);
        } else if (log2 > 0) {
            long pages = 1L << (64 - log2);
            checkRange(total, pages, "memory size must be at most " + pages + " pages (16EiB)");
        }
        checkMinMax(m.limits());
        if (m.shared() && !m.limits().hasMax()) {
            throw new InvalidException("shared memory must have maximum", -1);
        }
        if (!features.has(Feature.THREADS) && m.shared()) {
            throw new InvalidException("shared memories require threads", -1);
        }
    }

    /** A tag's type: a function type with no results. */
    static DefType tag(int typeIndex, ModuleContext c) {
        DefType t = c.type(typeIndex, -1);
        if (!t.isFunc()) {
            throw new InvalidException("type mismatch: tag type " + typeIndex + " is not a function type", -1);
        }
        if (!t.funcType().results().isEmpty()) {
            throw new InvalidException("non-empty tag result type", -1);
        }
        return t;
    }

    private static void checkRange(Limits l, long bound, String msg) {
        if (Long.compareUnsigned(l.min(), bound) > 0 || l.hasMax() && Long.compareUnsigned(l.max(), bound) > 0) {
            throw new InvalidException(msg, -1);
        }
    }

    private static void checkMinMax(Limits l) {
        if (l.hasMax() && Long.compareUnsigned(l.min(), l.max()) > 0) {
            throw new InvalidException("size minimum must not be greater than maximum", -1);
        }
    }
}
