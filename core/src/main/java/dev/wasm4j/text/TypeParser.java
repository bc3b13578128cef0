package dev.wasm4j.text;

import dev.wasm4j.model.AbsHeapType;
import dev.wasm4j.model.ArrayType;
import dev.wasm4j.model.CompositeType;
import dev.wasm4j.model.FieldType;
import dev.wasm4j.model.FreezeClause;
import dev.wasm4j.model.FuncType;
import dev.wasm4j.model.GlobalType;
import dev.wasm4j.model.HeapType;
import dev.wasm4j.model.NumType;
import dev.wasm4j.model.PackedType;
import dev.wasm4j.model.RefType;
import dev.wasm4j.model.StorageType;
import dev.wasm4j.model.StructType;
import dev.wasm4j.model.SubType;
import dev.wasm4j.model.ValType;
import dev.wasm4j.model.VecType;
import dev.wasm4j.text.Token.Kind;

import java.util.ArrayList;
import java.util.List;

/**
 * Types of the text format (spec 6.4): value, reference and heap types with their abbreviations, field,
 * global and function types, sub types, and type uses with their inline function types.
 */
final class TypeParser {
    private final Cursor c;
    private final Scope scope;

    TypeParser(Cursor c, Scope scope) {
        this.c = c;
        this.scope = scope;
    }

    /** The abstract heap type named by a keyword, or null. */
    static AbsHeapType absHeapType(String keyword) {
        return switch (keyword) {
            case "func" -> AbsHeapType.FUNC;
            case "extern" -> AbsHeapType.EXTERN;
            case "any" -> AbsHeapType.ANY;
            case "eq" -> AbsHeapType.EQ;
            case "i31" -> AbsHeapType.I31;
            case "struct" -> AbsHeapType.STRUCT;
            case "array" -> AbsHeapType.ARRAY;
            case "exn" -> AbsHeapType.EXN;
            case "noexn" -> AbsHeapType.NOEXN;
            case "nofunc" -> AbsHeapType.NOFUNC;
            case "noextern" -> AbsHeapType.NOEXTERN;
            case "none" -> AbsHeapType.NONE;
            default -> null;
        };
    }

    /** The reference type abbreviated by a keyword such as {@code funcref}, or null. */
    static RefType refTypeShorthand(String keyword) {
        return switch (keyword) {
            case "funcref" -> RefType.FUNCREF;
            case "externref" -> RefType.EXTERNREF;
            case "anyref" -> RefType.ANYREF;
            case "eqref" -> RefType.EQREF;
            case "i31ref" -> RefType.I31REF;
            case "structref" -> RefType.STRUCTREF;
            case "arrayref" -> RefType.ARRAYREF;
            case "exnref" -> RefType.EXNREF;
            case "nullref" -> RefType.NULLREF;
            case "nullfuncref" -> RefType.NULLFUNCREF;
            case "nullexternref" -> RefType.NULLEXTERNREF;
            case "nullexnref" -> RefType.NULLEXNREF;
            default -> null;
        };
    }

    static ValType numOrVecType(String keyword) {
        return switch (keyword) {
            case "i32" -> NumType.I32;
            case "i64" -> NumType.I64;
            case "f32" -> NumType.F32;
            case "f64" -> NumType.F64;
            case "v128" -> VecType.V128;
            default -> null;
        };
    }

    /** Whether a value type starts here. */
    boolean atValType() {
        Token t = c.peek();
        if (t.kind() == Kind.KEYWORD) {
            return numOrVecType(t.text()) != null || refTypeShorthand(t.text()) != null;
        }
        return c.atClause("ref");
    }

    boolean atRefType() {
        Token t = c.peek();
        return t.kind() == Kind.KEYWORD && refTypeShorthand(t.text()) != null || c.atClause("ref");
    }

    ValType valType() {
        Token t = c.peek();
        if (t.kind() == Kind.KEYWORD) {
            ValType v = numOrVecType(t.text());
            if (v != null) {
                c.next();
                return v;
            }
        }
        return refType();
    }

    RefType refType() {
        Token t = c.peek();
        if (t.kind() == Kind.KEYWORD) {
            RefType r = refTypeShorthand(t.text());
            if (r == null) {
                throw Cursor.unexpected(t);
            }
            c.next();
            return r;
        }
        if (!c.acceptClause("ref")) {
            throw Cursor.unexpected(t);
        }
        boolean nullable = c.acceptKeyword("null");
        HeapType ht = heapType();
        c.expectRpar();
        return RefType.of(nullable, ht);
    }

    HeapType heapType() {
        Token t = c.peek();
        if (t.kind() == Kind.KEYWORD) {
            AbsHeapType a = absHeapType(t.text());
            if (a == null) {
                throw Cursor.unexpected(t);
            }
            c.next();
            return a;
        }
        if (!t.isIndex()) {
            throw Cursor.unexpected(t);
        }
        return HeapType.of(scope.types.resolve(c.next()));
    }

    StorageType storageType() {
        if (c.atKeyword("i8")) {
            c.next();
            return PackedType.I8;
        }
        if (c.atKeyword("i16")) {
            c.next();
            return PackedType.I16;
        }
        return valType();
    }

    FieldType fieldType() {
        if (c.acceptClause("mut")) {
            StorageType st = storageType();
            c.expectRpar();
            return new FieldType(st, true);
        }
        return new FieldType(storageType(), false);
    }

    GlobalType globalType() {
        if (c.acceptClause("mut")) {
            ValType t = valType();
            c.expectRpar();
            return GlobalType.of(t, true);
        }
        return GlobalType.of(valType(), false);
    }

    /** Value types up to the closing paren of the current clause (which is consumed). */
    List<ValType> valTypesToClose() {
        List<ValType> out = new ArrayList<>();
        while (!c.at(Kind.RPAR)) {
            out.add(valType());
        }
        c.next();
        return out;
    }

    // ---------------------------------------------------------------- defined types

    /** The body of {@code (type $id? ...)} after the id: a sub type, with the closing paren. */
    SubType typeDefinition(int typeIndex) {
        SubType st = subType(typeIndex);
        c.expectRpar();
        return st;
    }

    /**
     * A sub type, with the frozen proposal's clause ({@code freezable} or {@code (freeze x)}) either before it
     * or, inside {@code (sub ...)}, after the super types: {@code (type $t freezable (struct ...))},
     * {@code (type $t (sub $s freezable (struct ...)))}.
     */
    private SubType subType(int typeIndex) {
        FreezeClause outer = freezeClause();
        if (c.acceptClause("sub")) {
            boolean isFinal = c.acceptKeyword("final");
            List<Integer> supers = new ArrayList<>();
            while (c.peek().isIndex()) {
                supers.add(scope.types.resolve(c.next()));
            }
            FreezeClause freeze = outer == FreezeClause.NONE ? freezeClause() : outer;
            CompositeType ct = compositeType(typeIndex);
            c.expectRpar();
            return new SubType(isFinal, supers, ct, freeze);
        }
        return new SubType(true, List.of(), compositeType(typeIndex), outer);
    }

    /** {@code freezable}, {@code (freeze x)} or nothing. */
    private FreezeClause freezeClause() {
        if (c.acceptKeyword("freezable")) {
            return FreezeClause.FREEZABLE;
        }
        if (c.acceptClause("freeze")) {
            Token x = c.next();
            if (!x.isIndex()) {
                throw Cursor.unexpected(x);
            }
            int index = scope.types.resolve(x);
            c.expectRpar();
            return new FreezeClause.FreezeOf(index);
        }
        return FreezeClause.NONE;
    }

    private CompositeType compositeType(int typeIndex) {
        if (c.acceptClause("func")) {
            FuncType ft = signature(null, true);
            c.expectRpar();
            return ft;
        }
        if (c.acceptClause("struct")) {
            List<FieldType> fields = new ArrayList<>();
            while (c.acceptClause("field")) {
                Token id = Syntax.optId(c);
                if (id != null) {
                    scope.fields(typeIndex).bind(id);
                    fields.add(fieldType());
                    c.expectRpar();
                } else {
                    while (!c.at(Kind.RPAR)) {
                        fields.add(fieldType());
                        scope.fields(typeIndex).bindAnonymous(1);
                    }
                    c.next();
                }
            }
            c.expectRpar();
            return new StructType(fields);
        }
        if (c.acceptClause("array")) {
            FieldType ft = fieldType();
            c.expectRpar();
            return new ArrayType(ft);
        }
        throw Cursor.unexpected(c.peek());
    }

    // ---------------------------------------------------------------- function signatures and type uses

    /**
     * {@code (param ...)* (result ...)*}. Parameter identifiers are allowed when {@code allowNames}; they
     * are bound in {@code locals} when it is not null.
     */
    FuncType signature(IndexSpace locals, boolean allowNames) {
        List<ValType> params = new ArrayList<>();
        List<ValType> results = new ArrayList<>();
        while (c.atClause("param")) {
            c.pos(c.pos() + 2);
            if (c.at(Kind.ID)) {
                Token id = c.next();
                if (!allowNames) {
                    throw Cursor.unexpected(id);
                }
                params.add(valType());
                c.expectRpar();
                if (locals != null) {
                    locals.bind(id);
                }
            } else {
                List<ValType> ts = valTypesToClose();
                params.addAll(ts);
                if (locals != null) {
                    locals.bindAnonymous(ts.size());
                }
            }
        }
        while (c.acceptClause("result")) {
            results.addAll(valTypesToClose());
        }
        if (c.atClause("param")) {
            throw Cursor.unexpected(c.peek(1));
        }
        return FuncType.of(params, results);
    }

    /** A type use (spec 6.6.3): its type index, and the parameter count when it is known. */
    record TypeUse(int typeIndex, int paramCount) {
    }

    /**
     * {@code (type x)? (param ...)* (result ...)*}: the index of the explicit type (checked against an inline
     * signature when there is one) or of the inline type. Parameter names are bound in {@code locals} when it
     * is not null.
     */
    TypeUse typeUse(IndexSpace locals, boolean allowNames) {
        if (c.atClause("type")) {
            c.pos(c.pos() + 2);
            Token x = c.peek();
            if (!x.isIndex()) {
                throw Cursor.unexpected(x);
            }
            int index = scope.types.resolve(c.next());
            c.expectRpar();
            boolean inline = c.atClause("param") || c.atClause("result");
            FuncType ft = signature(locals, allowNames);
            FuncType def = scope.funcType(index);
            if (inline) {
                if (def == null) {
                    throw Cursor.error(scope.typeDef(index) == null ? "unknown type" : "inline function type", x);
                }
                if (!def.equals(ft)) {
                    throw Cursor.error("inline function type does not match explicit type", x);
                }
            } else if (locals != null && def != null) {
                locals.bindAnonymous(def.params().size());
            }
            return new TypeUse(index, def != null ? def.params().size() : -1);
        }
        FuncType ft = signature(locals, allowNames);
        return new TypeUse(scope.inlineType(ft), ft.params().size());
    }
}
