package dev.wasm4j.exec.gc;

import dev.wasm4j.model.NumType;
import dev.wasm4j.model.PackedType;
import dev.wasm4j.model.RefType;
import dev.wasm4j.model.StorageType;
import dev.wasm4j.model.VecType;

/** How a field or array element is stored; constants are ints so that translated code can embed them. */
public final class StorageKind {
    public static final int I8 = 0;
    public static final int I16 = 1;
    public static final int I32 = 2;
    public static final int I64 = 3;
    public static final int F32 = 4;
    public static final int F64 = 5;
    public static final int V128 = 6;
    public static final int REF = 7;

    private StorageKind() {
    }

    public static int of(StorageType t) {
        return switch (t) {
            case PackedType p -> p == PackedType.I8 ? I8 : I16;
            case NumType n -> switch (n) {
                case I32 -> I32;
                case I64 -> I64;
                case F32 -> F32;
                case F64 -> F64;
            };
            case VecType v -> V128;
            case RefType r -> REF;
        };
    }

    /** Slots in a long array: 2 for v128, 0 for references, 1 otherwise. */
    public static int numSlots(int kind) {
        return kind == V128 ? 2 : kind == REF ? 0 : 1;
    }

    /** Truncates a value to the storage width (packed fields wrap). */
    public static long wrap(int kind, long v) {
        return switch (kind) {
            case I8 -> v & 0xFF;
            case I16 -> v & 0xFFFF;
            default -> v;
        };
    }
}
