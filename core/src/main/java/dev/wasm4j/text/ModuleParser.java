package dev.wasm4j.text;

import dev.wasm4j.model.ExternKind;
import dev.wasm4j.model.Opcode;
import dev.wasm4j.model.PhaseEntry;
import dev.wasm4j.model.SubType;
import dev.wasm4j.model.ValType;
import dev.wasm4j.text.Token.Kind;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Module fields (spec 6.6): read in three passes over the tokens. The first binds the identifiers of every
 * index space (imports and definitions share them in text order, since imports must come first); the
 * second reads all type definitions, so that inline type uses can find them; the third reads every other
 * field in order and encodes it into {@link Sections}.
 */
final class ModuleParser {
    private final Cursor c;
    private final Scope scope = new Scope();
    private final TypeParser types;
    private final Sections out = new Sections();
    private final Segments segments;

    /** A module field: its keyword and the position of its opening paren. */
    private record Field(String keyword, int pos) {
    }

    private final List<Field> fields = new ArrayList<>();
    // Next index of each space while reading fields in order.
    private int typeCount;
    private int funcIndex;
    private int tableIndex;
    private int memoryIndex;
    private int globalIndex;
    private int tagIndex;

    ModuleParser(Cursor c) {
        this.c = c;
        this.types = new TypeParser(c, scope);
        this.segments = new Segments(c, scope, types, out);
    }

    /**
     * Reads module fields from the cursor up to a closing paren or the end of input (not consumed), and
     * returns the binary module. {@code customs} are the {@code @custom} annotations of the module's text,
     * {@code fieldDepth} the paren depth of its fields.
     */
    byte[] module(String moduleName, List<Annotation> customs, int fieldDepth) {
        out.moduleName = moduleName;
        int begin = c.pos();
        bindFields();
        int end = c.pos();
        for (Field f : fields) {
            if (f.keyword.equals("type") || f.keyword.equals("rec")) {
                c.pos(f.pos);
                typeField(f.keyword);
            }
        }
        c.pos(begin);
        for (Field f : fields) {
            c.pos(f.pos);
            field(f.keyword);
        }
        c.pos(end);
        CustomAnnotations.place(customs, fieldDepth, out);
        return out.toBinary(scope);
    }

    /** After {@link #module}: pairs of (byte offset, character offset) where instructions begin. */
    int[] marks() {
        return out.marks;
    }

    // ---------------------------------------------------------------- pass 1: identifiers

    private IndexSpace space(String keyword) {
        return switch (keyword) {
            case "func" -> scope.funcs;
            case "table" -> scope.tables;
            case "memory" -> scope.memories;
            case "global" -> scope.globals;
            case "tag" -> scope.tags;
            default -> null;
        };
    }

    private static String definitionWord(String keyword) {
        return keyword.equals("func") ? "function" : keyword;
    }

    private void bindFields() {
        String lastDefinition = null;
        while (!c.at(Kind.RPAR) && !c.at(Kind.EOF)) {
            int start = c.pos();
            c.expectLpar();
            Token kw = c.next();
            if (kw.kind() != Kind.KEYWORD) {
                throw Cursor.unexpected(kw);
            }
            switch (kw.text()) {
                case "type" -> {
                    scope.types.bind(Syntax.optId(c));
                    c.skipToClose();
                }
                case "rec" -> {
                    while (c.acceptClause("type")) {
                        scope.types.bind(Syntax.optId(c));
                        c.skipToClose();
                    }
                    c.expectRpar();
                }
                case "func", "table", "memory", "global", "tag" -> {
                    space(kw.text()).bind(Syntax.optId(c));
                    boolean isImport = scanDefinition(kw.text());
                    if (isImport) {
                        checkImportOrder(lastDefinition, kw);
                    } else {
                        lastDefinition = definitionWord(kw.text());
                    }
                }
                case "import" -> {
                    c.expect(Kind.STRING);
                    c.expect(Kind.STRING);
                    c.expectLpar();
                    Token k = c.next();
                    IndexSpace sp = k.kind() == Kind.KEYWORD ? space(k.text()) : null;
                    if (sp == null) {
                        throw Cursor.unexpected(k);
                    }
                    sp.bind(Syntax.optId(c));
                    c.skipToClose();
                    c.expectRpar();
                    checkImportOrder(lastDefinition, kw);
                }
                case "elem" -> {
                    scope.elems.bind(Syntax.optId(c));
                    c.skipToClose();
                }
                case "data" -> {
                    scope.datas.bind(Syntax.optId(c));
                    c.skipToClose();
                }
                case "export", "start" -> c.skipToClose();
                default -> throw Cursor.unexpected(kw);
            }
            fields.add(new Field(kw.text(), start));
        }
    }

    private static void checkImportOrder(String lastDefinition, Token at) {
        if (lastDefinition != null) {
            throw Cursor.error("import after " + lastDefinition, at);
        }
    }

    /**
     * Skips the rest of a func, table, memory, global or tag field, noting whether it is an inline import
     * and binding the segments that inline {@code (data ...)} and {@code (elem ...)} define.
     */
    private boolean scanDefinition(String keyword) {
        boolean isImport = false;
        int depth = 1;
        while (depth > 0) {
            Token t = c.next();
            switch (t.kind()) {
                case LPAR -> {
                    depth++;
                    if (depth == 2) {
                        Token k = c.peek();
                        if (k.isKeyword("import")) {
                            isImport = true;
                        } else if (k.isKeyword("data") && keyword.equals("memory")) {
                            scope.datas.bind(null);
                        } else if (k.isKeyword("elem") && keyword.equals("table")) {
                            scope.elems.bind(null);
                        }
                    }
                }
                case RPAR -> depth--;
                case EOF -> throw Cursor.unexpected(t);
                default -> { }
            }
        }
        return isImport;
    }

    // ---------------------------------------------------------------- pass 2: types

    private void typeField(String keyword) {
        c.expectLpar();
        c.next();
        if (keyword.equals("type")) {
            Syntax.optId(c);
            SubType st = types.typeDefinition(typeCount++);
            scope.defineGroup(List.of(st), false);
            return;
        }
        List<SubType> group = new ArrayList<>();
        while (c.acceptClause("type")) {
            Syntax.optId(c);
            group.add(types.typeDefinition(typeCount++));
        }
        c.expectRpar();
        scope.defineGroup(group, true);
    }

    // ---------------------------------------------------------------- pass 3: everything else

    private void field(String keyword) {
        switch (keyword) {
            case "type", "rec" -> { }
            case "func" -> func();
            case "table" -> segments.table(tableIndex++, this::inlineExports);
            case "memory" -> segments.memory(memoryIndex++, this::inlineExports);
            case "global" -> global();
            case "tag" -> tag();
            case "import" -> importField();
            case "export" -> export();
            case "start" -> start();
            case "elem" -> segments.elem();
            case "data" -> segments.data();
            default -> throw new IllegalStateException(keyword);
        }
    }

    /** {@code (export "name")*} after a definition's identifier. */
    private void inlineExports(ExternKind kind, int index) {
        Segments.inlineExports(c, out, kind, index);
    }

    private byte[][] inlineImport() {
        return Segments.inlineImport(c);
    }

    private ByteWriter importEntry(byte[][] names, ExternKind kind) {
        return Segments.importEntry(out, names, kind);
    }

    private void nameFunc(Token id, int index) {
        if (id != null) {
            out.funcNames.put(index, id.text());
        }
    }

    private void func() {
        c.expectLpar();
        c.next();
        Token id = Syntax.optId(c);
        int index = funcIndex++;
        nameFunc(id, index);
        int phase = optPhase();
        inlineExports(ExternKind.FUNC, index);
        byte[][] imp = inlineImport();
        if (imp != null) {
            int type = types.typeUse(null, true).typeIndex();
            c.expectRpar();
            importEntry(imp, ExternKind.FUNC).u32(type);
            return;
        }
        phase = phase >= 0 ? phase : optPhase();
        if (phase >= 0) {
            phaseEntry(PhaseEntry.Kind.FUNCTION, index, phase);
        }
        IndexSpace locals = new IndexSpace("local");
        TypeParser.TypeUse use = types.typeUse(locals, true);
        List<ValType> localTypes = new ArrayList<>();
        while (c.acceptClause("local")) {
            if (c.at(Kind.ID)) {
                Token lid = c.next();
                if (use.paramCount() < 0) {
                    throw Cursor.error("unknown type", lid);
                }
                locals.bind(lid);
                localTypes.add(types.valType());
                c.expectRpar();
            } else {
                List<ValType> ts = types.valTypesToClose();
                localTypes.addAll(ts);
                locals.bindAnonymous(ts.size());
            }
        }
        ByteWriter body = new ByteWriter(256);
        localDeclarations(body, localTypes);
        InstrParser instrs = new InstrParser(c, scope, locals);
        instrs.instructions(body, true);
        body.mark(c.peek().start());
        Encode.opcode(body, Opcode.END);
        c.expectRpar();
        out.funcs.add().u32(use.typeIndex());
        out.code.add().sized(body);
        out.needsDataCount |= instrs.usesDataIndex();
        if (!locals.names().isEmpty()) {
            Map<Integer, String> names = new TreeMap<>();
            locals.names().forEach((n, i) -> names.put(i, n));
            out.localNames.put(index, names);
        }
    }

    /** Runs of equal local types, as the code section encodes them. */
    private static void localDeclarations(ByteWriter w, List<ValType> locals) {
        List<ValType> runTypes = new ArrayList<>();
        List<Integer> runCounts = new ArrayList<>();
        for (ValType t : locals) {
            if (!runTypes.isEmpty() && runTypes.getLast().equals(t)) {
                runCounts.set(runCounts.size() - 1, runCounts.getLast() + 1);
            } else {
                runTypes.add(t);
                runCounts.add(1);
            }
        }
        w.u32(runTypes.size());
        for (int i = 0; i < runTypes.size(); i++) {
            w.u32(runCounts.get(i));
            Encode.valType(w, runTypes.get(i));
        }
    }

    /**
     * {@code (global $id? (export ..)* (import ..)? globaltype init)}, and the frozen proposal's forms:
     * {@code freezable} before or after the type, {@code (freeze $g)} after it (then there is no init), and
     * {@code (phase n)} after the exports or after the type and clause.
     */
    private void global() {
        c.expectLpar();
        c.next();
        Syntax.optId(c);
        int index = globalIndex++;
        int phase = optPhase();
        inlineExports(ExternKind.GLOBAL, index);
        byte[][] imp = inlineImport();
        phase = phase >= 0 ? phase : optPhase();
        Token at = c.peek();
        boolean freezable = c.acceptKeyword("freezable");
        var type = types.globalType();
        freezable |= c.acceptKeyword("freezable");
        int frozenFrom = -1;
        if (!freezable && c.acceptClause("freeze")) {
            frozenFrom = scope.globals.resolve(c.next());
            c.expectRpar();
        }
        phase = phase >= 0 ? phase : optPhase();
        if (imp != null) {
            if (freezable || frozenFrom >= 0 || phase >= 0) {
                throw Cursor.unexpected(at);
            }
            c.expectRpar();
            Encode.globalType(importEntry(imp, ExternKind.GLOBAL), type);
            return;
        }
        if (phase >= 0) {
            phaseEntry(PhaseEntry.Kind.GLOBAL, index, phase);
        }
        // A mutable frozen or an immutable freezable global gets a mutability byte the decoder rejects.
        ByteWriter w = out.globals.add();
        Encode.valType(w, type.valType());
        int mutable = type.mutable() ? 1 : 0;
        if (frozenFrom >= 0) {
            w.u8(FROZEN | mutable).u32(frozenFrom);
            c.expectRpar();
            return;
        }
        w.u8((freezable ? FREEZABLE : 0) | mutable);
        segments.constExpr(w);
        c.expectRpar();
    }

    /** Mutability byte bits of freezable and frozen globals (frozen proposal, docs/proposals/frozen.md). */
    private static final int FREEZABLE = 0x04;
    private static final int FROZEN = 0x08;

    /** {@code (phase n)} (frozen proposal), or -1 when there is none. */
    private int optPhase() {
        if (!c.acceptClause("phase")) {
            return -1;
        }
        int n = Syntax.u32(c);
        c.expectRpar();
        return n;
    }

    private void phaseEntry(PhaseEntry.Kind kind, int index, int phase) {
        out.phases.add().u8(kind.code).u32(index).u32(phase);
    }

    private void tag() {
        c.expectLpar();
        c.next();
        Syntax.optId(c);
        int index = tagIndex++;
        inlineExports(ExternKind.TAG, index);
        byte[][] imp = inlineImport();
        int type = types.typeUse(null, true).typeIndex();
        c.expectRpar();
        ByteWriter w = imp != null ? importEntry(imp, ExternKind.TAG) : out.tags.add();
        w.u8(0).u32(type);
    }

    private void importField() {
        c.expectLpar();
        c.next();
        byte[][] names = {Syntax.name(c), Syntax.name(c)};
        c.expectLpar();
        Token kw = c.next();
        Token id = Syntax.optId(c);
        switch (kw.text()) {
            case "func" -> {
                int index = funcIndex++;
                nameFunc(id, index);
                importEntry(names, ExternKind.FUNC).u32(types.typeUse(null, true).typeIndex());
            }
            case "tag" -> {
                tagIndex++;
                importEntry(names, ExternKind.TAG).u8(0).u32(types.typeUse(null, true).typeIndex());
            }
            case "global" -> {
                globalIndex++;
                Encode.globalType(importEntry(names, ExternKind.GLOBAL), types.globalType());
            }
            case "table" -> {
                tableIndex++;
                segments.tableType(importEntry(names, ExternKind.TABLE));
            }
            case "memory" -> {
                memoryIndex++;
                segments.memoryType(importEntry(names, ExternKind.MEMORY));
            }
            default -> throw Cursor.unexpected(kw);
        }
        c.expectRpar();
        c.expectRpar();
    }

    private void export() {
        c.expectLpar();
        c.next();
        byte[] name = Syntax.name(c);
        c.expectLpar();
        Token kw = c.next();
        int index;
        ExternKind kind;
        switch (kw.kind() == Kind.KEYWORD ? kw.text() : "") {
            case "func" -> {
                kind = ExternKind.FUNC;
                index = scope.funcs.resolve(c.next());
            }
            case "table" -> {
                kind = ExternKind.TABLE;
                index = scope.tables.resolve(c.next());
            }
            case "memory" -> {
                kind = ExternKind.MEMORY;
                index = scope.memories.resolve(c.next());
            }
            case "global" -> {
                kind = ExternKind.GLOBAL;
                index = scope.globals.resolve(c.next());
            }
            case "tag" -> {
                kind = ExternKind.TAG;
                index = scope.tags.resolve(c.next());
            }
            default -> throw Cursor.unexpected(kw);
        }
        c.expectRpar();
        c.expectRpar();
        out.exports.add().name(name).u8(kind.code()).u32(index);
    }

    private void start() {
        Token lpar = c.peek();
        c.expectLpar();
        c.next();
        int index = scope.funcs.resolve(c.next());
        int phase = optPhase();
        c.expectRpar();
        if (phase > 0) {
            phaseEntry(PhaseEntry.Kind.START, index, phase);
            return;
        }
        if (out.start >= 0) {
            throw Cursor.error("multiple start sections", lpar);
        }
        out.start = index;
    }
}
