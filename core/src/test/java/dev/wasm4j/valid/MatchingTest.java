package dev.wasm4j.valid;

import dev.wasm4j.model.AbsHeapType;
import dev.wasm4j.model.AddrType;
import dev.wasm4j.model.DefType;
import dev.wasm4j.model.FuncType;
import dev.wasm4j.model.GlobalType;
import dev.wasm4j.model.Limits;
import dev.wasm4j.model.MemoryType;
import dev.wasm4j.model.NumType;
import dev.wasm4j.model.RefType;
import dev.wasm4j.model.SubType;
import dev.wasm4j.model.TableType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** External type matching for imports. */
class MatchingTest {

    @Test
    void limits() {
        assertTrue(Matching.limits(Limits.of(2), Limits.of(1)));
        assertFalse(Matching.limits(Limits.of(1), Limits.of(2)));
        assertTrue(Matching.limits(Limits.of(1, 3), Limits.of(1, 4)));
        assertFalse(Matching.limits(Limits.of(1, 5), Limits.of(1, 4)));
        assertFalse(Matching.limits(Limits.of(1), Limits.of(1, 4)), "no maximum is not below a maximum");
        assertTrue(Matching.limits(Limits.of(0x1_0000_0000L), Limits.of(0xFFFF_FFFFL)), "unsigned");
    }

    @Test
    void memories() {
        MemoryType m = MemoryType.of(Limits.of(1, 2));
        assertTrue(Matching.memory(m, MemoryType.of(Limits.of(1))));
        assertFalse(Matching.memory(MemoryType.of(AddrType.I64, Limits.of(1, 2), false), MemoryType.of(Limits.of(1))),
                "address types must agree");
        assertFalse(Matching.memory(MemoryType.of(AddrType.I32, Limits.of(1, 2), true), MemoryType.of(Limits.of(1))),
                "sharedness must agree");
        assertFalse(Matching.memory(new MemoryType(AddrType.I32, Limits.of(1, 2), false, 0,
                MemoryType.StaticProtection.NONE, false), MemoryType.of(Limits.of(1))), "page sizes must agree");
    }

    @Test
    void tables() {
        TableType t = TableType.of(Limits.of(1), RefType.FUNCREF);
        assertTrue(Matching.table(t, TableType.of(Limits.of(0), RefType.FUNCREF)));
        assertFalse(Matching.table(TableType.of(Limits.of(1), RefType.NULLFUNCREF), t), "element types are invariant");
        assertFalse(Matching.table(new TableType(AddrType.I64, Limits.of(1), RefType.FUNCREF), t));
    }

    @Test
    void globals() {
        RefType func = new RefType(false, AbsHeapType.FUNC);
        assertTrue(Matching.global(GlobalType.of(func, false), GlobalType.of(RefType.FUNCREF, false)), "covariant");
        assertFalse(Matching.global(GlobalType.of(func, true), GlobalType.of(RefType.FUNCREF, true)), "invariant");
        assertFalse(Matching.global(GlobalType.of(NumType.I32, true), GlobalType.of(NumType.I32, false)));
        assertTrue(Matching.global(GlobalType.of(NumType.I32, true), GlobalType.of(NumType.I32, true)));
    }

    @Test
    void functionsAndTags() {
        TypeRegistry reg = TypeRegistry.global();
        DefType base = reg.intern(List.of(new SubType(false, List.of(), FuncType.of(List.of(), List.of()))), 0,
                new DefType[0])[0];
        DefType sub = reg.intern(List.of(new SubType(true, List.of(0), FuncType.of(List.of(), List.of()))), 1,
                new DefType[] {base})[0];
        assertTrue(Matching.func(sub, base));
        assertFalse(Matching.func(base, sub));
        assertFalse(Matching.tag(sub, base), "tags need equivalent types");
        assertTrue(Matching.tag(base, base));
    }
}
