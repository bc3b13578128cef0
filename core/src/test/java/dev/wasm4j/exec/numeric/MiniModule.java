package dev.wasm4j.exec.numeric;

import dev.wasm4j.exec.numeric.SExpr.Atom;
import dev.wasm4j.exec.numeric.SExpr.Lst;
import dev.wasm4j.model.AddrType;
import dev.wasm4j.model.Imm;
import dev.wasm4j.model.NumType;
import dev.wasm4j.model.Opcode;
import dev.wasm4j.model.ValType;
import dev.wasm4j.model.VecType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Test-only: the exported functions of a text module whose bodies are straight-line numeric code (locals,
 * constants, numeric instructions, flat or folded). Such a body is run on a slot stack through
 * {@link OpDispatch}. A function using anything else (control, memory, calls, globals) is kept with the reason
 * it cannot run, so assertions on it are reported as skipped.
 */
final class MiniModule {
    /** Value types, with the slots a value takes on the stack. */
    enum T {
        I32, I64, F32, F64, V128;

        static T of(String keyword) {
            return switch (keyword) {
                case "i32" -> I32;
                case "i64" -> I64;
                case "f32" -> F32;
                case "f64" -> F64;
                case "v128" -> V128;
                default -> throw new Unsupported("value type " + keyword);
            };
        }

        static T of(ValType t) {
            if (t == VecType.V128) {
                return V128;
            }
            return switch ((NumType) t) {
                case I32 -> I32;
                case I64 -> I64;
                case F32 -> F32;
                case F64 -> F64;
            };
        }

        int slots() {
            return this == V128 ? 2 : 1;
        }
    }

    /** A value: one slot in {@code lo}, or a v128 as {@code lo, hi}. */
    record Val(T type, long lo, long hi) {
    }

    /** Why a function or module cannot be run here. */
    static final class Unsupported extends RuntimeException {
        Unsupported(String reason) {
            super(reason, null, false, false);
        }
    }

    private enum Kind { CONST, LOCAL_GET, LOCAL_SET, LOCAL_TEE, DROP, NOP, SELECT, OP }

    private record Instr(Kind kind, Opcode op, int index, Val value, long imm0, long imm1) {
    }

    /** An exported function, runnable when {@code unsupported} is null. */
    record Func(List<T> params, List<T> results, List<T> locals, List<Instr> code, String unsupported) {
    }

    final Map<String, Func> exports = new HashMap<>();

    /** Reads the functions of {@code (module $name? field*)}; throws {@link Unsupported} for binary or quoted modules. */
    static MiniModule of(Lst module) {
        int i = 1;
        if (i < module.size() && module.get(i) instanceof Atom a && a.text().startsWith("$")) {
            i++;
        }
        if (i < module.size() && module.get(i) instanceof Atom a && !a.isString()) {
            throw new Unsupported("module " + a.text());
        }
        MiniModule m = new MiniModule();
        List<Func> funcs = new ArrayList<>();
        Map<String, Integer> funcNames = new HashMap<>();
        List<String[]> moduleExports = new ArrayList<>();
        for (; i < module.size(); i++) {
            if (!(module.get(i) instanceof Lst field)) {
                continue;
            }
            switch (field.head()) {
                case "func" -> {
                    List<String> names = new ArrayList<>();
                    Func f = func(field, names, funcNames, funcs.size());
                    for (String n : names) {
                        m.exports.put(n, f);
                    }
                    funcs.add(f);
                }
                case "export" -> {
                    if (field.get(2) instanceof Lst desc && desc.head().equals("func")) {
                        moduleExports.add(new String[] {((Atom) field.get(1)).text(), ((Atom) desc.get(1)).text()});
                    }
                }
                case "import" -> {
                    if (field.size() > 3 && field.get(3) instanceof Lst desc && desc.head().equals("func")) {
                        funcs.add(new Func(List.of(), List.of(), List.of(), List.of(), "imported function"));
                    }
                }
                default -> { }
            }
        }
        for (String[] e : moduleExports) {
            Integer idx = e[1].startsWith("$") ? funcNames.get(e[1]) : Integer.valueOf(Integer.parseInt(e[1]));
            if (idx != null && idx < funcs.size()) {
                m.exports.put(e[0], funcs.get(idx));
            }
        }
        return m;
    }

    private static Func func(Lst f, List<String> exportNames, Map<String, Integer> funcNames, int index) {
        List<T> params = new ArrayList<>();
        List<T> results = new ArrayList<>();
        List<T> locals = new ArrayList<>();
        Map<String, Integer> localNames = new HashMap<>();
        int i = 1;
        if (f.get(i) instanceof Atom a && a.text().startsWith("$")) {
            funcNames.put(a.text(), index);
            i++;
        }
        String unsupported = null;
        for (; i < f.size(); i++) {
            if (!(f.get(i) instanceof Lst l)) {
                break;
            }
            String h = l.head();
            if (h.equals("export")) {
                exportNames.add(((Atom) l.get(1)).text());
            } else if (h.equals("import")) {
                unsupported = "imported function";
            } else if (h.equals("type")) {
                continue; // the inline param/result declarations that follow give the type
            } else if (h.equals("param") || h.equals("local") || h.equals("result")) {
                List<T> into = h.equals("param") ? params : h.equals("local") ? locals : results;
                try {
                    if (l.size() > 1 && ((Atom) l.get(1)).text().startsWith("$") && !h.equals("result")) {
                        localNames.put(((Atom) l.get(1)).text(), h.equals("param") ? params.size() : -1 - locals.size());
                        into.add(T.of(((Atom) l.get(2)).text()));
                    } else {
                        for (int k = 1; k < l.size(); k++) {
                            into.add(T.of(((Atom) l.get(k)).text()));
                        }
                    }
                } catch (Unsupported | ClassCastException e) {
                    unsupported = unsupported != null ? unsupported : "type " + l;
                }
            } else {
                break;
            }
        }
        // local indices: params first, then locals
        Map<String, Integer> names = new HashMap<>();
        localNames.forEach((n, v) -> names.put(n, v >= 0 ? v : params.size() + (-1 - v)));
        List<Instr> code = new ArrayList<>();
        if (unsupported == null) {
            try {
                new Compiler(names, code).sequence(f.items(), i);
            } catch (Unsupported e) {
                unsupported = e.getMessage();
            }
        }
        return new Func(params, results, locals, code, unsupported);
    }

    /** Flattens flat and folded instructions into one list. */
    private record Compiler(Map<String, Integer> localNames, List<Instr> out) {
        void sequence(List<SExpr> items, int from) {
            int i = from;
            while (i < items.size()) {
                SExpr e = items.get(i);
                if (e instanceof Lst l) {
                    folded(l);
                    i++;
                } else {
                    i = plain(((Atom) e).text(), items, i + 1);
                }
            }
        }

        private void folded(Lst l) {
            String kw = l.head();
            if (kw.equals("result")) {
                return; // the type annotation of `select (result t)`
            }
            if (kw.isEmpty()) {
                throw new Unsupported("expression " + l);
            }
            int n = immediateCount(kw, l.items(), 1);
            for (int k = 1 + n; k < l.size(); k++) {
                if (!(l.get(k) instanceof Lst operand)) {
                    throw new Unsupported("operand " + l.get(k) + " of " + kw);
                }
                folded(operand);
            }
            plain(kw, l.items(), 1);
        }

        /** Emits {@code kw} with the immediates at {@code items[at..]}; returns the index after them. */
        private int plain(String kw, List<SExpr> items, int at) {
            int n = immediateCount(kw, items, at);
            List<String> imm = new ArrayList<>();
            for (int k = at; k < at + n; k++) {
                if (!(items.get(k) instanceof Atom a)) {
                    throw new Unsupported("immediate of " + kw);
                }
                imm.add(a.text());
            }
            switch (kw) {
                case "local.get" -> out.add(new Instr(Kind.LOCAL_GET, null, local(imm.get(0)), null, 0, 0));
                case "local.set" -> out.add(new Instr(Kind.LOCAL_SET, null, local(imm.get(0)), null, 0, 0));
                case "local.tee" -> out.add(new Instr(Kind.LOCAL_TEE, null, local(imm.get(0)), null, 0, 0));
                case "drop" -> out.add(new Instr(Kind.DROP, null, 0, null, 0, 0));
                case "nop" -> out.add(new Instr(Kind.NOP, null, 0, null, 0, 0));
                case "select" -> out.add(new Instr(Kind.SELECT, null, 0, null, 0, 0));
                case "i32.const", "i64.const", "f32.const", "f64.const" ->
                        out.add(new Instr(Kind.CONST, null, 0, Values.constant(kw, imm), 0, 0));
                case "v128.const" -> out.add(new Instr(Kind.CONST, null, 0, Values.constant(kw, imm), 0, 0));
                default -> {
                    Opcode op = Opcode.byMnemonic(kw);
                    long imm0 = 0;
                    long imm1 = 0;
                    if (op.imm() == Imm.LANE) {
                        imm0 = Literals.integer(imm.get(0), 8);
                    } else if (op.imm() == Imm.SHUFFLE) {
                        for (int k = 0; k < 16; k++) {
                            long b = Literals.integer(imm.get(k), 8);
                            if (k < 8) {
                                imm0 |= b << (8 * k);
                            } else {
                                imm1 |= b << (8 * (k - 8));
                            }
                        }
                    }
                    out.add(new Instr(Kind.OP, op, 0, null, imm0, imm1));
                }
            }
            return at + n;
        }

        private int local(String ref) {
            if (ref.startsWith("$")) {
                Integer i = localNames.get(ref);
                if (i == null) {
                    throw new Unsupported("unknown local " + ref);
                }
                return i;
            }
            return Integer.parseInt(ref);
        }

        private static int immediateCount(String kw, List<SExpr> items, int at) {
            switch (kw) {
                case "local.get", "local.set", "local.tee", "i32.const", "i64.const", "f32.const", "f64.const" -> {
                    return 1;
                }
                case "drop", "nop", "select" -> {
                    return 0;
                }
                case "v128.const" -> {
                    return 1 + Values.laneCount(((Atom) items.get(at)).text());
                }
                default -> {
                    Opcode op = Opcode.byMnemonic(kw);
                    if (op == null || !OpDispatch.isNumeric(op)) {
                        throw new Unsupported("uses " + kw);
                    }
                    return switch (op.imm()) {
                        case LANE -> 1;
                        case SHUFFLE -> 16;
                        default -> 0;
                    };
                }
            }
        }
    }

    /** Runs {@code f} on {@code args}; returns its results. Traps propagate as {@link dev.wasm4j.TrapException}. */
    static List<Val> run(Func f, List<Val> args) throws Throwable {
        if (f.unsupported() != null) {
            throw new Unsupported(f.unsupported());
        }
        List<T> localTypes = new ArrayList<>(f.params());
        localTypes.addAll(f.locals());
        long[] locals = new long[2 * localTypes.size()];
        for (int k = 0; k < args.size(); k++) {
            locals[2 * k] = args.get(k).lo();
            locals[2 * k + 1] = args.get(k).hi();
        }
        long[] s = new long[256];
        T[] types = new T[256];
        int sp = 0;
        int vp = 0; // values on the stack, for types[]
        for (Instr in : f.code()) {
            switch (in.kind()) {
                case CONST -> {
                    Val v = in.value();
                    s[sp++] = v.lo();
                    if (v.type() == T.V128) {
                        s[sp++] = v.hi();
                    }
                    types[vp++] = v.type();
                }
                case LOCAL_GET -> {
                    T t = localTypes.get(in.index());
                    s[sp++] = locals[2 * in.index()];
                    if (t == T.V128) {
                        s[sp++] = locals[2 * in.index() + 1];
                    }
                    types[vp++] = t;
                }
                case LOCAL_SET, LOCAL_TEE -> {
                    T t = localTypes.get(in.index());
                    if (t == T.V128) {
                        locals[2 * in.index()] = s[sp - 2];
                        locals[2 * in.index() + 1] = s[sp - 1];
                    } else {
                        locals[2 * in.index()] = s[sp - 1];
                    }
                    if (in.kind() == Kind.LOCAL_SET) {
                        sp -= t.slots();
                        vp--;
                    }
                }
                case DROP -> sp -= types[--vp].slots();
                case NOP -> { }
                case SELECT -> {
                    long c = s[--sp];
                    vp--;
                    T t = types[--vp];
                    if (c == 0) { // keep the second operand: move it over the first
                        s[sp - 2 * t.slots()] = s[sp - t.slots()];
                        if (t == T.V128) {
                            s[sp - 3] = s[sp - 1];
                        }
                    }
                    sp -= t.slots();
                }
                case OP -> {
                    Opcode op = in.op();
                    sp = OpDispatch.execute(op, s, sp, in.imm0(), in.imm1());
                    vp -= op.params(AddrType.I32).size();
                    for (ValType r : op.results(AddrType.I32)) {
                        types[vp++] = T.of(r);
                    }
                }
            }
        }
        List<Val> results = new ArrayList<>();
        for (int k = f.results().size() - 1; k >= 0; k--) {
            T t = f.results().get(k);
            if (t == T.V128) {
                results.add(0, new Val(t, s[sp - 2], s[sp - 1]));
            } else {
                results.add(0, new Val(t, s[sp - 1], 0));
            }
            sp -= t.slots();
        }
        return results;
    }
}
