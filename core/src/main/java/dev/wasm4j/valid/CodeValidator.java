package dev.wasm4j.valid;

import dev.wasm4j.MalformedException;
import dev.wasm4j.binary.CodeReader;
import dev.wasm4j.binary.Immediates;
import dev.wasm4j.model.AddrType;
import dev.wasm4j.model.Catch;
import dev.wasm4j.model.DefType;
import dev.wasm4j.model.Expr;
import dev.wasm4j.model.FuncType;
import dev.wasm4j.model.Function;
import dev.wasm4j.model.GlobalType;
import dev.wasm4j.model.Locals;
import dev.wasm4j.model.NumType;
import dev.wasm4j.model.Opcode;
import dev.wasm4j.model.RefType;
import dev.wasm4j.model.TableType;
import dev.wasm4j.model.ValType;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Validates one instruction sequence (spec 3.3 "Instructions", 3.4 "Expressions"): a function body or a
 * constant expression, instruction by instruction on the {@link TypingStack}, reporting each instruction
 * to a {@link CodeSink} first. Instructions with a fixed signature in {@link Opcode} share one generic arm
 * ({@link MemoryRules#fixed}); control, variable, call and exception instructions are here; memory and table
 * rules are in {@link MemoryRules}, reference and GC rules in {@link ReferenceRules}.
 *
 * <p>One instance is reused for every function of a module (not thread-safe); it allocates only when a
 * function needs more room than any before it.
 */
final class CodeValidator extends TypingStack {
    /** Locals per function, as the Web's limits and most engines have it. */
    static final int MAX_LOCALS = 50_000;

    final ModuleContext ctx;
    final MemoryRules memory;
    final ReferenceRules refs;
    private CodeSink sink = CodeSink.NONE;

    private ValType[] locals = new ValType[16];
    private int localCount;
    private boolean[] localInit = new boolean[16];
    private int[] initLog = new int[16];
    int initLogSize;

    private FuncType funcType;
    boolean constMode;
    private int globalLimit;
    /** The phase of the function being validated (frozen proposal); constant expressions have none. */
    private int phase;

    CodeValidator(ModuleContext ctx) {
        this.ctx = ctx;
        this.memory = new MemoryRules(this);
        this.refs = new ReferenceRules(this);
    }

    // ---- entry points ----

    /** Validates function {@code funcIndex} (a defined one), reporting to {@code sink}. */
    void function(int funcIndex, CodeSink sink) {
        Expr body = prepareFunction(funcIndex);
        if (sink != CodeSink.NONE) {
            sink.beginFunction(funcIndex, funcType, localList());
        }
        run(body, funcType, sink);
    }

    /**
     * Starts walking function {@code funcIndex} one instruction at a time (see {@link CodeWalk}); this
     * validator then belongs to the walk.
     */
    CodeWalk walk(int funcIndex) {
        Expr body = prepareFunction(funcIndex);
        return new Walk(body, funcType, funcIndex);
    }

    /** Sets up the locals of function {@code funcIndex}; returns its body. */
    private Expr prepareFunction(int funcIndex) {
        Function fn = ctx.module.functions().get(funcIndex - ctx.module.importedFunctionCount());
        FuncType ft = ctx.func(funcIndex, fn.body().start()).funcType();
        offset = fn.body().start();
        long total = ft.params().size();
        for (Locals l : fn.locals()) {
            total += l.count();
            if (l.count() < 0 || total > MAX_LOCALS) {
                throw error("too many locals");
            }
        }
        int n = (int) total;
        if (locals.length < n) {
            int cap = Math.max(n, locals.length * 2);
            locals = Arrays.copyOf(locals, cap);
            localInit = new boolean[cap];
        }
        int i = 0;
        for (ValType p : ft.params()) {
            locals[i] = p;
            localInit[i++] = true;
        }
        for (Locals l : fn.locals()) {
            ValType t = ctx.close(l.type(), offset);
            boolean init = Types.defaultable(t);
            for (long k = 0; k < l.count(); k++) {
                locals[i] = t;
                localInit[i++] = init;
            }
        }
        localCount = n;
        constMode = false;
        phase = ctx.phases.functionPhase(funcIndex);
        globalLimit = ctx.globals.length;
        funcType = ft;
        return fn.body();
    }

    private List<ValType> localList() {
        return Collections.unmodifiableList(Arrays.asList(locals).subList(0, localCount));
    }

    /**
     * Validates a constant expression of type {@code expected}, which may read the first
     * {@code globalLimit} globals (spec 3.4.2 "Constant expressions").
     */
    void constant(Expr expr, ValType expected, int globalLimit, CodeSink sink) {
        FuncType ft = FuncType.of(List.of(), List.of(expected));
        localCount = 0;
        constMode = true;
        this.globalLimit = globalLimit;
        offset = expr.start();
        if (sink != CodeSink.NONE) {
            sink.beginFunction(-1, ft, List.of());
        }
        run(expr, ft, sink);
    }

    private void run(Expr body, FuncType ft, CodeSink sink) {
        this.sink = sink;
        try {
            Walk walk = new Walk(body, ft, -1);
            while (walk.advance()) {
                if (sink != CodeSink.NONE) {
                    sink.instruction(walk.op, walk.imm, this);
                }
            }
            if (sink != CodeSink.NONE) {
                sink.endFunction(this);
            }
        } finally {
            this.sink = CodeSink.NONE;
        }
    }

    /**
     * The walk over one body: each {@link #advance} first applies the current instruction's typing, then
     * reads the next one, so between two calls the state is the one before the current instruction.
     */
    private final class Walk implements CodeWalk {
        private final CodeReader reader;
        private final int funcIndex;
        private Opcode op;
        private Immediates imm;
        private int index = -1;
        private boolean done;

        Walk(Expr body, FuncType ft, int funcIndex) {
            this.funcIndex = funcIndex;
            funcType = ft;
            resetStacks();
            initLogSize = 0;
            FuncType bodyType = ft.params().isEmpty() ? ft : FuncType.of(List.of(), ft.results());
            pushFrame(null, bodyType, 0);
            reader = new CodeReader(body);
        }

        @Override
        public boolean advance() {
            if (done) {
                return false;
            }
            if (op != null) {
                instruction(op, imm);
                if (depth == 0) {
                    done = true;
                    op = null;
                    if (!reader.atEnd()) {
                        throw new MalformedException("END opcode expected", reader.pos());
                    }
                    return false;
                }
            }
            op = reader.next();
            offset = reader.instrOffset();
            imm = reader.imm();
            index++;
            if (constMode) {
                ConstExprs.check(CodeValidator.this, op);
            }
            return true;
        }

        @Override
        public int funcIndex() {
            return funcIndex;
        }

        @Override
        public FuncType type() {
            return funcType;
        }

        @Override
        public List<ValType> locals() {
            return localList();
        }

        @Override
        public Opcode op() {
            return op;
        }

        @Override
        public Immediates imm() {
            return imm;
        }

        @Override
        public int index() {
            return index;
        }

        @Override
        public CodeState state() {
            return CodeValidator.this;
        }
    }

    // ---- the instruction switch ----

    private void instruction(Opcode op, Immediates imm) {
        if (op.hasFixedSignature()) {
            memory.fixed(op, imm);
            return;
        }
        switch (op) {
            case UNREACHABLE -> setUnreachable();
            case BLOCK, LOOP -> block(op, ctx.blockType(imm.blockType, offset));
            case IF -> {
                FuncType bt = ctx.blockType(imm.blockType, offset);
                pop(NumType.I32);
                block(op, bt);
            }
            case ELSE -> elseInstr();
            case END -> end();
            case BR -> {
                popAll(label(imm.index).labelTypes);
                setUnreachable();
            }
            case BR_IF -> {
                List<ValType> ts = label(imm.index).labelTypes;
                pop(NumType.I32);
                popAll(ts);
                pushAll(ts);
            }
            case BR_TABLE -> brTable(imm);
            case RETURN -> {
                popAll(funcType.results());
                setUnreachable();
            }
            case CALL -> call(funcDef(imm.index).funcType());
            case RETURN_CALL -> returnCall(funcDef(imm.index).funcType());
            case CALL_INDIRECT -> call(callIndirect(imm));
            case RETURN_CALL_INDIRECT -> returnCall(callIndirect(imm));
            case CALL_REF -> call(callRef(imm));
            case RETURN_CALL_REF -> returnCall(callRef(imm));
            case DROP -> pop();
            case SELECT -> select();
            case SELECT_T -> selectTyped(imm);
            case LOCAL_GET -> {
                int x = local(imm.index);
                if (!localInit[x]) {
                    throw error("uninitialized local " + x);
                }
                push(locals[x]);
            }
            case LOCAL_SET -> {
                int x = local(imm.index);
                pop(locals[x]);
                initialize(x);
            }
            case LOCAL_TEE -> {
                int x = local(imm.index);
                pop(locals[x]);
                initialize(x);
                push(locals[x]);
            }
            case GLOBAL_GET -> {
                GlobalType g = global(imm.index);
                if (constMode && (g.mutable() || ctx.phases.isFrozenGlobal(imm.index))) {
                    throw error("constant expression required");
                }
                push(g.valType());
            }
            case GLOBAL_SET -> {
                GlobalType g = global(imm.index);
                if (!g.mutable()) {
                    throw error("immutable global " + imm.index);
                }
                pop(g.valType());
            }
            case THROW -> {
                popAll(ctx.tag(imm.index, offset).funcType().params());
                setUnreachable();
            }
            case THROW_REF -> {
                pop(RefType.EXNREF);
                setUnreachable();
            }
            case TRY_TABLE -> tryTable(imm);
            case TRY -> block(op, ctx.blockType(imm.blockType, offset));
            case CATCH -> legacyCatch(op, ctx.tag(imm.index, offset).funcType().params());
            case CATCH_ALL -> legacyCatch(op, List.of());
            case DELEGATE -> delegate(imm.index);
            case RETHROW -> {
                Opcode k = label(imm.index).kind;
                if (k != Opcode.CATCH && k != Opcode.CATCH_ALL) {
                    throw error("invalid rethrow label");
                }
                setUnreachable();
            }
            default -> {
                if (!memory.handles(op, imm) && !refs.handles(op, imm)) {
                    throw new AssertionError("no validation rule for " + op);
                }
            }
        }
    }

    // ---- control ----

    private void block(Opcode kind, FuncType bt) {
        popAll(bt.params());
        pushFrame(kind, bt, initLogSize);
    }

    private void elseInstr() {
        ControlFrame f = top();
        if (f.kind != Opcode.IF) {
            throw new MalformedException("else without if", offset);
        }
        checkFrameEnd(f);
        resetLocals(f);
        resetToFrame(f);
        f.kind = Opcode.ELSE;
        pushAll(f.type.params());
    }

    private void end() {
        ControlFrame f = top();
        checkFrameEnd(f);
        if (f.kind == Opcode.IF && !Types.isSubtype(f.type.params(), f.type.results())) {
            // An if without else has an empty else branch: [t1*] -> [t2*] needs t1* <: t2*.
            throw error("type mismatch: if without else requires " + Types.format(f.type.results())
                    + " but has " + Types.format(f.type.params()));
        }
        resetLocals(f);
        depth--;
        pushAll(f.type.results());
    }

    private void brTable(Immediates imm) {
        List<ValType> def = label(imm.index).labelTypes;
        for (int l : imm.labels) {
            label(l);
        }
        pop(NumType.I32);
        int arity = def.size();
        for (int l : imm.labels) {
            List<ValType> ts = label(l).labelTypes;
            if (ts.size() != arity) {
                throw error("type mismatch: br_table targets have different arities");
            }
            if (!topMatches(ts)) {
                throw mismatch(ts, size - top().height);
            }
        }
        popAll(def);
        setUnreachable();
    }

    private void call(FuncType ft) {
        popAll(ft.params());
        pushAll(ft.results());
    }

    private void returnCall(FuncType ft) {
        if (!Types.isSubtype(ft.results(), funcType.results())) {
            throw error("type mismatch: current function requires result type "
                    + Types.format(funcType.results()) + " but callee returns " + Types.format(ft.results()));
        }
        popAll(ft.params());
        setUnreachable();
    }

    private FuncType callIndirect(Immediates imm) {
        TableType table = ctx.table(imm.index2, offset);
        FuncType ft = ctx.funcType(imm.index, offset);
        if (!Types.isSubtype(table.elemType(), RefType.FUNCREF)) {
            throw error("type mismatch: instruction requires table of function type but table has "
                    + Types.format(table.elemType()));
        }
        pop(table.addrType() == AddrType.I64 ? NumType.I64 : NumType.I32);
        return ft;
    }

    private FuncType callRef(Immediates imm) {
        FuncType ft = ctx.funcType(imm.index, offset);
        pop(ctx.ref(imm.index, true, offset));
        return ft;
    }

    private void select() {
        pop(NumType.I32);
        ValType t1 = pop();
        ValType t2 = pop();
        if (t1 != null && !Types.isNumOrVec(t1) || t2 != null && !Types.isNumOrVec(t2)) {
            throw error("type mismatch: select requires numeric or vector operands");
        }
        if (t1 != null && t2 != null && t1 != t2) {
            throw error("type mismatch: select operands " + Types.format(t2) + " and " + Types.format(t1));
        }
        push(t1 != null ? t1 : t2);
    }

    private void selectTyped(Immediates imm) {
        if (imm.selectTypes.size() != 1) {
            throw error("invalid result arity");
        }
        ValType t = ctx.close(imm.selectTypes.getFirst(), offset);
        pop(NumType.I32);
        pop(t);
        pop(t);
        push(t);
    }

    // ---- locals ----

    private int local(int x) {
        if (x < 0 || x >= localCount) {
            throw error("unknown local " + Integer.toUnsignedString(x));
        }
        return x;
    }

    private void initialize(int x) {
        if (!localInit[x]) {
            localInit[x] = true;
            if (initLogSize == initLog.length) {
                initLog = Arrays.copyOf(initLog, initLogSize * 2);
            }
            initLog[initLogSize++] = x;
        }
    }

    /** Locals initialized inside a frame are uninitialized again after it (spec 3.4.8). */
    private void resetLocals(ControlFrame f) {
        while (initLogSize > f.initMark) {
            localInit[initLog[--initLogSize]] = false;
        }
    }

    // ---- exceptions ----

    private void tryTable(Immediates imm) {
        FuncType bt = ctx.blockType(imm.blockType, offset);
        for (Catch c : imm.catches) {
            List<ValType> params = c.kind().hasTag() ? ctx.tag(c.tag(), offset).funcType().params() : List.of();
            List<ValType> target = label(c.label()).labelTypes;
            boolean ref = c.kind().pushesExnRef();
            int n = params.size() + (ref ? 1 : 0);
            boolean ok = target.size() == n;
            for (int i = 0; ok && i < params.size(); i++) {
                ok = Types.isSubtype(params.get(i), target.get(i));
            }
            if (ok && ref) {
                ok = Types.isSubtype(RefType.EXNREF.asNonNull(), target.get(n - 1));
            }
            if (!ok) {
                throw error("type mismatch: catch handler requires " + Types.format(target)
                        + " but tag has " + Types.format(params) + (ref ? " and exnref" : ""));
            }
        }
        block(Opcode.TRY_TABLE, bt);
    }

    private void legacyCatch(Opcode op, List<ValType> params) {
        ControlFrame f = top();
        if (f.kind != Opcode.TRY && f.kind != Opcode.CATCH) {
            throw new MalformedException(op + " without try", offset);
        }
        checkFrameEnd(f);
        resetLocals(f);
        resetToFrame(f);
        f.kind = op;
        pushAll(params);
    }

    private void delegate(int l) {
        ControlFrame f = top();
        if (f.kind != Opcode.TRY) {
            throw new MalformedException("delegate without try", offset);
        }
        checkFrameEnd(f);
        resetLocals(f);
        depth--;
        if (l < 0 || l >= depth) {
            depth++;
            throw error("unknown label " + Integer.toUnsignedString(l));
        }
        pushAll(f.type.results());
    }

    // ---- for the rule classes ----

    /** A function that this code names, which must not be of a later phase (frozen proposal). */
    DefType funcDef(int index) {
        DefType t = ctx.func(index, offset);
        if (!constMode) {
            ctx.phases.checkFunction(this, index, phase);
        }
        return t;
    }

    /** A global that this code names: visible here, and in a phase where it may be used (frozen proposal). */
    private GlobalType global(int index) {
        GlobalType g = ctx.global(index, globalLimit, offset);
        if (!constMode) {
            ctx.phases.checkGlobal(this, index, phase);
        }
        return g;
    }
}
