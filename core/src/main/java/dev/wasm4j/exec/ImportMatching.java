package dev.wasm4j.exec;

import dev.wasm4j.model.ExternType;
import dev.wasm4j.model.GlobalType;
import dev.wasm4j.model.Limits;
import dev.wasm4j.model.MemoryType;
import dev.wasm4j.model.TableType;
import dev.wasm4j.model.TagType;
import dev.wasm4j.valid.Types;
import dev.wasm4j.valid.ValidModule;

/**
 * Whether an external value may satisfy an import of a given (closed) type: spec 4.5.2 "Import Matching",
 * with the current sizes of tables and memories as their minimum.
 */
final class ImportMatching {
    private ImportMatching() {
    }

    static boolean matches(ExternVal actual, ExternType expected, ValidModule importer) {
        // instanceof rather than a pattern switch: each pattern switch spins a class on first use, which every
        // program's start-up would pay for
        if (expected instanceof ExternType.Func f) {
            return actual instanceof ExternVal.Func x
                    && x.function().defType().isSubtypeOf(importer.defType(f.typeIndex()));
        }
        if (expected instanceof TableType t) {
            return actual instanceof ExternVal.Table x && tableMatches(x.table().currentType(), t);
        }
        if (expected instanceof MemoryType m) {
            return actual instanceof ExternVal.Memory x && memoryMatches(x.memory().currentType(), m);
        }
        if (expected instanceof GlobalType g) {
            return actual instanceof ExternVal.Global x && globalMatches(x.global().type(), g);
        }
        return actual instanceof ExternVal.Tag x
                && x.tag().type() == importer.defType(((TagType) expected).typeIndex());
    }

    static boolean limitsMatch(Limits actual, Limits expected) {
        if (Long.compareUnsigned(actual.min(), expected.min()) < 0) {
            return false;
        }
        if (!expected.hasMax()) {
            return true;
        }
        return actual.hasMax() && Long.compareUnsigned(actual.max(), expected.max()) <= 0;
    }

    private static boolean tableMatches(TableType actual, TableType expected) {
        return actual.addrType() == expected.addrType()
                && limitsMatch(actual.limits(), expected.limits())
                && Types.isSubtype(actual.elemType(), expected.elemType())
                && Types.isSubtype(expected.elemType(), actual.elemType());
    }

    private static boolean memoryMatches(MemoryType actual, MemoryType expected) {
        return actual.addrType() == expected.addrType()
                && actual.shared() == expected.shared()
                && actual.pageSizeLog2() == expected.pageSizeLog2()
                && actual.virtual() == expected.virtual()
                && actual.protection().equals(expected.protection())
                && limitsMatch(actual.limits(), expected.limits());
    }

    private static boolean globalMatches(GlobalType actual, GlobalType expected) {
        if (actual.mutable() != expected.mutable()) {
            return false;
        }
        boolean sub = Types.isSubtype(actual.valType(), expected.valType());
        return expected.mutable() ? sub && Types.isSubtype(expected.valType(), actual.valType()) : sub;
    }
}
