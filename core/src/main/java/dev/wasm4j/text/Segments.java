package dev.wasm4j.text;

import dev.wasm4j.InvalidException;
import dev.wasm4j.model.AbsHeapType;
import dev.wasm4j.model.AddrType;
import dev.wasm4j.model.ExternKind;
import dev.wasm4j.model.MemoryType;
import dev.wasm4j.model.Opcode;
import dev.wasm4j.model.RefType;
import dev.wasm4j.text.Token.Kind;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ObjIntConsumer;

/**
 * Tables, memories and their segments (spec 6.6.6..6.6.8, 6.6.12, 6.6.13): table and memory types with the
 * {@code (elem ...)} and {@code (data ...)} abbreviations, element segments in all their forms (including
 * the legacy function-index list), data segments, and the constant expressions they carry.
 */
final class Segments {
    private final Cursor c;
    private final Scope scope;
    private final TypeParser types;
    private final Sections out;

    Segments(Cursor c, Scope scope, TypeParser types, Sections out) {
        this.c = c;
        this.scope = scope;
        this.types = types;
        this.out = out;
    }

    // ---------------------------------------------------------------- expressions

    private InstrParser instrs() {
        return new InstrParser(c, scope, new IndexSpace("local"));
    }

    /** A constant expression up to the closing paren of the enclosing clause, with its {@code end}. */
    void constExpr(ByteWriter w) {
        InstrParser p = instrs();
        p.instructions(w, false);
        Encode.opcode(w, Opcode.END);
        out.needsDataCount |= p.usesDataIndex();
    }

    /** {@code (offset instr*)} or one folded instruction, with its {@code end}. */
    private void offset(ByteWriter w) {
        if (c.acceptClause("offset")) {
            constExpr(w);
            c.expectRpar();
            return;
        }
        instrs().foldedInstruction(w);
        Encode.opcode(w, Opcode.END);
    }

    /** {@code (item instr*)} or one folded instruction, with its {@code end}. */
    private void elemExpr(ByteWriter w) {
        if (c.acceptClause("item")) {
            constExpr(w);
            c.expectRpar();
            return;
        }
        instrs().foldedInstruction(w);
        Encode.opcode(w, Opcode.END);
    }

    private static void zeroOffset(ByteWriter w, AddrType at) {
        Encode.opcode(w, at == AddrType.I64 ? Opcode.I64_CONST : Opcode.I32_CONST);
        w.u8(0);
        Encode.opcode(w, Opcode.END);
    }

    // ---------------------------------------------------------------- shared field parts

    /** {@code (export "name")*}: one export of {@code index} each. */
    static void inlineExports(Cursor c, Sections out, ExternKind kind, int index) {
        while (c.acceptClause("export")) {
            byte[] name = Syntax.name(c);
            c.expectRpar();
            out.exports.add().name(name).u8(kind.code()).u32(index);
        }
    }

    /** {@code (import "module" "name")} when it comes next: the two names, else null. */
    static byte[][] inlineImport(Cursor c) {
        if (!c.acceptClause("import")) {
            return null;
        }
        byte[] module = Syntax.name(c);
        byte[] name = Syntax.name(c);
        c.expectRpar();
        return new byte[][] {module, name};
    }

    static ByteWriter importEntry(Sections out, byte[][] names, ExternKind kind) {
        return out.imports.add().name(names[0]).name(names[1]).u8(kind.code());
    }

    private AddrType addrType() {
        if (c.acceptKeyword("i64")) {
            return AddrType.I64;
        }
        c.acceptKeyword("i32");
        return AddrType.I32;
    }

    // ---------------------------------------------------------------- tables

    /**
     * {@code addrtype? min max? (no-access n)? (read-only n)? reftype}, encoded as a table type. As for
     * memories, four or three numbers are the positional form {@code no-access read-only min max?}; any
     * protection makes the table invalid unless both sizes are zero (static-protection.md, "Tables").
     */
    void tableType(ByteWriter w) {
        AddrType at = addrType();
        TextLimits limits = limits();
        long[] protection = protection(at, limits);
        RefType rt = types.refType();
        writeTableType(w, at, limits, rt, protection);
    }

    /**
     * Limits as written: {@code min max?}, or static-protection.md's positional form, where three or four
     * numbers are {@code no-access read-only min max?} ({@code noAccess} is -1 otherwise).
     */
    private record TextLimits(long min, boolean hasMax, long max, Token minToken, long noAccess, long readOnly) {
    }

    private TextLimits limits() {
        Token minTok = c.peek();
        long min = Syntax.u64(c);
        boolean hasMax = c.at(Kind.NAT);
        long max = hasMax ? Syntax.u64(c) : 0;
        if (!hasMax || !c.at(Kind.NAT)) {
            return new TextLimits(min, hasMax, max, minTok, -1, -1);
        }
        Token rwTok = c.peek();
        long rwMin = Syntax.u64(c);
        boolean rwHasMax = c.at(Kind.NAT);
        long rwMax = rwHasMax ? Syntax.u64(c) : 0;
        return new TextLimits(rwMin, rwHasMax, rwMax, rwTok, min, max);
    }

    /**
     * The static protection sizes: {@code (no-access n)? (read-only n)?} clauses, or the positional ones;
     * null when there are none.
     */
    private long[] protection(AddrType at, TextLimits limits) {
        long noAccess = limits.noAccess();
        long readOnly = limits.readOnly();
        if (c.acceptClause("no-access")) {
            noAccess = protectionPages(at);
        }
        if (c.acceptClause("read-only")) {
            readOnly = protectionPages(at);
        }
        return noAccess < 0 && readOnly < 0 ? null : new long[] {Math.max(noAccess, 0), Math.max(readOnly, 0)};
    }

    private static void writeTableType(ByteWriter w, AddrType at, TextLimits l, RefType rt, long[] protection) {
        if (at == AddrType.I32 && (Long.compareUnsigned(l.min(), 0xFFFF_FFFFL) > 0
                || l.hasMax() && Long.compareUnsigned(l.max(), 0xFFFF_FFFFL) > 0)) {
            throw new InvalidException("table size must be at most 2^32-1 for i32", l.minToken().start());
        }
        Encode.refType(w, rt);
        w.u8((l.hasMax() ? 1 : 0) | (at == AddrType.I64 ? 4 : 0) | (protection != null ? 0x10 : 0));
        w.u64(l.min());
        if (l.hasMax()) {
            w.u64(l.max());
        }
        if (protection != null) {
            w.u64(protection[0]);
            w.u64(protection[1]);
        }
    }

    void table(int index, ObjIntConsumer<ExternKind> exports) {
        c.expectLpar();
        c.next();
        Syntax.optId(c);
        exports.accept(ExternKind.TABLE, index);
        byte[][] imp = inlineImport(c);
        if (imp != null) {
            tableType(importEntry(out, imp, ExternKind.TABLE));
            c.expectRpar();
            return;
        }
        int save = c.pos();
        AddrType at = addrType();
        if (types.atRefType()) {
            Token rtTok = c.peek();
            RefType rt = types.refType();
            if (!c.acceptClause("elem")) {
                throw Cursor.unexpected(c.peek());
            }
            inlineElem(index, at, rt, rtTok);
            c.expectRpar();
            return;
        }
        c.pos(save);
        ByteWriter type = new ByteWriter();
        tableType(type);
        ByteWriter w = out.tables.add();
        if (!c.at(Kind.RPAR)) {
            ByteWriter init = new ByteWriter();
            InstrParser p = instrs();
            p.instructions(init, false);
            w.u8(0x40).u8(0).bytes(type).bytes(init);
            Encode.opcode(w, Opcode.END);
        } else {
            w.bytes(type);
        }
        c.expectRpar();
    }

    /**
     * {@code (elem ...)} inside a table: a table sized to the elements, and an active segment at offset 0.
     * The list is an element list ({@code func x*} or {@code reftype expr*}) or, as the reference interpreter
     * also accepts, bare function indices or expressions, whose segment then has the table's type.
     */
    private void inlineElem(int table, AddrType at, RefType tableType, Token rtTok) {
        ByteWriter items = new ByteWriter();
        int n = 0;
        RefType segType = tableType;
        boolean indices = false;
        if (c.acceptKeyword("func")) {
            segType = RefType.of(false, AbsHeapType.FUNC);
            indices = true;
        } else if (types.atRefType()) {
            segType = types.refType();
        } else {
            indices = c.peek().isIndex() || c.at(Kind.RPAR);
        }
        if (indices) {
            while (c.peek().isIndex()) {
                Encode.opcode(items, Opcode.REF_FUNC);
                items.u32(scope.funcs.resolve(c.next()));
                Encode.opcode(items, Opcode.END);
                n++;
            }
        } else {
            while (!c.at(Kind.RPAR)) {
                elemExpr(items);
                n++;
            }
        }
        c.expectRpar();
        writeTableType(out.tables.add(), at, new TextLimits(n, true, n, rtTok, -1, -1), tableType, null);
        ByteWriter w = out.elems.add();
        boolean compact = table == 0 && segType.equals(RefType.FUNCREF);
        w.u8(compact ? 4 : 6);
        if (!compact) {
            w.u32(table);
        }
        zeroOffset(w, at);
        if (!compact) {
            Encode.refType(w, segType);
        }
        w.u32(n).bytes(items);
    }

    // ---------------------------------------------------------------- memories

    /**
     * {@code addrtype? virtual? min max? shared? (pagesize n)? (no-access n)? (read-only n)?}, encoded;
     * {@code virtual} may also come before the address type. Three or four numbers are the static-protection
     * proposal's positional form {@code no-access read-only min max?}.
     */
    void memoryType(ByteWriter w) {
        boolean virtual = c.acceptKeyword("virtual");
        AddrType at = addrType();
        virtual |= c.acceptKeyword("virtual");
        TextLimits limits = limits();
        boolean shared = c.acceptKeyword("shared");
        if (!shared) {
            c.acceptKeyword("unshared");
        }
        int pageLog2 = pageSize();
        writeMemoryType(w, at, virtual, limits, shared, pageLog2, protection(at, limits));
    }

    private long protectionPages(AddrType at) {
        long n = at == AddrType.I64 ? Syntax.u64(c) : Integer.toUnsignedLong(Syntax.u32(c));
        c.expectRpar();
        return n;
    }

    /** {@code (pagesize n)?}: the log2 of the page size (16 by default); n must be a power of two. */
    private int pageSize() {
        if (!c.acceptClause("pagesize")) {
            return MemoryType.DEFAULT_PAGE_SIZE_LOG2;
        }
        Token t = c.peek();
        long n = Syntax.u64(c);
        if (n == 0 || (n & (n - 1)) != 0) {
            throw Cursor.error("invalid custom page size", t);
        }
        c.expectRpar();
        return Long.numberOfTrailingZeros(n);
    }

    private static void writeMemoryType(ByteWriter w, AddrType at, boolean virtual, TextLimits l, boolean shared,
                                        int pageLog2, long[] protection) {
        long min = l.min();
        long max = l.max();
        boolean hasMax = l.hasMax();
        if (at == AddrType.I32 && (Long.compareUnsigned(min, 0xFFFF_FFFFL) > 0
                || hasMax && Long.compareUnsigned(max, 0xFFFF_FFFFL) > 0)) {
            throw new InvalidException(pageLog2 == MemoryType.DEFAULT_PAGE_SIZE_LOG2
                    ? "memory size must be at most 2^16 pages (4 GiB) for i32"
                    : "memory size must be at most " + (1L << (32 - pageLog2)) + " pages for i32",
                    l.minToken().start());
        }
        boolean customPage = pageLog2 != MemoryType.DEFAULT_PAGE_SIZE_LOG2;
        int flags = (hasMax ? 0x01 : 0) | (shared ? 0x02 : 0) | (at == AddrType.I64 ? 0x04 : 0)
                | (customPage ? 0x08 : 0) | (protection != null ? 0x10 : 0) | (virtual ? 0x20 : 0);
        w.u8(flags);
        w.u64(min);
        if (hasMax) {
            w.u64(max);
        }
        if (customPage) {
            w.u32(pageLog2);
        }
        if (protection != null) {
            w.u64(protection[0]);
            w.u64(protection[1]);
        }
    }

    void memory(int index, ObjIntConsumer<ExternKind> exports) {
        c.expectLpar();
        c.next();
        Syntax.optId(c);
        exports.accept(ExternKind.MEMORY, index);
        byte[][] imp = inlineImport(c);
        if (imp != null) {
            memoryType(importEntry(out, imp, ExternKind.MEMORY));
            c.expectRpar();
            return;
        }
        int save = c.pos();
        AddrType at = addrType();
        Token t = c.peek();
        if (t.kind() == Kind.NAT || t.isKeyword("virtual")) {
            c.pos(save);
            memoryType(out.memories.add());
            c.expectRpar();
            return;
        }
        int pageLog2 = pageSize();
        if (!c.acceptClause("data")) {
            throw Cursor.unexpected(c.peek());
        }
        byte[] bytes = strings();
        c.expectRpar();
        c.expectRpar();
        long pageSize = 1L << pageLog2;
        long pages = (bytes.length + pageSize - 1) / pageSize;
        writeMemoryType(out.memories.add(), at, false, new TextLimits(pages, true, pages, t, -1, -1), false, pageLog2,
                null);
        ByteWriter w = out.datas.add();
        if (index == 0) {
            w.u8(0);
        } else {
            w.u8(2).u32(index);
        }
        zeroOffset(w, at);
        w.name(bytes);
    }

    /** Strings up to the closing paren (not consumed), concatenated. */
    private byte[] strings() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        while (!c.at(Kind.RPAR)) {
            b.writeBytes(Syntax.string(c));
        }
        return b.toByteArray();
    }

    // ---------------------------------------------------------------- segments

    void elem() {
        c.expectLpar();
        c.next();
        Syntax.optId(c);
        boolean declare = false;
        boolean active = false;
        int table = 0;
        ByteWriter offset = new ByteWriter();
        if (c.acceptKeyword("declare")) {
            declare = true;
        } else if (c.acceptClause("table")) {
            table = scope.tables.resolve(c.next());
            c.expectRpar();
            active = true;
            offset(offset);
        } else if (c.at(Kind.NAT) && c.peek(1).kind() == Kind.LPAR) {
            // Legacy (MVP) form: a bare table index before the offset.
            table = scope.tables.resolve(c.next());
            active = true;
            offset(offset);
        } else if (c.at(Kind.LPAR) && !c.atClause("ref")) {
            active = true;
            offset(offset);
        }
        List<Integer> funcs = null;
        RefType rt = null;
        ByteWriter exprs = new ByteWriter();
        int n = 0;
        if (c.acceptKeyword("func")) {
            funcs = funcIndices();
        } else if (types.atRefType()) {
            rt = types.refType();
            while (!c.at(Kind.RPAR)) {
                elemExpr(exprs);
                n++;
            }
        } else if (active && (c.peek().isIndex() || c.at(Kind.RPAR))) {
            funcs = funcIndices();
        } else {
            throw Cursor.unexpected(c.peek());
        }
        c.expectRpar();
        ByteWriter w = out.elems.add();
        if (funcs != null) {
            int flags = declare ? 3 : !active ? 1 : table == 0 ? 0 : 2;
            w.u8(flags);
            if (flags == 2) {
                w.u32(table);
            }
            if (active) {
                w.bytes(offset);
            }
            if (flags != 0) {
                w.u8(0);
            }
            w.u32(funcs.size());
            for (int f : funcs) {
                w.u32(f);
            }
        } else {
            int flags = declare ? 7 : !active ? 5 : table == 0 && rt.equals(RefType.FUNCREF) ? 4 : 6;
            w.u8(flags);
            if (flags == 6) {
                w.u32(table);
            }
            if (active) {
                w.bytes(offset);
            }
            if (flags != 4) {
                Encode.refType(w, rt);
            }
            w.u32(n).bytes(exprs);
        }
    }

    private List<Integer> funcIndices() {
        List<Integer> out = new ArrayList<>();
        while (!c.at(Kind.RPAR)) {
            out.add(scope.funcs.resolve(c.next()));
        }
        return out;
    }

    void data() {
        c.expectLpar();
        c.next();
        Syntax.optId(c);
        ByteWriter w = out.datas.add();
        if (c.acceptClause("memory")) {
            int mem = scope.memories.resolve(c.next());
            c.expectRpar();
            if (mem == 0) {
                w.u8(0);
            } else {
                w.u8(2).u32(mem);
            }
            offset(w);
        } else if (c.at(Kind.NAT) && c.peek(1).kind() == Kind.LPAR) {
            // Legacy (MVP) form: a bare memory index before the offset.
            int mem = scope.memories.resolve(c.next());
            if (mem == 0) {
                w.u8(0);
            } else {
                w.u8(2).u32(mem);
            }
            offset(w);
        } else if (c.at(Kind.LPAR)) {
            w.u8(0);
            offset(w);
        } else {
            w.u8(1);
        }
        w.name(strings());
        c.expectRpar();
    }
}
