package dev.wasm4j.text;

import dev.wasm4j.model.AbsHeapType;
import dev.wasm4j.model.ArrayType;
import dev.wasm4j.model.CompositeType;
import dev.wasm4j.model.FieldType;
import dev.wasm4j.model.FreezeClause;
import dev.wasm4j.model.FuncType;
import dev.wasm4j.model.GlobalType;
import dev.wasm4j.model.HeapType;
import dev.wasm4j.model.NumType;
import dev.wasm4j.model.Opcode;
import dev.wasm4j.model.PackedType;
import dev.wasm4j.model.RecType;
import dev.wasm4j.model.RefType;
import dev.wasm4j.model.StorageType;
import dev.wasm4j.model.StructType;
import dev.wasm4j.model.SubType;
import dev.wasm4j.model.ValType;
import dev.wasm4j.model.VecType;

import java.util.List;

/** Binary encodings of types and opcodes (spec 5.3, 5.4). */
final class Encode {

    private Encode() {
    }

    static void opcode(ByteWriter w, Opcode op) {
        if (op.prefix() != Opcode.SINGLE) {
            w.u8(op.prefix()).u32(op.code());
        } else {
            w.u8(op.code());
        }
    }

    static void valType(ByteWriter w, ValType t) {
        switch (t) {
            case NumType n -> w.u8(n.code());
            case VecType v -> w.u8(v.code());
            case RefType r -> refType(w, r);
        }
    }

    static void valTypes(ByteWriter w, List<ValType> ts) {
        w.u32(ts.size());
        for (ValType t : ts) {
            valType(w, t);
        }
    }

    static void refType(ByteWriter w, RefType r) {
        if (r.nullable() && r.heapType() instanceof AbsHeapType a) {
            w.u8(a.code());
            return;
        }
        w.u8(r.nullable() ? 0x63 : 0x64);
        heapType(w, r.heapType());
    }

    static void heapType(ByteWriter w, HeapType h) {
        switch (h) {
            case AbsHeapType a -> w.u8(a.code());
            case HeapType.Concrete c -> w.s64(c.typeIndex());
            case HeapType.Defined d -> throw new IllegalArgumentException("closed type in text: " + d);
        }
    }

    static void storageType(ByteWriter w, StorageType s) {
        switch (s) {
            case PackedType p -> w.u8(p == PackedType.I8 ? 0x78 : 0x77);
            case ValType v -> valType(w, v);
        }
    }

    static void fieldType(ByteWriter w, FieldType f) {
        storageType(w, f.storage());
        w.u8(f.mutable() ? 1 : 0);
    }

    static void globalType(ByteWriter w, GlobalType g) {
        valType(w, g.valType());
        w.u8(g.mutable() ? 1 : 0);
    }

    static void compositeType(ByteWriter w, CompositeType ct) {
        switch (ct) {
            case FuncType f -> {
                w.u8(0x60);
                valTypes(w, f.params());
                valTypes(w, f.results());
            }
            case StructType s -> {
                w.u8(0x5F);
                w.u32(s.fields().size());
                for (FieldType f : s.fields()) {
                    fieldType(w, f);
                }
            }
            case ArrayType a -> {
                w.u8(0x5E);
                fieldType(w, a.element());
            }
        }
    }

    static void subType(ByteWriter w, SubType st) {
        if (!st.isFinal() || !st.supertypes().isEmpty()) {
            w.u8(st.isFinal() ? 0x4F : 0x50);
            w.u32(st.supertypes().size());
            for (int s : st.supertypes()) {
                w.u32(s);
            }
        }
        switch (st.freeze()) {
            case FreezeClause.None n -> { }
            case FreezeClause.Freezable f -> w.u8(FREEZABLE);
            case FreezeClause.FreezeOf f -> w.u8(FREEZE).u32(f.index());
        }
        compositeType(w, st.composite());
    }

    /** The frozen proposal's type clauses (docs/proposals/frozen.md): freezable, (freeze x). */
    private static final int FREEZABLE = 0x4B;
    private static final int FREEZE = 0x4A;

    /** A recursion group; {@code explicit} groups keep their {@code 0x4E} prefix even with one type. */
    static void recType(ByteWriter w, RecType r, boolean explicit) {
        if (explicit || r.subtypes().size() != 1) {
            w.u8(0x4E);
            w.u32(r.subtypes().size());
        }
        for (SubType st : r.subtypes()) {
            subType(w, st);
        }
    }
}
