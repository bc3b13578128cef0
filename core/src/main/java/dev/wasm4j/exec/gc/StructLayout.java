package dev.wasm4j.exec.gc;

import dev.wasm4j.model.DefType;
import dev.wasm4j.model.FieldType;
import dev.wasm4j.model.StructType;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where each field of a struct type lives in a {@link StructObject}: number fields in its long array (v128
 * fields take two slots), reference fields in its object array. Computed once per canonical type.
 */
public final class StructLayout {
    private static final Map<DefType, StructLayout> CACHE = new ConcurrentHashMap<>();

    private final int[] kinds;
    private final int[] slots;
    private final int numSlots;
    private final int refSlots;

    private StructLayout(StructType type) {
        List<FieldType> fields = type.fields();
        kinds = new int[fields.size()];
        slots = new int[fields.size()];
        int nums = 0;
        int refs = 0;
        for (int i = 0; i < fields.size(); i++) {
            int k = StorageKind.of(fields.get(i).storage());
            kinds[i] = k;
            if (k == StorageKind.REF) {
                slots[i] = refs++;
            } else {
                slots[i] = nums;
                nums += StorageKind.numSlots(k);
            }
        }
        numSlots = nums;
        refSlots = refs;
    }

    public static StructLayout of(DefType type) {
        return CACHE.computeIfAbsent(type, t -> new StructLayout((StructType) t.composite()));
    }

    public int fieldCount() {
        return kinds.length;
    }

    public int kind(int field) {
        return kinds[field];
    }

    /** Index of the field in the long array (numbers) or the object array (references). */
    public int slot(int field) {
        return slots[field];
    }

    public int numSlots() {
        return numSlots;
    }

    public int refSlots() {
        return refSlots;
    }
}
