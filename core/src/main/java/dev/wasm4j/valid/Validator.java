package dev.wasm4j.valid;

import dev.wasm4j.InvalidException;
import dev.wasm4j.binary.CodeReader;
import dev.wasm4j.model.DataMode;
import dev.wasm4j.model.DataSegment;
import dev.wasm4j.model.DefType;
import dev.wasm4j.model.ElemMode;
import dev.wasm4j.model.ElemSegment;
import dev.wasm4j.model.Export;
import dev.wasm4j.model.Expr;
import dev.wasm4j.model.ExternKind;
import dev.wasm4j.model.ExternType;
import dev.wasm4j.model.Feature;
import dev.wasm4j.model.Features;
import dev.wasm4j.model.FuncType;
import dev.wasm4j.model.Global;
import dev.wasm4j.model.GlobalType;
import dev.wasm4j.model.Import;
import dev.wasm4j.model.MemoryType;
import dev.wasm4j.model.Module;
import dev.wasm4j.model.Opcode;
import dev.wasm4j.model.RecType;
import dev.wasm4j.model.RefType;
import dev.wasm4j.model.SectionInfo;
import dev.wasm4j.model.Table;
import dev.wasm4j.model.TableType;
import dev.wasm4j.model.TagType;
import dev.wasm4j.model.ValType;

import java.util.HashSet;
import java.util.Set;

/**
 * Module validation (spec 3.5 "Modules"): builds the context C section by section in the order the
 * reference interpreter uses (types, imports, functions, tags, memories, tables, globals, data, elements),
 * then checks every function body, the start function and the exports.
 */
public final class Validator {
    private final Module m;
    private final ModuleContext c;
    private final CodeValidator code;

    private Validator(Module m, Features features) {
        this.m = m;
        this.c = new ModuleContext(m, features);
        this.code = new CodeValidator(c);
    }

    /** Validates {@code module}; throws {@link InvalidException} with the testsuite's message. */
    public static ValidModule validate(Module module, Features features) {
        return new Validator(module, features).run();
    }

    private ValidModule run() {
        inSection(1, this::types);
        inSection(2, this::imports);
        inSection(3, () -> {
            for (int i = 0; i < m.functions().size(); i++) {
                c.funcs[m.importedFunctionCount() + i] = funcType(m.functions().get(i).typeIndex());
            }
        });
        inSection(13, () -> {
            for (int i = 0; i < m.tags().size(); i++) {
                c.tags[m.importedTagCount() + i] = ExternTypes.tag(m.tags().get(i).type().typeIndex(), c);
            }
        });
        inSection(5, this::memories);
        inSection(4, this::tables);
        inSection(6, this::globals);
        inSection(16, () -> c.phases.validate(c));
        inSection(11, this::datas);
        inSection(9, this::elems);
        declaredRefs();
        for (int i = 0; i < m.functions().size(); i++) {
            code.function(m.importedFunctionCount() + i, CodeSink.NONE);
        }
        inSection(8, this::start);
        inSection(7, this::exports);
        return new ValidModule(c);
    }

    /**
     * Runs one section's checks; an error without an offset of its own gets the offset of the section's
     * content (when the module came from a binary).
     */
    private void inSection(int sectionId, Runnable checks) {
        try {
            checks.run();
        } catch (InvalidException e) {
            if (e.offset() >= 0) {
                throw e;
            }
            long at = m.sections().stream().filter(s -> s.id() == sectionId).mapToLong(SectionInfo::offset)
                    .findFirst().orElse(-1);
            throw new InvalidException(e.rule(), at);
        }
    }

    private void types() {
        int base = 0;
        for (RecType r : m.recTypes()) {
            DefType[] group = TypeRegistry.global().intern(r.subtypes(), base, c.types);
            System.arraycopy(group, 0, c.types, base, group.length);
            base += group.length;
        }
        c.typesDone();
    }

    private DefType funcType(int typeIndex) {
        c.funcType(typeIndex, -1);
        return c.types[typeIndex];
    }

    private void imports() {
        int funcs = 0;
        int tables = 0;
        int memories = 0;
        int globals = 0;
        int tags = 0;
        for (Import imp : m.imports()) {
            // instanceof rather than pattern switches in this class: each pattern switch spins a class on first
            // use, which every module's start-up would pay for
            ExternType type = imp.type();
            if (type instanceof ExternType.Func f) {
                c.funcs[funcs++] = funcType(f.typeIndex());
            } else if (type instanceof TableType t) {
                c.tables[tables++] = ExternTypes.table(t, c);
            } else if (type instanceof MemoryType mt) {
                ExternTypes.memory(mt, c.features);
                c.memories[memories++] = mt;
            } else if (type instanceof GlobalType g) {
                c.globals[globals++] = new GlobalType(c.close(g.valType(), -1), g.mutable());
            } else {
                c.tags[tags++] = ExternTypes.tag(((TagType) type).typeIndex(), c);
            }
        }
    }

    private void memories() {
        int base = m.importedMemoryCount();
        for (int i = 0; i < m.memories().size(); i++) {
            MemoryType mt = m.memories().get(i);
            ExternTypes.memory(mt, c.features);
            c.memories[base + i] = mt;
        }
        if (c.memories.length > 1 && !c.features.has(Feature.MULTI_MEMORY)) {
            throw new InvalidException("multiple memories", -1);
        }
    }

    private void tables() {
        int base = m.importedTableCount();
        for (int i = 0; i < m.tables().size(); i++) {
            Table t = m.tables().get(i);
            TableType tt = ExternTypes.table(t.type(), c);
            if (t.init() != null) {
                code.constant(t.init(), tt.elemType(), m.importedGlobalCount(), CodeSink.NONE);
            } else if (!tt.elemType().nullable()) {
                throw new InvalidException("type mismatch: a table of non-nullable "
                        + Types.format(tt.elemType()) + " needs an initializer", -1);
            }
            c.tables[base + i] = tt;
        }
    }

    private void globals() {
        int base = m.importedGlobalCount();
        for (int i = 0; i < m.globals().size(); i++) {
            Global g = m.globals().get(i);
            if (g.init() == null) {
                // A frozen global has no initializer: its value comes from the global it freezes.
                c.globals[base + i] = new GlobalType(c.close(g.type().valType(), -1), g.type().mutable());
                continue;
            }
            ValType t = c.close(g.type().valType(), g.init().start());
            code.constant(g.init(), t, base + i, CodeSink.NONE);
            c.globals[base + i] = new GlobalType(t, g.type().mutable());
        }
    }

    private void datas() {
        for (DataSegment d : m.datas()) {
            if (d.mode() instanceof DataMode.Active(int memory, Expr offset)) {
                MemoryType mt = c.memory(memory, offset.start());
                code.constant(offset, MemoryRules.valType(mt.addrType()), c.globals.length, CodeSink.NONE);
            }
        }
    }

    private void elems() {
        for (int i = 0; i < m.elems().size(); i++) {
            ElemSegment e = m.elems().get(i);
            RefType t = c.close(e.type(), -1);
            if (e.items() instanceof ElemSegment.Items.FuncIndices(int[] indices)) {
                for (int f : indices) {
                    c.func(f, -1);
                    RefType ft = c.ref(m.functionTypeIndex(f), false, -1);
                    if (!Types.isSubtype(ft, t)) {
                        throw new InvalidException("type mismatch: function " + f + " in an element segment of "
                                + Types.format(t), -1);
                    }
                }
            } else {
                for (Expr x : ((ElemSegment.Items.Exprs) e.items()).exprs()) {
                    code.constant(x, t, c.globals.length, CodeSink.NONE);
                }
            }
            if (e.mode() instanceof ElemMode.Active(int table, Expr offset)) {
                TableType tt = c.table(table, offset.start());
                if (!Types.isSubtype(t, tt.elemType())) {
                    throw new InvalidException("type mismatch: element segment's type " + Types.format(t)
                            + " does not match table's element type " + Types.format(tt.elemType()),
                            offset.start());
                }
                code.constant(offset, MemoryRules.valType(tt.addrType()), c.globals.length, CodeSink.NONE);
            }
            c.elems[i] = t;
        }
    }

    /**
     * C.refs (spec 3.5): the functions named anywhere outside function bodies (global and table
     * initializers, element segments, data offsets, exports), which {@code ref.func} in bodies may use.
     */
    private void declaredRefs() {
        for (Global g : m.globals()) {
            if (g.init() != null) {
                scanRefs(g.init());
            }
        }
        for (Table t : m.tables()) {
            if (t.init() != null) {
                scanRefs(t.init());
            }
        }
        for (ElemSegment e : m.elems()) {
            if (e.items() instanceof ElemSegment.Items.FuncIndices(int[] indices)) {
                for (int f : indices) {
                    c.refs[f] = true;
                }
            } else {
                ((ElemSegment.Items.Exprs) e.items()).exprs().forEach(this::scanRefs);
            }
        }
        for (DataSegment d : m.datas()) {
            if (d.mode() instanceof DataMode.Active(int memory, Expr offset)) {
                scanRefs(offset);
            }
        }
        for (Export e : m.exports()) {
            if (e.kind() == ExternKind.FUNC) {
                int f = e.index();
                if (f >= 0 && f < c.refs.length) {
                    c.refs[f] = true;
                }
            }
        }
    }

    private void scanRefs(Expr x) {
        CodeReader r = new CodeReader(x);
        while (!r.atEnd()) {
            if (r.next() == Opcode.REF_FUNC) {
                int f = r.imm().index;
                if (f >= 0 && f < c.refs.length) {
                    c.refs[f] = true;
                }
            }
        }
    }

    private void start() {
        if (m.start() >= 0) {
            FuncType ft = c.func(m.start(), -1).funcType();
            if (!ft.params().isEmpty() || !ft.results().isEmpty()) {
                throw new InvalidException("start function must not have parameters or results", -1);
            }
        }
        inSection(16, () -> c.phases.validateStarts(c));
    }

    private void exports() {
        Set<String> names = new HashSet<>();
        for (Export e : m.exports()) {
            switch (e.kind()) {
                case FUNC -> c.func(e.index(), -1);
                case TABLE -> c.table(e.index(), -1);
                case MEMORY -> c.memory(e.index(), -1);
                case GLOBAL -> {
                    c.global(e.index(), c.globals.length, -1);
                    if (c.phases.isFreezableGlobal(e.index())) {
                        throw new InvalidException("freezable global " + e.index() + " cannot be exported", -1);
                    }
                }
                case TAG -> c.tag(e.index(), -1);
            }
            if (!names.add(e.name())) {
                throw new InvalidException("duplicate export name \"" + e.name() + "\"", -1);
            }
        }
    }
}
