package dev.wasm4j.valid;

import dev.wasm4j.InvalidException;
import dev.wasm4j.model.AbsHeapType;
import dev.wasm4j.model.DefType;
import dev.wasm4j.model.FieldType;
import dev.wasm4j.model.FreezeClause;
import dev.wasm4j.model.FuncType;
import dev.wasm4j.model.HeapType;
import dev.wasm4j.model.NumType;
import dev.wasm4j.model.RefType;
import dev.wasm4j.model.StructType;
import dev.wasm4j.model.SubType;
import dev.wasm4j.model.ValType;
import dev.wasm4j.binary.ModuleDecoder;
import dev.wasm4j.model.Features;
import dev.wasm4j.text.Wat;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Canonicalization of rec groups and subtyping of closed types. */
class TypeRegistryTest {
    private final TypeRegistry reg = TypeRegistry.create();

    private static RefType ref(int index, boolean nullable) {
        return new RefType(nullable, HeapType.of(index));
    }

    /** (rec (type (struct (field (ref null 0)) )) (type (func (param (ref null 1))))) at some base. */
    private static List<SubType> list(int base) {
        return List.of(
                SubType.of(new StructType(List.of(new FieldType(ref(base, true), false)))),
                SubType.of(FuncType.of(List.of(ref(base + 1, true)), List.of())));
    }

    @Test
    void equalGroupsAreIdentical() {
        DefType[] a = reg.intern(list(0), 0, new DefType[0]);
        // The same group at another position of another module.
        DefType[] earlier = reg.intern(List.of(SubType.of(FuncType.of(List.of(), List.of()))), 0, new DefType[0]);
        DefType[] b = reg.intern(list(1), 1, earlier);
        assertSame(a[0], b[0]);
        assertSame(a[1], b[1]);
        // the closed struct field refers to the struct itself
        StructType st = (StructType) a[0].composite();
        assertEquals(new RefType(true, new HeapType.Defined(a[0])), st.fields().getFirst().storage());
    }

    /** (rec (type freezable (struct (field (mut (ref null 0)))))) (rec (type (freeze 0) (struct (field (ref 1))))). */
    private DefType[] freezableAndFrozen(int base, DefType[] earlier) {
        DefType[] t = reg.intern(List.of(new SubType(true, List.of(),
                new StructType(List.of(new FieldType(ref(base, true), true))), FreezeClause.FREEZABLE)), base, earlier);
        DefType[] all = java.util.Arrays.copyOf(earlier, base + 2);
        all[base] = t[0];
        DefType[] f = reg.intern(List.of(new SubType(true, List.of(),
                new StructType(List.of(new FieldType(ref(base + 1, false), false))), new FreezeClause.FreezeOf(base))),
                base + 1, all);
        return new DefType[] {t[0], f[0]};
    }

    @Test
    void freezeClausesArePartOfATypesIdentity() {
        DefType[] a = freezableAndFrozen(0, new DefType[0]);
        assertTrue(a[0].isFreezable());
        assertSame(a[0], a[1].frozenFrom());
        // Interned again (another module): the same types, and the frozen form registered once.
        DefType[] b = freezableAndFrozen(0, new DefType[0]);
        assertSame(a[0], b[0]);
        assertSame(a[1], b[1]);
        assertEquals(List.of(a[1]), List.of(a[0].frozenForms()));
        // The same shape without the clause is another type.
        DefType plain = reg.intern(List.of(SubType.of(
                new StructType(List.of(new FieldType(ref(0, true), true))))), 0, new DefType[0])[0];
        assertNotSame(a[0], plain);
        assertFalse(plain.isFreezable());
    }

    @Test
    void differentStructureIsDifferent() {
        DefType[] a = reg.intern(list(0), 0, new DefType[0]);
        // Same shapes, but the struct field points at the function type instead of itself.
        DefType[] c = reg.intern(List.of(
                SubType.of(new StructType(List.of(new FieldType(ref(1, true), false)))),
                SubType.of(FuncType.of(List.of(ref(1, true)), List.of()))), 0, new DefType[0]);
        assertNotSame(a[0], c[0]);
        // finality distinguishes types too
        DefType f = reg.intern(List.of(SubType.of(FuncType.of(List.of(), List.of()))), 0, new DefType[0])[0];
        DefType nf = reg.intern(List.of(new SubType(false, List.of(), FuncType.of(List.of(), List.of()))), 0,
                new DefType[0])[0];
        assertNotSame(f, nf);
    }

    @Test
    void supertypeChains() {
        StructType s0 = new StructType(List.of());
        StructType s1 = new StructType(List.of(new FieldType(NumType.I32, false)));
        StructType s2 = new StructType(List.of(new FieldType(NumType.I32, false), new FieldType(NumType.I64, true)));
        DefType[] t = reg.intern(List.of(
                new SubType(false, List.of(), s0),
                new SubType(false, List.of(0), s1),
                new SubType(true, List.of(1), s2)), 0, new DefType[0]);
        assertTrue(t[2].isSubtypeOf(t[0]));
        assertTrue(t[2].isSubtypeOf(t[1]));
        assertFalse(t[0].isSubtypeOf(t[2]));
        assertEquals(2, t[2].depth());
        assertSame(t[1], t[2].supertype());
        // Heap subtyping with abstract types
        HeapType d = new HeapType.Defined(t[2]);
        assertTrue(Types.isSubtype(d, AbsHeapType.STRUCT));
        assertTrue(Types.isSubtype(d, AbsHeapType.EQ));
        assertTrue(Types.isSubtype(d, AbsHeapType.ANY));
        assertFalse(Types.isSubtype(d, AbsHeapType.ARRAY));
        assertFalse(Types.isSubtype(d, AbsHeapType.FUNC));
        assertTrue(Types.isSubtype(AbsHeapType.NONE, d));
        assertFalse(Types.isSubtype(AbsHeapType.NOFUNC, d));
        assertFalse(Types.isSubtype(AbsHeapType.STRUCT, d));
        // a separate module declaring the same hierarchy gets the same types
        DefType[] u = reg.intern(List.of(
                new SubType(false, List.of(), s0),
                new SubType(false, List.of(0), s1),
                new SubType(true, List.of(1), s2)), 0, new DefType[0]);
        assertSame(t[2], u[2]);
    }

    @Test
    void supertypeAcrossGroups() {
        DefType[] base = reg.intern(List.of(new SubType(false, List.of(), FuncType.of(List.of(RefType.EQREF), List.of()))),
                0, new DefType[0]);
        // parameters are contravariant: (param i31ref) is not below (param eqref), (param anyref) is
        assertThrows(InvalidException.class, () -> reg.intern(
                List.of(new SubType(false, List.of(0), FuncType.of(List.of(RefType.I31REF), List.of()))), 1, base));
        DefType[] ok = reg.intern(
                List.of(new SubType(false, List.of(0), FuncType.of(List.of(RefType.ANYREF), List.of()))), 1, base);
        assertTrue(ok[0].isSubtypeOf(base[0]));
        // results must have the same length
        assertThrows(InvalidException.class, () -> reg.intern(
                List.of(new SubType(false, List.of(0), FuncType.of(List.of(RefType.EQREF), List.of(NumType.I32)))), 1, base));
    }

    @Test
    void invalidGroupsAreNotRegistered() {
        int before = reg.size();
        assertThrows(InvalidException.class, () -> reg.intern(List.of(
                SubType.of(FuncType.of(List.of(), List.of())),
                new SubType(false, List.of(0), FuncType.of(List.of(), List.of()))), 0, new DefType[0]));
        assertEquals(before, reg.size());
    }

    @Test
    void hostFunctionTypesMatchModuleTypes() {
        FuncType ft = FuncType.of(List.of(NumType.I32, RefType.EXTERNREF), List.of(NumType.F64));
        DefType host = TypeRegistry.global().funcType(ft);
        DefType module = TypeRegistry.global().intern(List.of(SubType.of(ft)), 0, new DefType[0])[0];
        assertSame(host, module);
        assertThrows(IllegalArgumentException.class,
                () -> TypeRegistry.global().funcType(FuncType.of(List.<ValType>of(ref(0, true)), List.of())));
    }

    @Test
    void valueSubtyping() {
        assertTrue(Types.isSubtype(new RefType(false, AbsHeapType.I31), RefType.EQREF));
        assertFalse(Types.isSubtype(RefType.EQREF, new RefType(false, AbsHeapType.ANY)));
        assertTrue(Types.isSubtype(RefType.NULLFUNCREF, RefType.FUNCREF));
        assertFalse(Types.isSubtype(RefType.NULLFUNCREF, RefType.ANYREF));
        assertTrue(Types.isSubtype(RefType.NULLEXNREF, RefType.EXNREF));
        assertFalse(Types.isSubtype(NumType.I32, NumType.I64));
    }

    private static ValidModule wat(String text) {
        return Validator.validate(ModuleDecoder.decode(Wat.assemble(text), Features.DEFAULT), Features.DEFAULT);
    }

    @Test
    void equivalenceAcrossModules() {
        ValidModule a = wat("(module (rec (type $t1 (func (param (ref $t2)))) (type $t2 (func (param (ref $t1))))))");
        ValidModule b = wat("(module (type (struct)) "
                + "(rec (type $t1 (func (param (ref $t2)))) (type $t2 (func (param (ref $t1))))))");
        assertSame(a.defType(0), b.defType(1));
        assertSame(a.defType(1), b.defType(2));
        // the same shapes in another order are another group
        ValidModule c = wat("(module (rec (type $t2 (func (param (ref $t1)))) (type $t1 (func (param (ref $t2))))"
                + " (type (func))))");
        assertNotSame(a.defType(0), c.defType(0));
        // closed value types compare across modules
        assertEquals(a.close(new RefType(true, HeapType.of(1))), b.close(new RefType(true, HeapType.of(2))));
        // a function's type is its canonical type
        ValidModule f = wat("(module (type $f (func (param i32))) (func (type $f)) (func (param i32)))");
        assertSame(f.functionType(0), f.functionType(1));
        assertSame(f.defType(0), TypeRegistry.global().funcType(FuncType.of(List.of(NumType.I32), List.of())));
    }
}
