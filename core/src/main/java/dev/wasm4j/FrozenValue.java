package dev.wasm4j;

import dev.wasm4j.exec.gc.ArrayObject;
import dev.wasm4j.exec.gc.StorageKind;
import dev.wasm4j.exec.gc.StructLayout;
import dev.wasm4j.exec.gc.StructObject;
import dev.wasm4j.model.ArrayType;
import dev.wasm4j.model.DefType;
import dev.wasm4j.model.FieldType;
import dev.wasm4j.model.HeapType;
import dev.wasm4j.model.NumType;
import dev.wasm4j.model.PackedType;
import dev.wasm4j.model.RefType;
import dev.wasm4j.model.StorageType;
import dev.wasm4j.model.StructType;
import dev.wasm4j.model.VecType;

import java.util.Optional;

/**
 * A frozen struct or array as the host sees it (frozen proposal, docs/proposals/frozen.md "Java API"): a value
 * whose type was declared {@code (freeze $t)}, which no one can change any more, so the host may read it
 * whenever it likes and keep it as long as it likes. Fields and elements come back as {@link Value}s; a
 * reference to another frozen value opens with {@link #frozen(int)}. {@link #value()} passes it back to Wasm.
 *
 * <pre>{@code
 * FrozenValue tree = FrozenValue.of(instance.function("build").call()[0]).orElseThrow();
 * int size = tree.get(0).asInt();               // field 0, an i32
 * FrozenValue left = tree.frozen(1);            // field 1, a (ref $tree_f)
 * instance.function("depth").call(left.value());
 * }</pre>
 *
 * <p>Thread safety: immutable, as the value is.
 */
public final class FrozenValue {
    private final Object object;
    private final DefType type;

    private FrozenValue(Object object, DefType type) {
        this.object = object;
        this.type = type;
    }

    /**
     * The frozen value {@code v} refers to.
     *
     * @param v a value
     * @return the frozen value, or empty for null, numbers and anything not frozen
     */
    public static Optional<FrozenValue> of(Value v) {
        if (!(v instanceof Value.Ref r)) {
            return Optional.empty();
        }
        DefType t = switch (r.ref()) {
            case StructObject s -> s.type;
            case ArrayObject a -> a.type;
            case null, default -> null;
        };
        return t != null && t.isFrozen() ? Optional.of(new FrozenValue(r.ref(), t)) : Optional.empty();
    }

    /**
     * The value's canonical frozen type.
     *
     * @return the type
     */
    public DefType type() {
        return type;
    }

    /**
     * Whether the value is an array (else a struct).
     *
     * @return true for an array
     */
    public boolean isArray() {
        return object instanceof ArrayObject;
    }

    /**
     * The number of fields of a struct (of its frozen type), or of elements of an array.
     *
     * @return the length
     */
    public int length() {
        return object instanceof ArrayObject a ? a.length : ((StructType) type.composite()).fields().size();
    }

    /**
     * The storage type of field (or element) {@code i}.
     *
     * @param i the field's index
     * @return its storage type
     */
    public StorageType storageType(int i) {
        return fieldType(i).storage();
    }

    /**
     * Field {@code i} of a struct, element {@code i} of an array. Packed values come zero-extended, as
     * {@code struct.get_u} gives them; references come as {@link Value.Ref}s of the field's type.
     *
     * @param i the field's or element's index
     * @return its value
     */
    public Value get(int i) {
        StorageType st = fieldType(i).storage();
        if (object instanceof ArrayObject a) {
            if (i < 0 || i >= a.length) {
                throw new IndexOutOfBoundsException("element " + i + " of an array of " + a.length);
            }
            return switch (a.kind) {
                case StorageKind.REF -> new Value.Ref((RefType) st, a.getRef(i));
                case StorageKind.V128 -> Value.v128(a.getV128Low(i), a.getV128High(i));
                default -> number(st, a.getNum(i));
            };
        }
        StructObject s = (StructObject) object;
        StructLayout layout = StructLayout.of(type);
        int slot = layout.slot(i);
        return switch (layout.kind(i)) {
            case StorageKind.REF -> new Value.Ref((RefType) st, s.refs[slot]);
            case StorageKind.V128 -> Value.v128(s.nums[slot], s.nums[slot + 1]);
            default -> number(st, s.nums[slot]);
        };
    }

    /**
     * Field or element {@code i}, which must refer to a frozen value (not null).
     *
     * @param i the field's or element's index
     * @return the frozen value it refers to
     * @throws IllegalStateException when it refers to nothing frozen
     */
    public FrozenValue frozen(int i) {
        return of(get(i)).orElseThrow(() -> new IllegalStateException("field " + i + " is not a frozen value"));
    }

    /**
     * This value as a reference to pass to Wasm functions, globals and tables that take its type.
     *
     * @return the reference
     */
    public Value value() {
        return new Value.Ref(new RefType(false, new HeapType.Defined(type)), object);
    }

    private FieldType fieldType(int i) {
        if (type.composite() instanceof ArrayType a) {
            return a.element();
        }
        var fields = ((StructType) type.composite()).fields();
        if (i < 0 || i >= fields.size()) {
            throw new IndexOutOfBoundsException("field " + i + " of a struct of " + fields.size());
        }
        return fields.get(i);
    }

    private static Value number(StorageType st, long raw) {
        return switch (st) {
            case PackedType p -> Value.i32((int) raw);
            case NumType n -> switch (n) {
                case I32 -> Value.i32((int) raw);
                case I64 -> Value.i64(raw);
                case F32 -> Value.f32Bits((int) raw);
                case F64 -> Value.f64Bits(raw);
            };
            default -> throw new IllegalStateException("not a number type: " + st);
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FrozenValue f && f.object == object;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(object);
    }

    @Override
    public String toString() {
        return "frozen " + object;
    }
}
