package dev.wasm4j.wast;

import dev.wasm4j.Value;
import dev.wasm4j.exec.ExceptionObject;
import dev.wasm4j.exec.FunctionInstance;
import dev.wasm4j.exec.gc.ArrayObject;
import dev.wasm4j.exec.gc.ExternAnyRef;
import dev.wasm4j.exec.gc.HostAnyRef;
import dev.wasm4j.exec.gc.I31Ref;
import dev.wasm4j.exec.gc.StructObject;

import java.util.List;

/** Compares actual results with an {@code assert_return}'s expectations (spec script format, "results"). */
final class Results {
    private Results() {
    }

    /** Null when {@code actual} matches {@code expected}, else a description of the difference. */
    static String compare(List<Expected> expected, Value[] actual) {
        if (expected.size() != actual.length) {
            return "expected " + expected.size() + " results, got " + actual.length;
        }
        for (int i = 0; i < actual.length; i++) {
            if (!matches(expected.get(i), actual[i])) {
                return "result " + i + ": expected " + expected.get(i) + ", got " + actual[i];
            }
        }
        return null;
    }

    static boolean matches(Expected e, Value v) {
        return switch (e) {
            case Expected.Exact x -> exact(x.value(), v);
            case Expected.Nan n -> n.f64() ? v instanceof Value.F64 d && nan64(d.bits(), n.canonical())
                    : v instanceof Value.F32 f && nan32(f.bits(), n.canonical());
            case Expected.V128Lanes lanes -> v instanceof Value.V128 x && lanes(lanes, x);
            case Expected.RefNull n -> v instanceof Value.Ref r && r.ref() == null;
            case Expected.RefExtern x -> v instanceof Value.Ref r && r.ref() != null
                    && (x.id() == null || hostRef(r.ref(), x.id()));
            case Expected.RefHost h -> v instanceof Value.Ref r && r.ref() != null && hostRef(r.ref(), h.id());
            case Expected.RefKind k -> v instanceof Value.Ref r && r.ref() != null && kind(k.kind(), r.ref());
            case Expected.Either either -> either.alternatives().stream().anyMatch(a -> matches(a, v));
        };
    }

    private static boolean hostRef(Object ref, int id) {
        Object o = ref instanceof HostAnyRef h ? h.extern() : ref;
        return o instanceof HostRef hr && hr.id() == id;
    }

    private static boolean kind(String kind, Object ref) {
        return switch (kind.startsWith("ref.") ? kind.substring(4) : kind) {
            case "func" -> ref instanceof FunctionInstance;
            case "struct" -> ref instanceof StructObject;
            case "array" -> ref instanceof ArrayObject;
            case "i31" -> ref instanceof I31Ref;
            case "eq" -> ref instanceof StructObject || ref instanceof ArrayObject || ref instanceof I31Ref;
            case "any" -> !(ref instanceof FunctionInstance) && !(ref instanceof ExceptionObject);
            case "exn" -> ref instanceof ExceptionObject;
            case "extern" -> true;
            case "host" -> ref instanceof HostRef || ref instanceof HostAnyRef || ref instanceof ExternAnyRef;
            default -> false;
        };
    }

    private static boolean exact(Value expected, Value actual) {
        return switch (expected) {
            case Value.I32 x -> actual instanceof Value.I32 a && a.value() == x.value();
            case Value.I64 x -> actual instanceof Value.I64 a && a.value() == x.value();
            case Value.F32 x -> actual instanceof Value.F32 a && a.bits() == x.bits();
            case Value.F64 x -> actual instanceof Value.F64 a && a.bits() == x.bits();
            case Value.V128 x -> actual instanceof Value.V128 a && a.low() == x.low() && a.high() == x.high();
            case Value.Ref x -> actual instanceof Value.Ref a && (x.ref() == null ? a.ref() == null
                    : a.ref() != null && (a.ref().equals(x.ref()) || hostEquals(a.ref(), x.ref())));
        };
    }

    private static boolean hostEquals(Object actual, Object expected) {
        return actual instanceof HostAnyRef h && h.extern().equals(expected);
    }

    static boolean nan32(int bits, boolean canonical) {
        int payload = bits & 0x7FFF_FFFF;
        return canonical ? payload == 0x7FC0_0000 : (payload & 0x7FC0_0000) == 0x7FC0_0000;
    }

    static boolean nan64(long bits, boolean canonical) {
        long payload = bits & Long.MAX_VALUE;
        return canonical ? payload == 0x7FF8_0000_0000_0000L
                : (payload & 0x7FF8_0000_0000_0000L) == 0x7FF8_0000_0000_0000L;
    }

    private static boolean lanes(Expected.V128Lanes e, Value.V128 v) {
        List<Expected> lanes = e.lanes();
        boolean f64 = e.shape().equals("f64x2");
        for (int i = 0; i < lanes.size(); i++) {
            Expected lane = lanes.get(i);
            if (f64) {
                long bits = i == 0 ? v.low() : v.high();
                if (!matches(lane, Value.f64Bits(bits))) {
                    return false;
                }
            } else {
                long word = i < 2 ? v.low() : v.high();
                int bits = (int) (word >>> (32 * (i % 2)));
                if (!matches(lane, Value.f32Bits(bits))) {
                    return false;
                }
            }
        }
        return true;
    }
}
