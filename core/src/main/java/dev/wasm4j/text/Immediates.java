package dev.wasm4j.text;

import dev.wasm4j.model.FuncType;
import dev.wasm4j.model.Imm;
import dev.wasm4j.model.Opcode;
import dev.wasm4j.model.RefType;
import dev.wasm4j.model.ValType;
import dev.wasm4j.text.Token.Kind;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * Plain instructions with their immediates (spec 6.5.2..6.5.11): the keyword selects the opcode from
 * {@link Opcode}, and the opcode's {@link Imm} says what follows, so a new opcode needs no new parsing code
 * unless it brings a new kind of immediate.
 */
final class Immediates {
    private final Cursor c;
    private final Scope scope;
    private final TypeParser types;
    private final IndexSpace locals;
    private final ToIntFunction<Token> labels;
    boolean usesDataIndex;

    Immediates(Cursor c, Scope scope, TypeParser types, IndexSpace locals, ToIntFunction<Token> labels) {
        this.c = c;
        this.scope = scope;
        this.types = types;
        this.locals = locals;
        this.labels = labels;
    }

    /** A plain instruction at the cursor (its keyword and immediates), encoded into {@code w}. */
    void plain(ByteWriter w) {
        Token kw = c.peek();
        List<Opcode> ops = Opcode.byTextKeyword(kw.text());
        if (ops.isEmpty()) {
            throw Cursor.unexpected(kw);
        }
        c.next();
        Opcode op = ops.getFirst();
        if (op == Opcode.SELECT) {
            select(w);
            return;
        }
        switch (op.imm()) {
            case NONE -> Encode.opcode(w, op);
            case SELECT_TYPES -> throw Cursor.unexpected(kw);
            case BLOCK, TRY_TABLE -> throw Cursor.unexpected(kw);
            case HEAP_TYPE -> heapTypeOp(w, op);
            default -> {
                Encode.opcode(w, op);
                operands(w, op, kw);
            }
        }
    }

    private void select(ByteWriter w) {
        if (!c.atClause("result")) {
            Encode.opcode(w, Opcode.SELECT);
            return;
        }
        List<ValType> ts = new ArrayList<>();
        while (c.acceptClause("result")) {
            ts.addAll(types.valTypesToClose());
        }
        Encode.opcode(w, Opcode.SELECT_T);
        Encode.valTypes(w, ts);
    }

    private void heapTypeOp(ByteWriter w, Opcode op) {
        if (op == Opcode.REF_NULL) {
            Encode.opcode(w, op);
            Encode.heapType(w, types.heapType());
            return;
        }
        RefType rt = types.refType();
        Opcode actual = switch (op) {
            case REF_TEST -> rt.nullable() ? Opcode.REF_TEST_NULL : Opcode.REF_TEST;
            case REF_CAST -> rt.nullable() ? Opcode.REF_CAST_NULL : Opcode.REF_CAST;
            default -> op;
        };
        Encode.opcode(w, actual);
        Encode.heapType(w, rt.heapType());
    }

    /** The immediates of {@code op}, whose opcode is already written. */
    private void operands(ByteWriter w, Opcode op, Token kw) {
        switch (op.imm()) {
            case LABEL -> w.u32(labels.applyAsInt(c.next()));
            case BR_TABLE -> {
                List<Integer> targets = new ArrayList<>();
                while (c.peek().isIndex()) {
                    targets.add(labels.applyAsInt(c.next()));
                }
                if (targets.isEmpty()) {
                    throw Cursor.unexpected(c.peek());
                }
                w.u32(targets.size() - 1);
                for (int t : targets) {
                    w.u32(t);
                }
            }
            case FUNC, TYPE, LOCAL, GLOBAL, TAG, DATA, ELEM -> index(w, op);
            case TABLE -> w.u32(optIndex(scope.tables));
            case MEMORY -> w.u32(optIndex(scope.memories));
            case MEMORY_PROT -> {
                w.u32(optIndex(scope.memories));
                Token p = c.next();
                int prot = p.kind() != Kind.KEYWORD ? -1 : switch (p.text()) {
                    case "none" -> 0;
                    case "read" -> 1;
                    case "readwrite" -> 2;
                    default -> -1;
                };
                if (prot < 0) {
                    throw Cursor.unexpected(p);
                }
                w.u8(prot);
            }
            case CALL_INDIRECT -> {
                int table = c.peek().isIndex() ? scope.tables.resolve(c.next()) : 0;
                w.u32(types.typeUse(null, false).typeIndex());
                w.u32(table);
            }
            case MEMARG -> memArg(w, op, c.peek().isIndex() ? scope.memories.resolve(c.next()) : 0);
            case MEMARG_LANE -> {
                int mem = 0;
                Token t = c.peek();
                if (t.kind() == Kind.ID || t.kind() == Kind.NAT && (c.peek(1).kind() == Kind.NAT
                        || isMemArgKeyword(c.peek(1), "offset=") || isMemArgKeyword(c.peek(1), "align="))) {
                    mem = scope.memories.resolve(c.next());
                }
                memArg(w, op, mem);
                w.u8(Syntax.u8(c.next()));
            }
            case I32 -> {
                Token t = number();
                w.s64(Literals.i32(t.text(), t.start()));
            }
            case I64 -> {
                Token t = number();
                w.s64(Literals.i64(t.text(), t.start()));
            }
            case F32 -> {
                Token t = number();
                w.f32(Literals.f32(t.text(), t.start()));
            }
            case F64 -> {
                Token t = number();
                w.f64(Literals.f64(t.text(), t.start()));
            }
            case V128 -> v128Const(w, kw);
            case SHUFFLE -> {
                List<Token> lanes = numbers();
                if (lanes.size() != 16) {
                    throw Cursor.error("invalid lane length", kw);
                }
                for (Token t : lanes) {
                    w.u8((int) Syntax.natural(t.text(), t, 8, "i8 constant out of range"));
                }
            }
            case LANE -> w.u8(Syntax.u8(c.next()));
            case TYPE_FIELD -> {
                int type = scope.types.resolve(c.next());
                w.u32(type);
                Token f = c.next();
                if (f.kind() == Kind.ID) {
                    IndexSpace fields = scope.fieldsOrNull(type);
                    int i = fields == null ? -1 : fields.lookup(f.text());
                    if (i < 0) {
                        throw Cursor.error("unknown field $" + f.text(), f);
                    }
                    w.u32(i);
                } else {
                    w.u32(Syntax.u32(f));
                }
            }
            case TYPE_TYPE -> {
                w.u32(scope.types.resolve(c.next()));
                w.u32(scope.types.resolve(c.next()));
            }
            case TYPE_DATA -> {
                w.u32(scope.types.resolve(c.next()));
                w.u32(scope.datas.resolve(c.next()));
                usesDataIndex = true;
            }
            case TYPE_ELEM -> {
                w.u32(scope.types.resolve(c.next()));
                w.u32(scope.elems.resolve(c.next()));
            }
            case TYPE_COUNT -> {
                w.u32(scope.types.resolve(c.next()));
                w.u32(Syntax.u32(c.next()));
            }
            case BR_ON_CAST -> {
                int label = labels.applyAsInt(c.next());
                RefType from = types.refType();
                RefType to = types.refType();
                w.u8((from.nullable() ? 1 : 0) | (to.nullable() ? 2 : 0));
                w.u32(label);
                Encode.heapType(w, from.heapType());
                Encode.heapType(w, to.heapType());
            }
            case MEMORY_INIT -> {
                int mem = 0;
                if (c.peek().isIndex() && c.peek(1).isIndex()) {
                    mem = scope.memories.resolve(c.next());
                }
                w.u32(scope.datas.resolve(c.next()));
                w.u32(mem);
                usesDataIndex = true;
            }
            case TABLE_INIT -> {
                int table = 0;
                if (c.peek().isIndex() && c.peek(1).isIndex()) {
                    table = scope.tables.resolve(c.next());
                }
                w.u32(scope.elems.resolve(c.next()));
                w.u32(table);
            }
            case MEMORY_COPY -> pair(w, scope.memories);
            case TABLE_COPY -> pair(w, scope.tables);
            case ZERO_BYTE -> w.u8(0);
            default -> throw Cursor.unexpected(kw);
        }
    }

    /** {@code (x y)?}: two indices or none (both 0). */
    private void pair(ByteWriter w, IndexSpace space) {
        if (c.peek().isIndex()) {
            w.u32(space.resolve(c.next()));
            w.u32(space.resolve(c.next()));
        } else {
            w.u32(0).u32(0);
        }
    }

    private int optIndex(IndexSpace space) {
        return c.peek().isIndex() ? space.resolve(c.next()) : 0;
    }

    /** The single index immediate of {@code op}, in the index space its {@link Imm} names. */
    void index(ByteWriter w, Opcode op) {
        IndexSpace space = switch (op.imm()) {
            case FUNC -> scope.funcs;
            case TYPE -> scope.types;
            case LOCAL -> locals;
            case GLOBAL -> scope.globals;
            case TAG -> scope.tags;
            case DATA -> scope.datas;
            case ELEM -> scope.elems;
            default -> throw new IllegalArgumentException(op.toString());
        };
        if (op.imm() == Imm.DATA) {
            usesDataIndex = true;
        }
        w.u32(space.resolve(c.next()));
    }

    private static boolean isMemArgKeyword(Token t, String prefix) {
        return t.kind() == Kind.KEYWORD && t.text().startsWith(prefix);
    }

    /** {@code offset=n? align=n?} with the memory index already read. */
    private void memArg(ByteWriter w, Opcode op, int memory) {
        long offset = 0;
        int align = op.naturalAlignment();
        if (isMemArgKeyword(c.peek(), "offset=")) {
            offset = memArgValue(c.next(), "i64 constant out of range");
        }
        if (isMemArgKeyword(c.peek(), "align=")) {
            Token t = c.next();
            long a = memArgValue(t, "i64 constant out of range");
            if (a == 0 || (a & (a - 1)) != 0) {
                throw Cursor.error("alignment must be a power of two", t);
            }
            align = Long.numberOfTrailingZeros(a);
        }
        w.u32(memory != 0 ? align | 0x40 : align);
        if (memory != 0) {
            w.u32(memory);
        }
        w.u64(offset);
    }

    private static long memArgValue(Token t, String rule) {
        String digits = t.text().substring(t.text().indexOf('=') + 1);
        if (Lexer.numberKind(digits) != Kind.NAT) {
            throw Cursor.unexpected(t);
        }
        return Syntax.natural(digits, t, 64, rule);
    }

    private Token number() {
        Token t = c.peek();
        if (!t.isNumber()) {
            throw Cursor.unexpected(t);
        }
        return c.next();
    }

    /** Number tokens up to the next other token, which must be a known one (else "unknown operator"). */
    private List<Token> numbers() {
        List<Token> out = new ArrayList<>();
        while (c.peek().isNumber()) {
            out.add(c.next());
        }
        Token t = c.peek();
        if (t.kind() == Kind.RESERVED || t.kind() == Kind.KEYWORD && !Cursor.isKnownKeyword(t.text())) {
            throw Cursor.unexpected(t);
        }
        return out;
    }

    private void v128Const(ByteWriter w, Token kw) {
        Token shape = c.next();
        if (shape.kind() != Kind.KEYWORD) {
            throw Cursor.unexpected(shape);
        }
        int lanes;
        switch (shape.text()) {
            case "i8x16" -> lanes = 16;
            case "i16x8" -> lanes = 8;
            case "i32x4", "f32x4" -> lanes = 4;
            case "i64x2", "f64x2" -> lanes = 2;
            default -> throw Cursor.unexpected(shape);
        }
        List<Token> values = numbers();
        if (values.size() != lanes) {
            throw Cursor.error("wrong number of lane literals", kw);
        }
        for (Token t : values) {
            String s = t.text();
            try {
                switch (shape.text()) {
                    case "i8x16" -> w.u8((int) Literals.integer(s, 8));
                    case "i16x8" -> {
                        int v = (int) Literals.integer(s, 16);
                        w.u8(v).u8(v >> 8);
                    }
                    case "i32x4" -> w.f32((int) Literals.integer(s, 32));
                    case "i64x2" -> w.f64(Literals.integer(s, 64));
                    case "f32x4" -> w.f32((int) Literals.floatBits(s, Literals.F32));
                    default -> w.f64(Literals.floatBits(s, Literals.F64));
                }
            } catch (Literals.RangeError e) {
                throw Cursor.error("constant out of range", t);
            }
        }
    }

    // ---------------------------------------------------------------- block types

    /** {@code (type x)? (param t*)* (result t*)*} of a block, loop, if or try (spec 6.5.3 block types). */
    void blockType(ByteWriter w) {
        if (c.atClause("type")) {
            w.s64(types.typeUse(null, false).typeIndex());
            return;
        }
        FuncType ft = types.signature(null, false);
        if (ft.params().isEmpty() && ft.results().isEmpty()) {
            w.u8(0x40);
        } else if (ft.params().isEmpty() && ft.results().size() == 1) {
            Encode.valType(w, ft.results().getFirst());
        } else {
            w.s64(scope.inlineType(ft));
        }
    }

    /** The block type and catch clauses of {@code try_table}; labels of the clauses are outside the block. */
    void tryTable(ByteWriter w) {
        blockType(w);
        ByteWriter clauses = new ByteWriter();
        int n = 0;
        while (true) {
            if (c.acceptClause("catch")) {
                clauses.u8(0).u32(scope.tags.resolve(c.next()));
            } else if (c.acceptClause("catch_ref")) {
                clauses.u8(1).u32(scope.tags.resolve(c.next()));
            } else if (c.acceptClause("catch_all")) {
                clauses.u8(2);
            } else if (c.acceptClause("catch_all_ref")) {
                clauses.u8(3);
            } else {
                break;
            }
            clauses.u32(labels.applyAsInt(c.next()));
            c.expectRpar();
            n++;
        }
        w.u32(n);
        w.bytes(clauses);
    }
}
