package dev.wasm4j.binary;

import dev.wasm4j.MalformedException;
import dev.wasm4j.model.ArrayType;
import dev.wasm4j.model.CompositeType;
import dev.wasm4j.model.Feature;
import dev.wasm4j.model.FieldType;
import dev.wasm4j.model.FreezeClause;
import dev.wasm4j.model.FuncType;
import dev.wasm4j.model.PackedType;
import dev.wasm4j.model.RecType;
import dev.wasm4j.model.StorageType;
import dev.wasm4j.model.StructType;
import dev.wasm4j.model.SubType;
import dev.wasm4j.model.ValType;

import java.util.ArrayList;
import java.util.List;

/**
 * The type section (spec 5.5.4): recursive groups ({@code 0x4E}) of sub types ({@code 0x50} open,
 * {@code 0x4F} final, or a bare composite type, which is final with no super types) of function
 * ({@code 0x60}), struct ({@code 0x5F}) and array ({@code 0x5E}) types. Everything but function types needs
 * {@link Feature#GC}. With {@link Feature#FROZEN}, the composite type may be preceded by {@code 0x4B}
 * ({@code freezable}) or {@code 0x4A x:typeidx} ({@code (freeze x)}), wasm4j's encoding of the frozen proposal
 * (docs/proposals/frozen.md).
 *
 * @see <a href="https://webassembly.github.io/spec/core/binary/modules.html#type-section">spec 5.5.4</a>
 * @see <a href="https://webassembly.github.io/spec/core/binary/types.html#recursive-types">spec 5.3.8</a>
 */
final class TypeSectionDecoder {
    /** The {@code freezable} clause (frozen proposal). */
    static final int FREEZABLE = 0x4B;
    /** The {@code (freeze x)} clause (frozen proposal). */
    static final int FREEZE = 0x4A;

    private TypeSectionDecoder() {
    }

    static String decode(Decoding d) {
        WasmReader in = d.in;
        int n = in.len32();
        for (int i = 0; i < n; i++) {
            d.module.addRecType(recType(in));
        }
        return SectionId.TYPE.title;
    }

    private static RecType recType(WasmReader in) {
        if (in.peekU8() == 0x4E && in.has(Feature.GC)) {
            in.u8();
            int n = in.len32();
            List<SubType> subs = new ArrayList<>(Decoding.capacity(n));
            for (int i = 0; i < n; i++) {
                subs.add(subType(in));
            }
            return new RecType(subs);
        }
        return new RecType(List.of(subType(in)));
    }

    private static SubType subType(WasmReader in) {
        int b = in.peekU8();
        if ((b == 0x50 || b == 0x4F) && in.has(Feature.GC)) {
            in.u8();
            int n = in.len32();
            List<Integer> supers = new ArrayList<>(Decoding.capacity(n));
            for (int i = 0; i < n; i++) {
                int at = in.pos();
                int idx = in.u32();
                if (idx < 0) {
                    throw new MalformedException("malformed type index", at);
                }
                supers.add(idx);
            }
            FreezeClause freeze = freezeClause(in);
            return new SubType(b == 0x4F, supers, compositeType(in), freeze);
        }
        FreezeClause freeze = freezeClause(in);
        return new SubType(true, List.of(), compositeType(in), freeze);
    }

    /** The frozen proposal's clause before a composite type: {@code 0x4B} freezable, {@code 0x4A x} freeze x. */
    private static FreezeClause freezeClause(WasmReader in) {
        if (!in.has(Feature.FROZEN)) {
            return FreezeClause.NONE;
        }
        int b = in.peekU8();
        if (b == FREEZABLE) {
            in.u8();
            return FreezeClause.FREEZABLE;
        }
        if (b == FREEZE) {
            in.u8();
            int at = in.pos();
            int idx = in.u32();
            if (idx < 0) {
                throw new MalformedException("malformed type index", at);
            }
            return new FreezeClause.FreezeOf(idx);
        }
        return FreezeClause.NONE;
    }

    private static CompositeType compositeType(WasmReader in) {
        int at = in.pos();
        int b = in.typeCode();
        boolean gc = in.has(Feature.GC);
        if (b == 0x60) {
            return new FuncType(valTypes(in), valTypes(in));
        } else if (b == 0x5F && gc) {
            int n = in.len32();
            List<FieldType> fields = new ArrayList<>(Decoding.capacity(n));
            for (int i = 0; i < n; i++) {
                fields.add(fieldType(in));
            }
            return new StructType(fields);
        } else if (b == 0x5E && gc) {
            return new ArrayType(fieldType(in));
        }
        throw new MalformedException("malformed definition type", at);
    }

    /** A result type: a vector of value types (spec 5.3.5). */
    static List<ValType> valTypes(WasmReader in) {
        int n = in.len32();
        List<ValType> types = new ArrayList<>(Decoding.capacity(n));
        for (int i = 0; i < n; i++) {
            types.add(in.valType());
        }
        return types;
    }

    private static FieldType fieldType(WasmReader in) {
        StorageType t = storageType(in);
        return new FieldType(t, mutability(in));
    }

    /** A value type or a packed type ({@code 0x78} i8, {@code 0x77} i16). */
    private static StorageType storageType(WasmReader in) {
        int at = in.pos();
        int b = in.peekU8();
        if ((b & 0x80) != 0) {
            in.typeCode();
        }
        if (b == 0x78 || b == 0x77) {
            in.u8();
            return b == 0x78 ? PackedType.I8 : PackedType.I16;
        }
        try {
            return in.valType();
        } catch (MalformedException e) {
            // Neither a value type nor a packed type: the reference interpreter names the storage type.
            throw new MalformedException("malformed storage type", at);
        }
    }

    /** A mutability flag (spec 5.3.10): 0 const, 1 var. */
    static boolean mutability(WasmReader in) {
        int at = in.pos();
        return switch (in.u8()) {
            case 0 -> false;
            case 1 -> true;
            default -> throw new MalformedException("malformed mutability", at);
        };
    }
}
