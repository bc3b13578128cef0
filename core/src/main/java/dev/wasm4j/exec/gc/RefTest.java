package dev.wasm4j.exec.gc;

import dev.wasm4j.exec.ExceptionObject;
import dev.wasm4j.exec.FunctionInstance;
import dev.wasm4j.model.AbsHeapType;
import dev.wasm4j.model.DefType;
import dev.wasm4j.model.HeapType;
import dev.wasm4j.model.RefType;

/**
 * Whether a run-time reference belongs to a closed reference type (spec 4.4.x {@code ref.test}): the
 * dynamic type of the reference must match the target's heap type, and null needs a nullable target.
 */
public final class RefTest {
    private RefTest() {
    }

    public static boolean matches(Object ref, RefType target) {
        if (ref == null) {
            return target.nullable();
        }
        return matchesHeap(ref, target.heapType());
    }

    /** Whether a non-null reference belongs to the heap type. */
    public static boolean matchesHeap(Object ref, HeapType heapType) {
        return switch (heapType) {
            case AbsHeapType a -> switch (a) {
                case ANY -> !(ref instanceof FunctionInstance) && !(ref instanceof ExceptionObject);
                case EQ -> ref instanceof I31Ref || ref instanceof StructObject || ref instanceof ArrayObject;
                case I31 -> ref instanceof I31Ref;
                case STRUCT -> ref instanceof StructObject;
                case ARRAY -> ref instanceof ArrayObject;
                case FUNC -> ref instanceof FunctionInstance;
                case EXN -> ref instanceof ExceptionObject;
                case EXTERN -> true;
                case NONE, NOFUNC, NOEXTERN, NOEXN -> false;
            };
            case HeapType.Defined d -> {
                DefType t = dynamicType(ref);
                yield t != null && t.isSubtypeOf(d.type());
            }
            case HeapType.Concrete c -> throw new IllegalStateException("module-relative type at run time: " + c);
        };
    }

    /** The canonical type of a struct, array or function reference; null for others. */
    public static DefType dynamicType(Object ref) {
        return switch (ref) {
            case StructObject s -> s.type;
            case ArrayObject a -> a.type;
            case FunctionInstance f -> f.defType();
            default -> null;
        };
    }
}
