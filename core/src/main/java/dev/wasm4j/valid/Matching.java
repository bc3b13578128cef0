package dev.wasm4j.valid;

import dev.wasm4j.model.DefType;
import dev.wasm4j.model.GlobalType;
import dev.wasm4j.model.Limits;
import dev.wasm4j.model.MemoryType;
import dev.wasm4j.model.TableType;

import java.util.Objects;

/**
 * External type matching (spec 3.5 "Matching", "External types"): whether a provided extern value's type
 * satisfies an import's type. All types must be closed ({@link ValidModule#close} and friends), so that
 * types from different modules compare directly.
 */
public final class Matching {

    private Matching() {
    }

    /** Limits subsumption: at least the minimum, and a maximum within the expected one if it has one. */
    public static boolean limits(Limits actual, Limits expected) {
        if (Long.compareUnsigned(actual.min(), expected.min()) < 0) {
            return false;
        }
        if (!expected.hasMax()) {
            return true;
        }
        return actual.hasMax() && Long.compareUnsigned(actual.max(), expected.max()) <= 0;
    }

    /** A function matches when its type is a subtype of the import's. */
    public static boolean func(DefType actual, DefType expected) {
        return actual.isSubtypeOf(expected);
    }

    /** Tags match only when their types are equivalent. */
    public static boolean tag(DefType actual, DefType expected) {
        return actual == expected;
    }

    /** Same mutability; an immutable global's type may be a subtype, a mutable one's must be equal. */
    public static boolean global(GlobalType actual, GlobalType expected) {
        if (actual.mutable() != expected.mutable()) {
            return false;
        }
        return expected.mutable()
                ? Types.equal(actual.valType(), expected.valType())
                : Types.isSubtype(actual.valType(), expected.valType());
    }

    /** Same address type and equivalent element types; limits subsumed. */
    public static boolean table(TableType actual, TableType expected) {
        return actual.addrType() == expected.addrType()
                && Types.equal(actual.elemType(), expected.elemType())
                && limits(actual.limits(), expected.limits());
    }

    /**
     * Same address type, sharedness, page size, static protection and virtual mode; limits subsumed.
     */
    public static boolean memory(MemoryType actual, MemoryType expected) {
        return actual.addrType() == expected.addrType()
                && actual.shared() == expected.shared()
                && actual.pageSizeLog2() == expected.pageSizeLog2()
                && Objects.equals(actual.protection(), expected.protection())
                && actual.virtual() == expected.virtual()
                && limits(actual.limits(), expected.limits());
    }
}
