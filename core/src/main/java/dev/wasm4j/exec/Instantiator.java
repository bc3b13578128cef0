package dev.wasm4j.exec;

import dev.wasm4j.LinkException;
import dev.wasm4j.TrapException;
import dev.wasm4j.memory.LinearMemory;
import dev.wasm4j.memory.VirtualMemory;
import dev.wasm4j.model.DataMode;
import dev.wasm4j.model.DataSegment;
import dev.wasm4j.model.ElemMode;
import dev.wasm4j.model.ElemSegment;
import dev.wasm4j.model.Export;
import dev.wasm4j.model.Expr;
import dev.wasm4j.model.ExternType;
import dev.wasm4j.model.Function;
import dev.wasm4j.model.Global;
import dev.wasm4j.model.GlobalType;
import dev.wasm4j.model.Import;
import dev.wasm4j.model.MemoryType;
import dev.wasm4j.model.Module;
import dev.wasm4j.model.RefType;
import dev.wasm4j.model.Table;
import dev.wasm4j.model.TableType;
import dev.wasm4j.model.Tag;
import dev.wasm4j.valid.ValidModule;

import java.util.List;

/**
 * Module instantiation (spec 4.5.4): resolves and checks imports, allocates the module's functions, tables,
 * memories, globals and tags, evaluates initializers, applies active segments and runs the start function
 * (and, with the frozen proposal, the later initialization phases: {@link Phases}).
 * A trap during segment initialization or in the start function fails instantiation; writes done by earlier
 * segments to imported tables and memories stay, as the spec says.
 */
public final class Instantiator {

    /** Supplies the external value for each import, or null when there is none. */
    @FunctionalInterface
    public interface ImportResolver {
        ExternVal resolve(Import imp);
    }

    private Instantiator() {
    }

    public static ModuleInstance instantiate(ValidModule valid, ImportResolver imports) {
        return instantiate(valid, imports, null);
    }

    /**
     * Instantiates with an execution tier hook: {@code tier} (if not null) sees the instance once its
     * functions exist and before any of them runs (initializers, start function), to install compiled code.
     */
    public static ModuleInstance instantiate(ValidModule valid, ImportResolver imports,
                                             java.util.function.Consumer<ModuleInstance> tier) {
        Module m = valid.module();
        ModuleInstance inst = new ModuleInstance(valid);
        for (int i = 0; i < inst.types.length; i++) {
            inst.types[i] = valid.defType(i);
        }
        resolveImports(valid, inst, imports);

        int f = m.importedFunctionCount();
        for (Function def : m.functions()) {
            inst.functions[f] = new WasmFunction(inst.types[def.typeIndex()], inst, f);
            f++;
        }
        if (tier != null) {
            tier.accept(inst);
        }
        int t = m.importedTagCount();
        for (Tag tag : m.tags()) {
            inst.tags[t++] = new TagInstance(inst.types[tag.type().typeIndex()]);
        }
        int g = m.importedGlobalCount();
        for (Global def : m.globals()) {
            GlobalInstance global = new GlobalInstance((GlobalType) close(valid, def.type()));
            if (def.init() != null) {  // a frozen global gets its value when its phase begins
                ConstEval.Result v = ConstEval.eval(inst, def.init());
                global.value = v.value();
                global.high = v.high();
                global.ref = v.ref();
            }
            inst.globals[g++] = global;
        }
        int tb = m.importedTableCount();
        for (Table def : m.tables()) {
            Object init = def.init() == null ? null : ConstEval.eval(inst, def.init()).ref();
            inst.tables[tb++] = new TableInstance((TableType) close(valid, def.type()), init);
        }
        int mem = m.importedMemoryCount();
        for (MemoryType def : m.memories()) {
            inst.memories[mem++] = allocateMemory(def);
        }
        inst.memory0 = inst.memories.length > 0 ? inst.memories[0] : null;
        for (Export e : m.exports()) {
            inst.addExport(e.name(), switch (e.kind()) {
                case FUNC -> new ExternVal.Func(inst.functions[e.index()]);
                case TABLE -> new ExternVal.Table(inst.tables[e.index()]);
                case MEMORY -> new ExternVal.Memory(inst.memories[e.index()]);
                case GLOBAL -> new ExternVal.Global(inst.globals[e.index()]);
                case TAG -> new ExternVal.Tag(inst.tags[e.index()]);
            });
        }
        for (LinearMemory memory : inst.memories) {
            inst.provisionalMemories |= memory.provisional();
        }
        initSegments(m, inst);
        Phases.run(inst);
        return inst;
    }

    private static LinearMemory allocateMemory(MemoryType type) {
        try {
            return LinearMemory.allocate(type);
        } catch (OutOfMemoryError e) {
            throw new TrapException("cannot allocate memory of " + type.limits().min() + " pages");
        }
    }

    private static ExternType close(ValidModule valid, ExternType type) {
        // instanceof rather than pattern switches in this class: each pattern switch spins a class on first
        // use, which every program's start-up would pay for
        if (type instanceof GlobalType gt) {
            return new GlobalType(valid.close(gt.valType()), gt.mutable());
        }
        if (type instanceof TableType tt) {
            return new TableType(tt.addrType(), tt.limits(), (RefType) valid.close(tt.elemType()));
        }
        return type;
    }

    private static void resolveImports(ValidModule valid, ModuleInstance inst, ImportResolver imports) {
        Module m = valid.module();
        int f = 0;
        int tb = 0;
        int mem = 0;
        int g = 0;
        int tg = 0;
        for (Import imp : m.imports()) {
            ExternVal v = imports.resolve(imp);
            if (v == null) {
                throw new LinkException("unknown import " + imp.module() + "." + imp.name());
            }
            ExternType expected = close(valid, imp.type());
            if (!ImportMatching.matches(v, expected, valid)) {
                throw new LinkException("incompatible import type for " + imp.module() + "." + imp.name());
            }
            if (v instanceof ExternVal.Func x) {
                inst.functions[f++] = x.function();
            } else if (v instanceof ExternVal.Table x) {
                inst.tables[tb++] = x.table();
            } else if (v instanceof ExternVal.Memory x) {
                inst.memories[mem++] = x.memory();
            } else if (v instanceof ExternVal.Global x) {
                inst.globals[g++] = x.global();
            } else {
                inst.tags[tg++] = ((ExternVal.Tag) v).tag();
            }
        }
    }

    private static void initSegments(Module m, ModuleInstance inst) {
        List<ElemSegment> elems = m.elems();
        for (int i = 0; i < elems.size(); i++) {
            ElemSegment seg = elems.get(i);
            Object[] refs;
            if (seg.items() instanceof ElemSegment.Items.FuncIndices fi) {
                refs = new Object[fi.indices().length];
                for (int k = 0; k < refs.length; k++) {
                    refs[k] = inst.functions[fi.indices()[k]];
                }
            } else {
                List<Expr> exprs = ((ElemSegment.Items.Exprs) seg.items()).exprs();
                refs = new Object[exprs.size()];
                for (int k = 0; k < refs.length; k++) {
                    refs[k] = ConstEval.eval(inst, exprs.get(k)).ref();
                }
            }
            inst.elems[i] = refs;
        }
        List<DataSegment> datas = m.datas();
        for (int i = 0; i < datas.size(); i++) {
            DataSegment d = datas.get(i);
            inst.dataBytes[i] = d.bytes();
            inst.dataStart[i] = d.start();
            inst.dataLength[i] = d.length();
        }
        for (int i = 0; i < elems.size(); i++) {
            ElemMode mode = elems.get(i).mode();
            if (mode instanceof ElemMode.Active a) {
                TableInstance table = inst.tables[a.table()];
                long offset = ConstEval.eval(inst, a.offset()).value();
                long start = table.type().addrType() == dev.wasm4j.model.AddrType.I64 ? offset : offset & 0xFFFF_FFFFL;
                table.init(start, inst.elems[i], 0, inst.elems[i].length);
                inst.dropElem(i);
            } else if (mode instanceof ElemMode.Declarative) {
                inst.dropElem(i);
            }
        }
        for (int i = 0; i < datas.size(); i++) {
            if (datas.get(i).mode() instanceof DataMode.Active a) {
                LinearMemory memory = inst.memories[a.memory()];
                long offset = ConstEval.eval(inst, a.offset()).value();
                long start = memory.type().addrType() == dev.wasm4j.model.AddrType.I64 ? offset : offset & 0xFFFF_FFFFL;
                if (memory instanceof VirtualMemory v) {
                    v.initData(start, inst.dataBytes[i], inst.dataStart[i], inst.dataLength[i]);
                } else {
                    memory.init(start, inst.dataBytes[i], inst.dataStart[i], inst.dataLength[i]);
                }
                inst.dropData(i);
            }
        }
        // Static protection takes effect once the module's own memories are initialized.
        for (int i = m.importedMemoryCount(); i < inst.memories.length; i++) {
            inst.memories[i].lock();
        }
    }
}
