package dev.wasm4j.cli;

import dev.wasm4j.model.AbsHeapType;
import dev.wasm4j.model.Export;
import dev.wasm4j.model.ExternType;
import dev.wasm4j.model.FuncType;
import dev.wasm4j.model.GlobalType;
import dev.wasm4j.model.HeapType;
import dev.wasm4j.model.MemoryType;
import dev.wasm4j.model.Module;
import dev.wasm4j.model.RefType;
import dev.wasm4j.model.TableType;
import dev.wasm4j.model.TagType;
import dev.wasm4j.model.ValType;

import java.util.List;
import java.util.stream.Collectors;

/** Types as the text format writes them, for {@code wasm4j inspect}: {@code (func (param i32) (result i64))}. */
final class Signatures {
    private Signatures() {
    }

    static String export(Module m, Export e) {
        return switch (e.kind()) {
            case FUNC -> func(m.functionType(e.index()));
            case TABLE -> of(m, m.tableTypes().get(e.index()));
            case MEMORY -> of(m, m.memoryTypes().get(e.index()));
            case GLOBAL -> of(m, m.globalTypes().get(e.index()));
            case TAG -> of(m, m.tagTypes().get(e.index()));
        };
    }

    static String of(Module m, ExternType t) {
        return switch (t) {
            case ExternType.Func f -> func(m.funcType(f.typeIndex()));
            case TableType tt -> "(table " + addr(tt.addrType().toString()) + tt.limits() + " " + val(tt.elemType()) + ")";
            case MemoryType mt -> "(memory " + addr(mt.addrType().toString()) + mt.limits()
                    + (mt.shared() ? " shared" : "") + ")";
            case GlobalType g -> "(global " + (g.mutable() ? "(mut " + val(g.valType()) + ")" : val(g.valType())) + ")";
            case TagType tag -> "(tag" + funcParts(m.funcType(tag.typeIndex())) + ")";
        };
    }

    static String func(FuncType f) {
        return "(func" + funcParts(f) + ")";
    }

    private static String funcParts(FuncType f) {
        return part("param", f.params()) + part("result", f.results());
    }

    private static String part(String kind, List<ValType> types) {
        return types.isEmpty() ? "" : " (" + kind + " " + types.stream().map(Signatures::val)
                .collect(Collectors.joining(" ")) + ")";
    }

    private static String addr(String addrType) {
        return addrType.equals("i64") ? "i64 " : "";
    }

    static String val(ValType t) {
        if (t instanceof RefType r && r.nullable() && r.heapType() instanceof AbsHeapType a) {
            return a + "ref";
        }
        if (t instanceof RefType r) {
            String heap = r.heapType() instanceof HeapType.Concrete c ? Integer.toString(c.typeIndex())
                    : r.heapType().toString();
            return "(ref " + (r.nullable() ? "null " : "") + heap + ")";
        }
        return t.toString();
    }
}
