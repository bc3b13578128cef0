package dev.wasm4j.valid;

import dev.wasm4j.InvalidException;
import dev.wasm4j.model.BlockType;
import dev.wasm4j.model.DefType;
import dev.wasm4j.model.Features;
import dev.wasm4j.model.FuncType;
import dev.wasm4j.model.GlobalType;
import dev.wasm4j.model.HeapType;
import dev.wasm4j.model.MemoryType;
import dev.wasm4j.model.Module;
import dev.wasm4j.model.NumType;
import dev.wasm4j.model.RefType;
import dev.wasm4j.model.TableType;
import dev.wasm4j.model.ValType;
import dev.wasm4j.model.VecType;

import java.util.List;

/**
 * The validation context C of a module (spec 3.1.6), with every type already closed: the canonical
 * {@link DefType} of each type index, and the closed types of functions, tables, memories, globals, tags
 * and element segments in their index spaces. The {@link Validator} fills it in module order; afterwards it
 * is immutable and shared by {@link ValidModule} and every replay.
 */
final class ModuleContext {
    final Module module;
    final Features features;
    final DefType[] types;
    final DefType[] funcs;
    final TableType[] tables;
    final MemoryType[] memories;
    final GlobalType[] globals;
    final DefType[] tags;
    final RefType[] elems;
    final int dataCount;
    /** Functions that {@code ref.func} may name in function bodies (spec: C.refs). */
    final boolean[] refs;
    /** Phases, freezable and frozen globals (frozen proposal); checked by the validator after the globals. */
    final PhasePlan phases;
    private final RefType[] nullRefs;
    private final RefType[] nonNullRefs;

    ModuleContext(Module m, Features features) {
        this.module = m;
        this.features = features;
        this.types = new DefType[m.types().size()];
        this.funcs = new DefType[m.functionCount()];
        this.tables = new TableType[m.tableTypes().size()];
        this.memories = new MemoryType[m.memoryTypes().size()];
        this.globals = new GlobalType[m.globalTypes().size()];
        this.tags = new DefType[m.tagTypes().size()];
        this.elems = new RefType[m.elems().size()];
        this.dataCount = m.datas().size();
        this.refs = new boolean[m.functionCount()];
        this.phases = new PhasePlan(m);
        this.nullRefs = new RefType[types.length];
        this.nonNullRefs = new RefType[types.length];
    }

    /** Fills the reference-type caches once the types are canonical. */
    void typesDone() {
        for (int i = 0; i < types.length; i++) {
            HeapType.Defined d = new HeapType.Defined(types[i]);
            nullRefs[i] = new RefType(true, d);
            nonNullRefs[i] = new RefType(false, d);
        }
    }

    static InvalidException unknown(String what, long index, long offset) {
        return new InvalidException("unknown " + what + " " + Long.toUnsignedString(index & 0xFFFFFFFFL), offset);
    }

    DefType type(int index, long offset) {
        if (index < 0 || index >= types.length || types[index] == null) {
            throw unknown("type", index, offset);
        }
        return types[index];
    }

    /** The function type at a type index; other composite types are a type mismatch. */
    FuncType funcType(int index, long offset) {
        DefType t = type(index, offset);
        if (!t.isFunc()) {
            throw new InvalidException("type mismatch: type " + index + " is not a function type", offset);
        }
        return t.funcType();
    }

    /** {@code (ref null? $index)}, closed. */
    RefType ref(int index, boolean nullable, long offset) {
        type(index, offset);
        return nullable ? nullRefs[index] : nonNullRefs[index];
    }

    ValType close(ValType t, long offset) {
        if (t instanceof RefType r) {
            return close(r, offset);
        }
        return t;
    }

    RefType close(RefType r, long offset) {
        if (r.heapType() instanceof HeapType.Concrete(int index)) {
            return ref(index, r.nullable(), offset);
        }
        return r;
    }

    HeapType close(HeapType h, long offset) {
        if (h instanceof HeapType.Concrete(int index)) {
            return new HeapType.Defined(type(index, offset));
        }
        return h;
    }

    List<ValType> close(List<ValType> ts, long offset) {
        boolean open = false;
        for (ValType t : ts) {
            open |= t instanceof RefType r && r.heapType() instanceof HeapType.Concrete;
        }
        if (!open) {
            return ts;
        }
        return ts.stream().map(t -> close(t, offset)).toList();
    }

    private static final FuncType EMPTY = FuncType.of(List.of(), List.of());
    private static final FuncType[] SINGLE = {
            FuncType.of(List.of(), List.of(NumType.I32)), FuncType.of(List.of(), List.of(NumType.I64)),
            FuncType.of(List.of(), List.of(NumType.F32)), FuncType.of(List.of(), List.of(NumType.F64)),
            FuncType.of(List.of(), List.of(VecType.V128)),
    };

    /** The closed function type of a block type. */
    FuncType blockType(BlockType bt, long offset) {
        // instanceof rather than a pattern switch: each pattern switch spins a class on first use, which every
        // module's start-up would pay for (a function's first block comes here)
        if (bt instanceof BlockType.Value(ValType t)) {
            if (t instanceof NumType n) {
                return SINGLE[n.ordinal()];
            }
            return t instanceof RefType r ? FuncType.of(List.of(), List.of(close(r, offset))) : SINGLE[4];
        }
        return bt instanceof BlockType.TypeIndex(int index) ? funcType(index, offset) : EMPTY;
    }

    DefType func(int index, long offset) {
        if (index < 0 || index >= funcs.length || funcs[index] == null) {
            throw unknown("function", index, offset);
        }
        return funcs[index];
    }

    TableType table(int index, long offset) {
        if (index < 0 || index >= tables.length || tables[index] == null) {
            throw unknown("table", index, offset);
        }
        return tables[index];
    }

    MemoryType memory(int index, long offset) {
        if (index < 0 || index >= memories.length || memories[index] == null) {
            throw unknown("memory", index, offset);
        }
        return memories[index];
    }

    /** A global among the first {@code limit} (constant expressions see only the globals before them). */
    GlobalType global(int index, int limit, long offset) {
        if (index < 0 || index >= limit || globals[index] == null) {
            throw unknown("global", index, offset);
        }
        return globals[index];
    }

    DefType tag(int index, long offset) {
        if (index < 0 || index >= tags.length || tags[index] == null) {
            throw unknown("tag", index, offset);
        }
        return tags[index];
    }

    RefType elem(int index, long offset) {
        if (index < 0 || index >= elems.length || elems[index] == null) {
            throw unknown("elem segment", index, offset);
        }
        return elems[index];
    }

    void data(int index, long offset) {
        if (index < 0 || index >= dataCount) {
            throw unknown("data segment", index, offset);
        }
    }
}
