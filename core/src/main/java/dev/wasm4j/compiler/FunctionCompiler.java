package dev.wasm4j.compiler;

import dev.wasm4j.binary.Immediates;
import dev.wasm4j.model.Catch;
import dev.wasm4j.model.FuncType;
import dev.wasm4j.model.Opcode;
import dev.wasm4j.model.RefType;
import dev.wasm4j.model.ValType;
import dev.wasm4j.valid.CodeSink;
import dev.wasm4j.valid.CodeState;

import java.lang.classfile.CodeBuilder;
import java.lang.classfile.Label;
import java.lang.classfile.TypeKind;
import java.lang.classfile.instruction.SwitchCase;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Generates the JVM method of one Wasm function while the validator replays its body (a {@link CodeSink}):
 * at every instruction the validator's {@link CodeState} gives the operand types, so the operand stack maps
 * one to one onto the JVM operand stack with no type tracking here. Control flow, variables and calls are
 * here; numeric, memory and table, reference and aggregate, and vector instructions are emitted by
 * {@link NumericEmitter}, {@link MemoryEmitter}, {@link GcEmitter} and {@link VectorEmitter}.
 *
 * <p>Code that can never run (after {@code br}, {@code return}, ..., until a label that something branches
 * to) is not emitted; only its block structure is followed. A comparison followed by {@code br_if} or
 * {@code if} becomes one conditional jump ({@link #pending}).
 */
final class FunctionCompiler implements CodeSink {
    final ChunkCompiler chunk;
    final CodeBuilder cb;
    final int funcIndex;
    final FuncInfo info;
    /** Every memory access of this function is spelled out inline ({@link ModuleCompiler#inlinesAllAccesses}). */
    final boolean inlineAll;
    /** Loops of this method that the current instruction is in. */
    private int loopDepth;
    /** How the function is cut into methods; {@link SplitPlan#split()} is false for a single method. */
    final SplitPlan plan;
    /** The region this method is, or null for the function's own method (the driver, when split). */
    final SplitPlan.Region region;
    /** Where this method meets the others of a split function. */
    final RegionFrame frame;
    private FuncType type;
    private int[] localSlot;
    private JvmType[] localType;
    int instSlot;
    /** JVM locals holding the frame's {@code long[]} and {@code Object[]} in a split function, or -1. */
    int fsSlot = -1;
    int frSlot = -1;
    /** In a region: operand values, slots and control frames of the function below it, not on this method's stack. */
    private int baseCount;
    private int baseSlots;
    private int baseFrames;
    /** In a region: where its body starts, for the handler that stores its locals when an exception leaves. */
    private Label regionStart;
    /** The loop ordinal of the next {@code loop} instruction, counted over the whole function by the walker. */
    int loopOrdinal = -1;
    /**
     * Locals this method keeps in the frame instead of JVM locals: those the regions it calls use, so that
     * a call needs no copying (see {@link SplitPlan}).
     */
    BitSet resident = new BitSet();
    /** JVM local holding memory {@code i} (cached at entry), or -1. */
    int[] memSlot;
    /** JVM local holding the GlobalInstance of global {@code i} (cached at entry), or -1. */
    int[] globalSlot;
    /** A long[] scratch area for library operators that work on a slot stack, or -1. */
    int scratchSlot = -1;
    private Label restart;
    private final List<Ctl> ctls = new ArrayList<>();
    private boolean reachable = true;
    /** A comparison whose operands are on the JVM stack but whose 0/1 result is not: its jump-if-true opcode. */
    java.lang.classfile.Opcode pending;
    private final Map<JvmType, List<Integer>> temps = new LinkedHashMap<>();
    /** The frozen proposal's part of the function (checks, ref.freeze, constants read at entry). */
    final FrozenEmitter frozen = new FrozenEmitter(this);

    FunctionCompiler(ChunkCompiler chunk, CodeBuilder cb, int funcIndex, FuncInfo info, SplitPlan plan,
                     SplitPlan.Region region) {
        this.chunk = chunk;
        this.cb = cb;
        this.funcIndex = funcIndex;
        this.info = info;
        this.inlineAll = chunk.inlinesAllAccesses(funcIndex);
        this.plan = plan;
        this.region = region;
        this.frame = plan.split() ? new RegionFrame(this, plan) : null;
    }

    boolean reachable() {
        return reachable;
    }

    /**
     * Whether a memory access here is spelled out inline: when memory is reached through the segment, in
     * small functions (the kernels of C programs, where C2 stops inlining the segment's long chains of JDK
     * methods before it has inlined every helper; {@link ModuleCompiler#INLINE_ALL_BODY_BYTES}), and nowhere
     * else. Other functions call helpers: the inline form is more bytecode for HotSpot's interpreter, C1 and
     * C2 to get through, while a helper is one call that is hot and compiled early, and that C2 inlines
     * (whole programs ran 1.3-1.9x faster so; docs/performance.md). {@code
     * -Dwasm4j.compiler.inlineInLoops=true} also spells out the accesses in loops of large functions.
     */
    boolean inlineAccess() {
        return inlineAccess(inlineAll, loopDepth);
    }

    /** The rule of {@link #inlineAccess()}, also used by {@link FunctionShape}'s size estimates. */
    static boolean inlineAccess(boolean inlineAll, int loopDepth) {
        return inlineAll || (INLINE_IN_LOOPS && loopDepth > 0);
    }

    static final boolean INLINE_IN_LOOPS = Boolean.getBoolean("wasm4j.compiler.inlineInLoops");

    int localSlot(int local) {
        return localSlot[local];
    }

    JvmType localType(int local) {
        return localType[local];
    }

    List<ValType> resultTypes() {
        return type.results();
    }

    /** An open block as seen by the code generator. */
    private static final class Ctl {
        final Opcode kind;
        final boolean dead;
        /** Where branches go: a loop's start, otherwise the end. */
        Label label;
        Label elseLabel;
        boolean elseBound;
        /** Something branches to {@link #label} (only tracked for forward labels). */
        boolean used;
        // try_table
        Label tryStart;
        List<Catch> catches;
        int[] spillSlots;
        JvmType[] spillTypes;
        int[] catchRestore;
        Ctl[] catchTargets;
        boolean[] catchToFunction;
        /** Per clause: the level of a label outside the region it goes to, or -1. */
        int[] catchOutside;
        List<List<ValType>> catchLabelTypes;
        // legacy try: the handler (bound when the body ends), the caught exception, the next clause's test
        Label handler;
        boolean inCatch;
        int excSlot = -1;
        Label nextTest;
        boolean handlerUsed;

        Ctl(Opcode kind, boolean dead) {
            this.kind = kind;
            this.dead = dead;
        }
    }

    // ------------------------------------------------------------------------------------------ begin / end

    @Override
    public void beginFunction(int funcIndex, FuncType type, List<ValType> locals) {
        this.type = type;
        localSlot = new int[locals.size()];
        localType = new JvmType[locals.size()];
        int slot = 0;
        int params = type.params().size();
        for (int i = 0; i < params; i++) {
            localType[i] = JvmType.of(locals.get(i));
            localSlot[i] = slot;
            slot += localType[i].jvmSlots();
        }
        instSlot = slot;
        if (frame != null) {
            frame.push();
        }
        bodyStart = cb.newBoundLabel();
        if (plan.split()) {
            for (SplitPlan.Region r : plan.regions) {
                if (r.parent() == null) {
                    resident.or(r.touched());
                }
            }
            resident.andNot(plan.cachedAcrossCalls(null));
        }
        for (int i = params; i < locals.size(); i++) {
            localType[i] = JvmType.of(locals.get(i));
            localSlot[i] = resident.get(i) ? -1 : allocate(localType[i]);
        }
        loadInstanceState(info.memories(), info.globals());
        if (frame != null) {
            for (int i = resident.nextSetBit(0); i >= 0 && i < params; i = resident.nextSetBit(i + 1)) {
                load(localType[i], localSlot[i]);
                frame.setResident(i);
            }
        }
        frozen.prologue(type);
        if (info.usesScratch()) {
            if (frame != null) {
                scratchSlot = fsSlot;
            } else {
                scratchSlot = cb.allocateLocal(TypeKind.REFERENCE);
                cb.loadConstant(16).newarray(TypeKind.LONG).astore(scratchSlot);
            }
        }
        if (chunk.loopEntry() >= 0) {
            enterAtLoop(locals, params);
        }
        restart = cb.newBoundLabel();
        InterruptEmitter.functionEntry(this);
        for (int i = params; i < locals.size(); i++) {
            pushZero(localType[i]);
            setLocal(i);
        }
        ctls.add(new Ctl(null, false));
    }

    /**
     * The prologue of a loop entry (see {@link ChunkCompiler#loopEntry}): the declared locals come from the
     * interpreter's frame, passed after the instance as {@code long[] s, Object[] r, int base} (the
     * parameters come as usual), and execution jumps to the loop's head.
     */
    private void enterAtLoop(List<ValType> locals, int params) {
        int s = instSlot + 1;
        int r = instSlot + 2;
        int base = instSlot + 3;
        int at = 0;
        for (int i = 0; i < params; i++) {
            at += locals.get(i).slots();
        }
        for (int i = params; i < locals.size(); i++) {
            switch (localType[i]) {
                case INT -> cb.aload(s).iload(base).loadConstant(at).iadd().laload().l2i();
                case LONG -> cb.aload(s).iload(base).loadConstant(at).iadd().laload();
                case V128 -> {
                    cb.aload(s).iload(base).loadConstant(at).iadd().laload();
                    cb.aload(s).iload(base).loadConstant(at + 1).iadd().laload();
                }
                case REF -> cb.aload(r).iload(base).loadConstant(at).iadd().aaload();
            }
            setLocal(i);
            at += locals.get(i).slots();
        }
        loopEntryLabel = cb.newLabel();
        cb.goto_(loopEntryLabel);
    }

    /** Where a loop entry's prologue jumps: the head of the loop it continues at, once that is emitted. */
    private Label loopEntryLabel;
    private boolean loopEntered;

    /** Where an exception delegated to the caller goes: a rethrow outside every handler range. */
    private Label rethrowToCaller;
    private Label bodyStart;

    @Override
    public void endFunction(CodeState state) {
        if (loopEntryLabel != null && !loopEntered) {
            throw new UnsupportedOperationException("loop " + chunk.loopEntry() + " cannot be entered");
        }
        if (rethrowToCaller != null) {
            cb.labelBinding(rethrowToCaller);
            cb.athrow();
        }
        // A trap passing through records this function for its backtrace (exception tables cost nothing
        // until something is thrown).
        Label bodyEnd = cb.newBoundLabel();
        cb.exceptionCatch(bodyStart, bodyEnd, bodyEnd, Descs.TRAP);
        cb.ldc(dev.wasm4j.exec.WasmFunction.debugName(chunk.valid().module(), funcIndex));
        Descs.call(cb, Descs.CALL_OPS, "trapFrame",
                "(Ldev/wasm4j/TrapException;Ljava/lang/String;)Ldev/wasm4j/TrapException;");
        cb.athrow();
        // so is a Java stack overflow, as the trap it becomes, so that deep recursion has a backtrace too
        Label overflow = cb.newBoundLabel();
        cb.exceptionCatch(bodyStart, bodyEnd, overflow, java.lang.constant.ClassDesc.of("java.lang.StackOverflowError"));
        Descs.call(cb, Descs.CALL_OPS, "exhausted", "(Ljava/lang/StackOverflowError;)Ldev/wasm4j/TrapException;");
        cb.ldc(dev.wasm4j.exec.WasmFunction.debugName(chunk.valid().module(), funcIndex));
        Descs.call(cb, Descs.CALL_OPS, "trapFrame",
                "(Ldev/wasm4j/TrapException;Ljava/lang/String;)Ldev/wasm4j/TrapException;");
        cb.athrow();
        if (frame != null) {
            // whatever leaves a split function gives its frame back
            Label end = cb.newBoundLabel();
            cb.exceptionCatchAll(bodyStart, end, end);
            frame.release();
            cb.athrow();
        }
    }

    /**
     * Starts the method of a region at the walk's state {@code st}: the frame, the instance and the
     * memories and globals it uses, then the locals it touches from the frame.
     */
    void beginRegion(CodeState st, FuncType type, List<ValType> locals) {
        this.type = type;
        fsSlot = 0;
        frSlot = 1;
        instSlot = 2;
        localSlot = new int[locals.size()];
        localType = new JvmType[locals.size()];
        for (SplitPlan.Region r : plan.regions) {
            if (r.parent() == region) {
                resident.or(r.touched());
            }
        }
        resident.andNot(plan.cachedAcrossCalls(region));
        // outside loops a region works on the frame directly: no copies in, none out
        BitSet notLooped = (BitSet) region.touched().clone();
        notLooped.andNot(region.looped());
        resident.or(notLooped);
        BitSet touched = region.touched();
        for (int i = 0; i < locals.size(); i++) {
            localType[i] = JvmType.of(locals.get(i));
            localSlot[i] = touched.get(i) && !resident.get(i) ? allocate(localType[i]) : -1;
        }
        loadInstanceState(region.memories(), region.globals());
        if (info.usesScratch()) {
            scratchSlot = fsSlot;
        }
        frame.enter(region);
        frozen.regionPrologue();
        baseCount = st.operandCount();
        baseSlots = st.operandSlots();
        baseFrames = st.frameCount();
        regionStart = cb.newBoundLabel();
    }

    /**
     * Ends the method of a region at the walk's state {@code st} (after its last instruction): falls
     * through with the values it leaves. Returns whether its end can be reached.
     */
    boolean endRegion(CodeState st) {
        boolean fallsThrough = reachable;
        if (reachable) {
            if (pending != null) {
                materialize();
            }
            List<ValType> values = new ArrayList<>();
            for (int k = st.operandCount() - baseCount - 1; k >= 0; k--) {
                values.add(st.operandType(k));
            }
            frame.fallThrough(region, values);
        }
        if (rethrowToCaller != null) {
            // delegated past every handler in this method: on to the caller's
            cb.labelBinding(rethrowToCaller);
            cb.athrow();
        }
        if (plan.shape.catches) {
            frame.storeOnException(region, regionStart);
        }
        return fallsThrough;
    }

    /** Where region {@code r} starts, in this method: see {@link RegionFrame.Site}. */
    RegionFrame.Site regionSite(SplitPlan.Region r, CodeState st) {
        return RegionFrame.Site.of(st, st.operandCount() - baseCount, r);
    }

    /** Calls region {@code r}, whose instructions the walk has just passed (see {@link RegionFrame#call}). */
    void callRegion(SplitPlan.Region r, RegionFrame.Site site, List<ValType> fallthrough, boolean fallsThrough) {
        frame.call(r, site, fallthrough, fallsThrough);
        reachable = fallsThrough;
    }

    /** After a region left to restart the function: starts it again, or passes the exit on. */
    void restartFromRegion(List<ValType> operands) {
        if (region != null) {
            frame.exitRestart(region);
            return;
        }
        for (ValType t : operands) {
            pop(JvmType.of(t));
        }
        cb.goto_(restart);
    }

    /** The label at {@code depth}, for a branch from this method. */
    Label labelAtDepth(int depth) {
        return labelOf(depth);
    }

    /** In a region: the label at {@code depth} is outside it (the branch leaves the method). */
    private boolean outside(CodeState st, int depth) {
        return region != null && region.outside(st.frameCount() - 1 - depth);
    }

    /** Loads the memories and globals this method uses from the instance into JVM locals. */
    private void loadInstanceState(BitSet memories, BitSet globals) {
        memSlot = new int[chunk.valid().module().memoryTypes().size()];
        java.util.Arrays.fill(memSlot, -1);
        for (int m = 0; m < memSlot.length; m++) {
            if (m == 0 && plan.split()) {
                // regions take memory 0 from their caller (RegionFrame#WITH_MEMORY): a region has it as a
                // parameter, the driver loads it whether it uses it or not
                if (region != null) {
                    memSlot[0] = RegionFrame.MEMORY_SLOT;
                    continue;
                }
            } else if (!memories.get(m)) {
                continue;
            }
            memSlot[m] = cb.allocateLocal(TypeKind.REFERENCE);
            if (m == 0) {
                cb.aload(instSlot).getfield(Descs.INSTANCE, "memory0", Descs.MEMORY).astore(memSlot[m]);
            } else {
                cb.aload(instSlot).getfield(Descs.INSTANCE, "memories", Descs.MEMORY.arrayType())
                        .loadConstant(m).aaload().astore(memSlot[m]);
            }
        }
        globalSlot = new int[chunk.valid().module().globalTypes().size()];
        java.util.Arrays.fill(globalSlot, -1);
        for (int g = globals.nextSetBit(0); g >= 0 && g < globalSlot.length; g = globals.nextSetBit(g + 1)) {
            globalSlot[g] = cb.allocateLocal(TypeKind.REFERENCE);
            cb.aload(instSlot).getfield(Descs.INSTANCE, "globals", Descs.GLOBAL.arrayType())
                    .loadConstant(g).aaload().astore(globalSlot[g]);
        }
    }

    /** Pushes local {@code i}: from its JVM local, or from the frame where it is resident. */
    void getLocal(int i) {
        if (resident.get(i)) {
            frame.getResident(i);
        } else {
            load(localType[i], localSlot[i]);
        }
    }

    /** Pops the value on top into local {@code i}. */
    void setLocal(int i) {
        if (resident.get(i)) {
            frame.setResident(i);
        } else {
            store(localType[i], localSlot[i]);
        }
    }

    /** A new JVM local for a value of type {@code t} (a v128 takes two long locals, the second at +2). */
    int allocate(JvmType t) {
        return switch (t) {
            case INT -> cb.allocateLocal(TypeKind.INT);
            case LONG -> cb.allocateLocal(TypeKind.LONG);
            case REF -> cb.allocateLocal(TypeKind.REFERENCE);
            case V128 -> {
                int lo = cb.allocateLocal(TypeKind.LONG);
                int hi = cb.allocateLocal(TypeKind.LONG);
                if (hi != lo + 2) {
                    throw new IllegalStateException("v128 locals not adjacent");
                }
                yield lo;
            }
        };
    }

    /** A reusable temporary local: the {@code i}-th of its type in the current sequence. */
    int temp(JvmType t, int i) {
        List<Integer> pool = temps.computeIfAbsent(t, k -> new ArrayList<>());
        while (pool.size() <= i) {
            pool.add(allocate(t));
        }
        return pool.get(i);
    }

    void load(JvmType t, int slot) {
        switch (t) {
            case INT -> cb.iload(slot);
            case LONG -> cb.lload(slot);
            case REF -> cb.aload(slot);
            case V128 -> cb.lload(slot).lload(slot + 2);
        }
    }

    void store(JvmType t, int slot) {
        switch (t) {
            case INT -> cb.istore(slot);
            case LONG -> cb.lstore(slot);
            case REF -> cb.astore(slot);
            case V128 -> cb.lstore(slot + 2).lstore(slot);
        }
    }

    void pop(JvmType t) {
        switch (t) {
            case INT, REF -> cb.pop();
            case LONG -> cb.pop2();
            case V128 -> cb.pop2().pop2();
        }
    }

    void pushZero(JvmType t) {
        switch (t) {
            case INT -> cb.iconst_0();
            case LONG -> cb.lconst_0();
            case REF -> cb.aconst_null();
            case V128 -> cb.lconst_0().lconst_0();
        }
    }

    // ------------------------------------------------------------------------------------------ dispatch

    @Override
    public void instruction(Opcode op, Immediates imm, CodeState st) {
        int loop = op == Opcode.LOOP ? loopOrdinal : -1;
        if (!reachable) {
            structureOnly(op, imm, st);
            return;
        }
        if (pending != null && op != Opcode.BR_IF && op != Opcode.IF && op != Opcode.I32_EQZ) {
            materialize();
        }
        switch (op) {
            case UNREACHABLE -> {
                Descs.call(cb, Descs.VAR_OPS, "unreachable", "()Ljava/lang/RuntimeException;");
                cb.athrow();
                reachable = false;
            }
            case NOP -> { }
            case BLOCK -> {
                Ctl c = new Ctl(op, false);
                c.label = cb.newLabel();
                ctls.add(c);
            }
            case LOOP -> {
                Ctl c = new Ctl(op, false);
                loopDepth++;
                c.label = cb.newBoundLabel();
                if (region == null && loop == chunk.loopEntry() && st.operandSlots() == 0 && !insideTry()) {
                    cb.labelBinding(loopEntryLabel);
                    loopEntered = true;
                }
                InterruptEmitter.loopHead(this);
                ctls.add(c);
            }
            case IF -> {
                Ctl c = new Ctl(op, false);
                c.label = cb.newLabel();
                c.elseLabel = cb.newLabel();
                jumpIf(false, c.elseLabel);
                ctls.add(c);
            }
            case ELSE -> elseBranch();
            case END -> end();
            case TRY_TABLE -> tryTable(imm, st);
            case TRY -> legacyTry(st);
            case CATCH -> legacyCatch(imm.index, st);
            case CATCH_ALL -> legacyCatch(-1, st);
            case DELEGATE -> delegate(imm.index);
            case RETHROW -> {
                cb.aload(ctls.get(ctls.size() - 1 - imm.index).excSlot).athrow();
                reachable = false;
            }
            case BR -> {
                branch(imm.index, st, 0);
                reachable = false;
            }
            case BR_IF -> brIf(imm.index, st);
            case BR_TABLE -> brTable(imm, st);
            case RETURN -> {
                emitReturn();
                reachable = false;
            }
            case CALL -> call(imm.index);
            case CALL_INDIRECT -> callIndirect(imm.index, imm.index2, false);
            case CALL_REF -> callRef(imm.index, false);
            case RETURN_CALL -> returnCall(imm.index, st);
            case RETURN_CALL_INDIRECT -> callIndirect(imm.index, imm.index2, true);
            case RETURN_CALL_REF -> callRef(imm.index, true);
            case THROW -> throwTag(imm.index);
            case THROW_REF -> {
                Descs.call(cb, Descs.REF_OPS, "rethrow", "(Ljava/lang/Object;)Ljava/lang/RuntimeException;");
                cb.athrow();
                reachable = false;
            }
            case BR_ON_NULL -> brOnNull(imm.index, st);
            case BR_ON_NON_NULL -> brOnNonNull(imm.index, st);
            case BR_ON_CAST, BR_ON_CAST_FAIL -> brOnCast(op, imm, st);
            case DROP -> pop(JvmType.of(st.operandType(0)));
            case SELECT, SELECT_T -> select(JvmType.of(op == Opcode.SELECT_T ? imm.selectTypes.getFirst()
                    : st.operandType(1)));
            case LOCAL_GET -> getLocal(imm.index);
            case LOCAL_SET -> setLocal(imm.index);
            case LOCAL_TEE -> {
                setLocal(imm.index);
                getLocal(imm.index);
            }
            case GLOBAL_GET -> globalGet(imm.index);
            case GLOBAL_SET -> globalSet(imm.index);
            default -> {
                if (!NumericEmitter.emit(this, op, imm, st)
                        && !MemoryEmitter.emit(this, op, imm, st)
                        && !GcEmitter.emit(this, op, imm, st)
                        && !AtomicEmitter.emit(this, op, imm, st)
                        && !VectorEmitter.emit(this, op, imm, st)) {
                    throw new UnsupportedOperationException("the compiler has no translation for " + op);
                }
            }
        }
    }

    private boolean insideTry() {
        for (Ctl c : ctls) {
            if (c.kind == Opcode.TRY_TABLE || c.kind == Opcode.TRY) {
                return true;
            }
        }
        return false;
    }

    /** In code that cannot run only the block structure matters. */
    private void structureOnly(Opcode op, Immediates imm, CodeState st) {
        switch (op) {
            case BLOCK, LOOP, IF, TRY_TABLE, TRY -> ctls.add(new Ctl(op, true));
            case CATCH, CATCH_ALL -> {
                if (!ctls.getLast().dead) {
                    legacyCatch(op == Opcode.CATCH ? imm.index : -1, st);
                }
            }
            case DELEGATE -> {
                if (ctls.getLast().dead) {
                    ctls.removeLast();
                } else {
                    delegate(imm.index);
                }
            }
            case ELSE -> {
                if (!ctls.getLast().dead) {
                    elseBranch();
                }
            }
            case END -> {
                if (ctls.getLast().dead) {
                    ctls.removeLast();
                } else {
                    end();
                }
            }
            default -> { }
        }
    }

    // ------------------------------------------------------------------------------------------ conditions

    /** Turns a pending comparison into its i32 0 or 1 on the stack. */
    void materialize() {
        java.lang.classfile.Opcode p = pending;
        pending = null;
        Label yes = cb.newLabel();
        Label done = cb.newLabel();
        cb.branch(p, yes);
        cb.iconst_0();
        cb.goto_(done);
        cb.labelBinding(yes);
        cb.iconst_1();
        cb.labelBinding(done);
    }

    /** Consumes the i32 condition on top (or the pending comparison): jumps to {@code target} if it is {@code when}. */
    void jumpIf(boolean when, Label target) {
        java.lang.classfile.Opcode p = pending;
        pending = null;
        if (p == null) {
            p = java.lang.classfile.Opcode.IFNE;
        }
        cb.branch(when ? p : negate(p), target);
    }

    static java.lang.classfile.Opcode negate(java.lang.classfile.Opcode op) {
        return switch (op) {
            case IFEQ -> java.lang.classfile.Opcode.IFNE;
            case IFNE -> java.lang.classfile.Opcode.IFEQ;
            case IFLT -> java.lang.classfile.Opcode.IFGE;
            case IFGE -> java.lang.classfile.Opcode.IFLT;
            case IFGT -> java.lang.classfile.Opcode.IFLE;
            case IFLE -> java.lang.classfile.Opcode.IFGT;
            case IF_ICMPEQ -> java.lang.classfile.Opcode.IF_ICMPNE;
            case IF_ICMPNE -> java.lang.classfile.Opcode.IF_ICMPEQ;
            case IF_ICMPLT -> java.lang.classfile.Opcode.IF_ICMPGE;
            case IF_ICMPGE -> java.lang.classfile.Opcode.IF_ICMPLT;
            case IF_ICMPGT -> java.lang.classfile.Opcode.IF_ICMPLE;
            case IF_ICMPLE -> java.lang.classfile.Opcode.IF_ICMPGT;
            case IFNULL -> java.lang.classfile.Opcode.IFNONNULL;
            case IFNONNULL -> java.lang.classfile.Opcode.IFNULL;
            case IF_ACMPEQ -> java.lang.classfile.Opcode.IF_ACMPNE;
            case IF_ACMPNE -> java.lang.classfile.Opcode.IF_ACMPEQ;
            default -> throw new IllegalArgumentException("not a condition: " + op);
        };
    }

    // ------------------------------------------------------------------------------------------ blocks

    private void elseBranch() {
        Ctl c = ctls.getLast();
        if (reachable) {
            cb.goto_(c.label);
            c.used = true;
        }
        cb.labelBinding(c.elseLabel);
        c.elseBound = true;
        reachable = true;
    }

    private void end() {
        Ctl c = ctls.removeLast();
        if (c.kind == null) {
            if (reachable) {
                emitReturn();
            }
            reachable = false;
            return;
        }
        switch (c.kind) {
            case LOOP -> loopDepth--;
            case IF -> {
                if (!c.elseBound) {
                    cb.labelBinding(c.elseLabel);
                    if (c.used) {
                        cb.labelBinding(c.label);
                    }
                    reachable = true;
                    return;
                }
                if (c.used) {
                    cb.labelBinding(c.label);
                }
                reachable |= c.used;
            }
            case TRY_TABLE -> endTryTable(c);
            case TRY -> endLegacyTry(c);
            default -> {
                if (c.used) {
                    cb.labelBinding(c.label);
                }
                reachable |= c.used;
            }
        }
    }

    // ------------------------------------------------------------------------------------------ branches

    /** Slots of the top {@code n} operands. */
    private static int topSlots(CodeState st, int n) {
        int s = 0;
        for (int i = 0; i < n; i++) {
            s += st.operandType(i).slots();
        }
        return s;
    }

    /** Slots between the label's height and its values, with {@code consumed} operands of the branch itself on top. */
    private static int extraSlots(CodeState st, int depth, int consumed) {
        CodeState.Frame f = st.frame(depth);
        return st.operandSlots() - topSlots(st, consumed) - f.labelSlots() - f.heightSlots();
    }

    private boolean isFunction(CodeState st, int depth) {
        return depth == st.frameCount() - 1;
    }

    private boolean directBranch(CodeState st, int depth, int consumed) {
        return !isFunction(st, depth) && !outside(st, depth) && extraSlots(st, depth, consumed) == 0;
    }

    private Label labelOf(int depth) {
        Ctl c = ctls.get(ctls.size() - 1 - depth);
        if (c.kind != Opcode.LOOP) {
            c.used = true;
        }
        return c.label;
    }

    /**
     * Branches to label {@code depth}; {@code consumed} operands of the branch instruction are already off
     * the JVM stack (but still on the validator's). Values between the label's height and its values are
     * dropped first.
     */
    void branch(int depth, CodeState st, int consumed) {
        if (outside(st, depth)) {
            frame.exit(region, st.frameCount() - 1 - depth, st.frame(depth).labelTypes());
            return;
        }
        if (isFunction(st, depth)) {
            emitReturn();
            return;
        }
        CodeState.Frame f = st.frame(depth);
        int extra = extraSlots(st, depth, consumed);
        if (extra > 0) {
            List<ValType> lt = f.labelTypes();
            int n = lt.size();
            for (int i = n - 1; i >= 0; i--) {
                JvmType t = JvmType.of(lt.get(i));
                store(t, temp(t, countBefore(lt, i, t)));
            }
            int dropped = 0;
            for (int k = consumed + n; dropped < extra; k++) {
                ValType t = st.operandType(k);
                pop(JvmType.of(t));
                dropped += t.slots();
            }
            for (int i = 0; i < n; i++) {
                JvmType t = JvmType.of(lt.get(i));
                load(t, temp(t, countBefore(lt, i, t)));
            }
        }
        cb.goto_(labelOf(depth));
    }

    /** How many values of JVM type {@code t} come before index {@code i} (to number temporaries). */
    private static int countBefore(List<ValType> types, int i, JvmType t) {
        int n = 0;
        for (int k = 0; k < i; k++) {
            if (JvmType.of(types.get(k)) == t) {
                n++;
            }
        }
        return n;
    }

    private void brIf(int depth, CodeState st) {
        if (directBranch(st, depth, 1)) {
            jumpIf(true, labelOf(depth));
        } else {
            Label skip = cb.newLabel();
            jumpIf(false, skip);
            branch(depth, st, 1);
            cb.labelBinding(skip);
        }
    }

    private void brTable(Immediates imm, CodeState st) {
        int n = imm.labels.length;
        Map<Integer, Label> targets = new LinkedHashMap<>();
        Map<Integer, Label> stubs = new LinkedHashMap<>();
        for (int i = 0; i <= n; i++) {
            int depth = i < n ? imm.labels[i] : imm.index;
            targets.computeIfAbsent(depth, d -> {
                if (directBranch(st, d, 1)) {
                    return labelOf(d);
                }
                Label stub = cb.newLabel();
                stubs.put(d, stub);
                return stub;
            });
        }
        if (n == 0) {
            cb.pop();
        } else {
            List<SwitchCase> cases = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                cases.add(SwitchCase.of(i, targets.get(imm.labels[i])));
            }
            cb.tableswitch(0, n - 1, targets.get(imm.index), cases);
        }
        if (n == 0) {
            Label d = targets.get(imm.index);
            if (!stubs.containsKey(imm.index)) {
                cb.goto_(d);
            }
        }
        for (Map.Entry<Integer, Label> e : stubs.entrySet()) {
            cb.labelBinding(e.getValue());
            branch(e.getKey(), st, 1);
        }
        reachable = false;
    }

    private void brOnNull(int depth, CodeState st) {
        Label nonNull = cb.newLabel();
        cb.dup().ifnonnull(nonNull);
        cb.pop();
        branch(depth, st, 1);
        cb.labelBinding(nonNull);
    }

    private void brOnNonNull(int depth, CodeState st) {
        Label isNull = cb.newLabel();
        cb.dup().ifnull(isNull);
        branch(depth, st, 0);
        cb.labelBinding(isNull);
        cb.pop();
    }

    private void brOnCast(Opcode op, Immediates imm, CodeState st) {
        RefType target = RefType.of((imm.castFlags & 2) != 0, imm.heapType2);
        Label skip = cb.newLabel();
        cb.dup();
        cb.ldc(chunk.refTypeConstant(target));
        Descs.call(cb, Descs.REF_OPS, "matches", "(Ljava/lang/Object;Ldev/wasm4j/model/RefType;)Z");
        if (op == Opcode.BR_ON_CAST) {
            cb.ifeq(skip);
        } else {
            cb.ifne(skip);
        }
        branch(imm.index, st, 0);
        cb.labelBinding(skip);
    }

    // ------------------------------------------------------------------------------------------ try_table

    private void tryTable(Immediates imm, CodeState st) {
        if (imm.catches.isEmpty()) {
            Ctl c = new Ctl(Opcode.BLOCK, false);
            c.label = cb.newLabel();
            ctls.add(c);
            return;
        }
        Ctl c = new Ctl(Opcode.TRY_TABLE, false);
        c.label = cb.newLabel();
        // The JVM empties the operand stack when it catches: keep the stack in locals to restore it.
        int n = st.operandCount() - baseCount;
        c.spillTypes = new JvmType[n];
        c.spillSlots = new int[n];
        for (int i = 0; i < n; i++) {
            c.spillTypes[i] = JvmType.of(st.operandType(n - 1 - i));
            c.spillSlots[i] = allocate(c.spillTypes[i]);
        }
        for (int i = n - 1; i >= 0; i--) {
            store(c.spillTypes[i], c.spillSlots[i]);
        }
        for (int i = 0; i < n; i++) {
            load(c.spillTypes[i], c.spillSlots[i]);
        }
        c.catches = List.copyOf(imm.catches);
        int k = c.catches.size();
        c.catchRestore = new int[k];
        c.catchTargets = new Ctl[k];
        c.catchToFunction = new boolean[k];
        c.catchOutside = new int[k];
        c.catchLabelTypes = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            int depth = c.catches.get(i).label();
            CodeState.Frame f = st.frame(depth);
            c.catchLabelTypes.add(List.copyOf(f.labelTypes()));
            c.catchOutside[i] = -1;
            if (outside(st, depth)) {
                c.catchOutside[i] = st.frameCount() - 1 - depth;
                continue;
            }
            int values = 0;
            int slots = 0;
            while (slots < f.heightSlots() - baseSlots) {
                slots += st.operandType(n - 1 - values).slots();
                values++;
            }
            c.catchRestore[i] = values;
            c.catchToFunction[i] = isFunction(st, depth);
            c.catchTargets[i] = ctls.get(ctls.size() - 1 - depth);
        }
        c.tryStart = cb.newBoundLabel();
        cb.nop();
        ctls.add(c);
    }

    private void endTryTable(Ctl c) {
        if (reachable) {
            cb.goto_(c.label);
            c.used = true;
        }
        Label tryEnd = cb.newBoundLabel();
        Label handler = cb.newBoundLabel();
        cb.exceptionCatch(c.tryStart, tryEnd, handler, Descs.UNCAUGHT);
        int excSlot = temp(JvmType.REF, 0);
        int exnSlot = temp(JvmType.REF, 1);
        cb.dup().astore(excSlot);
        Descs.call(cb, Descs.REF_OPS, "caught", "(Ldev/wasm4j/UncaughtException;)Ldev/wasm4j/exec/ExceptionObject;");
        cb.astore(exnSlot);
        for (int i = 0; i < c.catches.size(); i++) {
            Catch k = c.catches.get(i);
            Label next = cb.newLabel();
            List<ValType> payload = List.of();
            if (k.kind().hasTag()) {
                cb.aload(exnSlot).aload(instSlot).loadConstant(k.tag());
                Descs.call(cb, Descs.REF_OPS, "hasTag",
                        "(Ldev/wasm4j/exec/ExceptionObject;Ldev/wasm4j/exec/ModuleInstance;I)Z");
                cb.ifeq(next);
                payload = chunk.valid().tagType(k.tag()).funcType().params();
            }
            for (int v = 0; v < c.catchRestore[i]; v++) {
                load(c.spillTypes[v], c.spillSlots[v]);
            }
            int slot = 0;
            for (ValType t : payload) {
                switch (JvmType.of(t)) {
                    case INT -> cb.aload(exnSlot).getfield(Descs.EXCEPTION_OBJECT, "nums", ConstantDescs.CD_long.arrayType())
                            .loadConstant(slot).laload().l2i();
                    case LONG -> cb.aload(exnSlot).getfield(Descs.EXCEPTION_OBJECT, "nums", ConstantDescs.CD_long.arrayType())
                            .loadConstant(slot).laload();
                    case V128 -> {
                        cb.aload(exnSlot).getfield(Descs.EXCEPTION_OBJECT, "nums", ConstantDescs.CD_long.arrayType())
                                .loadConstant(slot).laload();
                        cb.aload(exnSlot).getfield(Descs.EXCEPTION_OBJECT, "nums", ConstantDescs.CD_long.arrayType())
                                .loadConstant(slot + 1).laload();
                    }
                    case REF -> cb.aload(exnSlot).getfield(Descs.EXCEPTION_OBJECT, "refs", ConstantDescs.CD_Object.arrayType())
                            .loadConstant(slot).aaload();
                }
                slot += t.slots();
            }
            if (k.kind().pushesExnRef()) {
                cb.aload(exnSlot);
            }
            if (c.catchOutside[i] >= 0) {
                frame.exit(region, c.catchOutside[i], c.catchLabelTypes.get(i));
            } else if (c.catchToFunction[i]) {
                emitReturn();
            } else {
                Ctl target = c.catchTargets[i];
                if (target.kind != Opcode.LOOP) {
                    target.used = true;
                }
                cb.goto_(target.label);
            }
            cb.labelBinding(next);
        }
        cb.aload(excSlot).athrow();
        if (c.used) {
            cb.labelBinding(c.label);
        }
        reachable = c.used;
    }

    // ------------------------------------------------------------------------------------------ legacy try

    private void legacyTry(CodeState st) {
        Ctl c = new Ctl(Opcode.TRY, false);
        c.label = cb.newLabel();
        c.handler = cb.newLabel();
        int n = st.operandCount() - baseCount;
        c.spillTypes = new JvmType[n];
        c.spillSlots = new int[n];
        for (int i = 0; i < n; i++) {
            c.spillTypes[i] = JvmType.of(st.operandType(n - 1 - i));
            c.spillSlots[i] = allocate(c.spillTypes[i]);
        }
        for (int i = n - 1; i >= 0; i--) {
            store(c.spillTypes[i], c.spillSlots[i]);
        }
        for (int i = 0; i < n; i++) {
            load(c.spillTypes[i], c.spillSlots[i]);
        }
        c.tryStart = cb.newBoundLabel();
        cb.nop();
        ctls.add(c);
    }

    /** Ends a try body: its range gets the handler, which keeps the exception and tests the clauses. */
    private void closeTryBody(Ctl c) {
        if (reachable) {
            cb.goto_(c.label);
            c.used = true;
        }
        Label tryEnd = cb.newBoundLabel();
        cb.exceptionCatch(c.tryStart, tryEnd, c.handler, Descs.UNCAUGHT);
        cb.labelBinding(c.handler);
        c.excSlot = cb.allocateLocal(TypeKind.REFERENCE);
        cb.astore(c.excSlot);
        c.inCatch = true;
    }

    /** {@code catch tag} ({@code tag >= 0}) or {@code catch_all} ({@code -1}). */
    private void legacyCatch(int tag, CodeState st) {
        Ctl c = ctls.getLast();
        if (!c.inCatch) {
            closeTryBody(c);
        } else {
            if (reachable) {
                cb.goto_(c.label);
                c.used = true;
            }
            if (c.nextTest != null) {
                cb.labelBinding(c.nextTest);
            }
        }
        c.nextTest = null;
        if (tag >= 0) {
            c.nextTest = cb.newLabel();
            cb.aload(c.excSlot);
            Descs.call(cb, Descs.REF_OPS, "caught", "(Ldev/wasm4j/UncaughtException;)Ldev/wasm4j/exec/ExceptionObject;");
            cb.aload(instSlot).loadConstant(tag);
            Descs.call(cb, Descs.REF_OPS, "hasTag",
                    "(Ldev/wasm4j/exec/ExceptionObject;Ldev/wasm4j/exec/ModuleInstance;I)Z");
            cb.ifeq(c.nextTest);
        }
        int restore = 0;
        int slots = 0;
        int height = st.frame(0).heightSlots() - baseSlots;
        while (slots < height) {
            slots += c.spillTypes[restore].jvmSlots() == 4 ? 2 : 1;
            restore++;
        }
        for (int v = 0; v < restore; v++) {
            load(c.spillTypes[v], c.spillSlots[v]);
        }
        if (tag >= 0) {
            int exn = temp(JvmType.REF, 1);
            cb.aload(c.excSlot);
            Descs.call(cb, Descs.REF_OPS, "caught", "(Ldev/wasm4j/UncaughtException;)Ldev/wasm4j/exec/ExceptionObject;");
            cb.astore(exn);
            pushPayload(exn, chunk.valid().tagType(tag).funcType().params());
        }
        reachable = true;
    }

    private void endLegacyTry(Ctl c) {
        if (!c.inCatch) {
            // try ... end: a block; a delegate that targets it goes on outwards from here.
            if (reachable) {
                cb.goto_(c.label);
                c.used = true;
            }
            if (c.handlerUsed) {
                cb.labelBinding(c.handler);
                cb.athrow();
            }
        } else {
            if (reachable) {
                cb.goto_(c.label);
                c.used = true;
            }
            if (c.nextTest != null) {
                cb.labelBinding(c.nextTest);
                cb.aload(c.excSlot).athrow();
            }
        }
        if (c.used) {
            cb.labelBinding(c.label);
        }
        reachable = c.used;
    }

    /** {@code delegate l}: the body's exceptions go to the try at label {@code l} (outside this one), or outwards. */
    private void delegate(int depth) {
        Ctl c = ctls.removeLast();
        if (reachable) {
            cb.goto_(c.label);
            c.used = true;
        }
        Label tryEnd = cb.newBoundLabel();
        cb.exceptionCatch(c.tryStart, tryEnd, c.handler, Descs.UNCAUGHT);
        cb.labelBinding(c.handler);
        Label target = null;
        for (int i = ctls.size() - 1 - depth; i >= 0 && target == null; i--) {
            Ctl t = ctls.get(i);
            if (t.kind == Opcode.TRY && !t.dead && !t.inCatch) {
                target = t.handler;
                t.handlerUsed = true;
            }
        }
        if (target == null) {
            if (rethrowToCaller == null) {
                rethrowToCaller = cb.newLabel();
            }
            target = rethrowToCaller;
        }
        cb.goto_(target);
        if (c.used) {
            cb.labelBinding(c.label);
        }
        reachable = c.used;
    }

    /** Pushes an exception's payload of these types from the ExceptionObject in local {@code exn}. */
    private void pushPayload(int exn, List<ValType> payload) {
        int slot = 0;
        for (ValType t : payload) {
            switch (JvmType.of(t)) {
                case INT -> cb.aload(exn).getfield(Descs.EXCEPTION_OBJECT, "nums", ConstantDescs.CD_long.arrayType())
                        .loadConstant(slot).laload().l2i();
                case LONG -> cb.aload(exn).getfield(Descs.EXCEPTION_OBJECT, "nums", ConstantDescs.CD_long.arrayType())
                        .loadConstant(slot).laload();
                case V128 -> {
                    cb.aload(exn).getfield(Descs.EXCEPTION_OBJECT, "nums", ConstantDescs.CD_long.arrayType())
                            .loadConstant(slot).laload();
                    cb.aload(exn).getfield(Descs.EXCEPTION_OBJECT, "nums", ConstantDescs.CD_long.arrayType())
                            .loadConstant(slot + 1).laload();
                }
                case REF -> cb.aload(exn).getfield(Descs.EXCEPTION_OBJECT, "refs", ConstantDescs.CD_Object.arrayType())
                        .loadConstant(slot).aaload();
            }
            slot += t.slots();
        }
    }

    // ------------------------------------------------------------------------------------------ values

    private void select(JvmType t) {
        Label second = cb.newLabel();
        Label done = cb.newLabel();
        jumpIf(false, second);
        pop(t);
        cb.goto_(done);
        cb.labelBinding(second);
        switch (t) {
            case INT, REF -> cb.swap().pop();
            case LONG -> cb.dup2_x2().pop2().pop2();
            case V128 -> {
                int tmp = temp(JvmType.V128, 0);
                store(JvmType.V128, tmp);
                pop(JvmType.V128);
                load(JvmType.V128, tmp);
            }
        }
        cb.labelBinding(done);
    }

    void globalGet(int g) {
        frozen.beforeGlobal(g);
        if (frozen.globalGet(g)) {
            return;
        }
        JvmType t = JvmType.of(chunk.valid().globalType(g).valType());
        int slot = globalSlot[g];
        switch (t) {
            case INT -> cb.aload(slot).getfield(Descs.GLOBAL, "value", ConstantDescs.CD_long).l2i();
            case LONG -> cb.aload(slot).getfield(Descs.GLOBAL, "value", ConstantDescs.CD_long);
            case REF -> cb.aload(slot).getfield(Descs.GLOBAL, "ref", ConstantDescs.CD_Object);
            case V128 -> cb.aload(slot).getfield(Descs.GLOBAL, "value", ConstantDescs.CD_long)
                    .aload(slot).getfield(Descs.GLOBAL, "high", ConstantDescs.CD_long);
        }
    }

    private void globalSet(int g) {
        frozen.beforeGlobal(g);
        JvmType t = JvmType.of(chunk.valid().globalType(g).valType());
        cb.aload(globalSlot[g]);
        String g1 = "Ldev/wasm4j/exec/GlobalInstance;)V";
        switch (t) {
            case INT -> Descs.call(cb, Descs.VAR_OPS, "setI32", "(I" + g1);
            case LONG -> Descs.call(cb, Descs.VAR_OPS, "setI64", "(J" + g1);
            case REF -> Descs.call(cb, Descs.VAR_OPS, "setRef", "(Ljava/lang/Object;" + g1);
            case V128 -> Descs.call(cb, Descs.VAR_OPS, "setV128", "(JJ" + g1);
        }
    }

    // ------------------------------------------------------------------------------------------ calls

    /** Returns from the function with its results on top of the stack (anything below is discarded). */
    void emitReturn() {
        List<ValType> results = type.results();
        if (region != null) {
            frame.exit(region, 0, results);
            return;
        }
        if (frame != null) {
            frame.release();
        }
        if (results.isEmpty()) {
            cb.return_();
        } else if (!JvmType.packed(results)) {
            cb.return_(TypeKind.from(JvmType.returnDesc(results)));
        } else {
            packTop(results);
            cb.areturn();
        }
    }

    /** Replaces the top values (of these types) by an {@code Object[]} in the packed form. */
    void packTop(List<ValType> types) {
        int n = types.size();
        int[] slots = new int[n];
        for (int i = n - 1; i >= 0; i--) {
            JvmType t = JvmType.of(types.get(i));
            slots[i] = temp(t, countBefore(types, i, t));
            store(t, slots[i]);
        }
        cb.loadConstant(JvmType.slots(types)).anewarray(ConstantDescs.CD_Object);
        int at = 0;
        for (int i = 0; i < n; i++) {
            JvmType t = JvmType.of(types.get(i));
            switch (t) {
                case INT -> {
                    cb.dup().loadConstant(at++).iload(slots[i]).i2l();
                    boxLong();
                    cb.aastore();
                }
                case LONG -> {
                    cb.dup().loadConstant(at++).lload(slots[i]);
                    boxLong();
                    cb.aastore();
                }
                case V128 -> {
                    cb.dup().loadConstant(at++).lload(slots[i]);
                    boxLong();
                    cb.aastore();
                    cb.dup().loadConstant(at++).lload(slots[i] + 2);
                    boxLong();
                    cb.aastore();
                }
                case REF -> cb.dup().loadConstant(at++).aload(slots[i]).aastore();
            }
        }
    }

    private void boxLong() {
        cb.invokestatic(Descs.LONG, "valueOf", Descs.method("(J)Ljava/lang/Long;"));
    }

    /** Replaces an {@code Object[]} in the packed form on top by its values. */
    void unpackTop(List<ValType> types) {
        int arr = temp(JvmType.REF, 0);
        cb.astore(arr);
        int at = 0;
        for (ValType vt : types) {
            JvmType t = JvmType.of(vt);
            switch (t) {
                case INT -> {
                    unboxAt(arr, at++);
                    cb.l2i();
                }
                case LONG -> unboxAt(arr, at++);
                case V128 -> {
                    unboxAt(arr, at++);
                    unboxAt(arr, at++);
                }
                case REF -> cb.aload(arr).loadConstant(at++).aaload();
            }
        }
    }

    private void unboxAt(int arr, int at) {
        cb.aload(arr).loadConstant(at).aaload().checkcast(Descs.LONG)
                .invokevirtual(Descs.LONG, "longValue", Descs.method("()J"));
    }

    /** After a call whose results came back: unpack them if they are packed. */
    private void afterCall(FuncType callee) {
        if (JvmType.packed(callee.results())) {
            unpackTop(callee.results());
        }
    }

    /**
     * After a direct call to a function that may leave a pending tail call: if it did, runs the chain and
     * replaces the (dummy) result by the chain's results.
     */
    void resolveTailCalls(FuncType callee) {
        Label done = cb.newLabel();
        Descs.call(cb, Descs.CALL_OPS, "tailPending", "()Z");
        cb.ifeq(done);
        List<ValType> results = callee.results();
        if (!results.isEmpty()) {
            if (JvmType.packed(results)) {
                cb.pop();
            } else {
                pop(JvmType.of(results.getFirst()));
            }
        }
        Descs.call(cb, Descs.CALL_OPS, "finishTailCallsPacked", "()[Ljava/lang/Object;");
        if (results.isEmpty()) {
            cb.pop();
        } else if (!JvmType.packed(results)) {
            unpackTop(results);
        }
        cb.labelBinding(done);
    }

    private FuncType funcType(int func) {
        return chunk.valid().functionType(func).funcType();
    }

    private void call(int func) {
        FuncType t = funcType(func);
        if (func < chunk.valid().module().importedFunctionCount()) {
            cb.aload(instSlot).loadConstant(func);
            Descs.call(cb, Descs.CALL_OPS, "imported",
                    "(Ldev/wasm4j/exec/ModuleInstance;I)Ldev/wasm4j/exec/FunctionInstance;");
            cb.aload(instSlot);
            chunk.emitDispatcherCall(cb, t);
        } else {
            cb.aload(instSlot);
            chunk.emitDirectCall(cb, func);
            if (chunk.tailCaller(func)) {
                resolveTailCalls(t);
            }
        }
        afterCall(t);
    }

    private void callIndirect(int typeIndex, int table, boolean tail) {
        FuncType t = chunk.valid().defType(typeIndex).funcType();
        boolean i32 = JvmType.of(chunk.valid().tableType(table).addrType().valType()) == JvmType.INT;
        cb.aload(instSlot).loadConstant(table).loadConstant(chunk.typeConstant(typeIndex));
        Descs.call(cb, Descs.CALL_OPS, i32 ? "indirect32" : "indirect64", (i32 ? "(I" : "(J")
                + "Ldev/wasm4j/exec/ModuleInstance;ILdev/wasm4j/model/DefType;)Ldev/wasm4j/exec/FunctionInstance;");
        callFunctionOnStack(t, tail);
    }

    private void callRef(int typeIndex, boolean tail) {
        FuncType t = chunk.valid().defType(typeIndex).funcType();
        Descs.call(cb, Descs.CALL_OPS, "funcRef", "(Ljava/lang/Object;)Ldev/wasm4j/exec/FunctionInstance;");
        callFunctionOnStack(t, tail);
    }

    /** Calls (or tail-calls) the FunctionInstance on top of the stack, with its arguments below. */
    private void callFunctionOnStack(FuncType t, boolean tail) {
        if (tail) {
            int fn = cb.allocateLocal(TypeKind.REFERENCE);
            cb.astore(fn);
            tailCallWith(t, () -> cb.aload(fn));
            return;
        }
        if (chunk.cachesIndirectCalls(t)) {
            // a function cached in one of the site's two entries: a call linked to its method; any other:
            // the dispatcher
            int fn = cb.allocateLocal(TypeKind.REFERENCE);
            Label miss = cb.newLabel();
            Label second = cb.newLabel();
            Label done = cb.newLabel();
            cb.astore(fn).aload(fn).aload(instSlot);
            int site = chunk.emitCacheCheck(cb);
            cb.dup().ifeq(miss).iconst_1().if_icmpne(second);
            for (int way = 0; way < 2; way++) {
                if (way == 1) {
                    cb.labelBinding(second);
                }
                cb.aload(instSlot);
                chunk.emitCachedCall(cb, t, site, way);
                if (chunk.reachesTailCaller(t)) {
                    resolveTailCalls(t);
                }
                cb.goto_(done);
            }
            cb.labelBinding(miss).pop().aload(fn).aload(instSlot);
            chunk.emitDispatcherCall(cb, t);
            cb.labelBinding(done);
        } else {
            cb.aload(instSlot);
            chunk.emitDispatcherCall(cb, t);
        }
        afterCall(t);
    }

    private void returnCall(int func, CodeState st) {
        FuncType t = funcType(func);
        if (func == funcIndex) {
            List<ValType> params = t.params();
            for (int i = params.size() - 1; i >= 0; i--) {
                setLocal(i);
            }
            for (int k = params.size(); k < st.operandCount() - baseCount; k++) {
                pop(JvmType.of(st.operandType(k)));
            }
            if (region != null) {
                frame.exitRestart(region);
            } else {
                cb.goto_(restart);
            }
            reachable = false;
            return;
        }
        tailCallWith(t, () -> cb.aload(instSlot).loadConstant(func).invokestatic(Descs.CALL_OPS, "imported",
                Descs.method("(Ldev/wasm4j/exec/ModuleInstance;I)Ldev/wasm4j/exec/FunctionInstance;")));
    }

    /** Records a tail call to the function {@code pushFunction} pushes, with the arguments on the stack; returns. */
    private void tailCallWith(FuncType callee, Runnable pushFunction) {
        int size = Math.max(1, Math.max(JvmType.slots(callee.params()), JvmType.slots(callee.results())));
        int[] arrays = packSlots(callee.params(), size);
        pushFunction.run();
        cb.aload(arrays[0]).aload(arrays[1]).aload(instSlot);
        Descs.call(cb, Descs.CALL_OPS, "tailCall", "(Ldev/wasm4j/exec/FunctionInstance;[J[Ljava/lang/Object;"
                + "Ldev/wasm4j/exec/ModuleInstance;)V");
        List<ValType> results = type.results();
        if (region != null) {
            // the driver returns placeholders; its caller runs the pending call
            frame.exit(region, 0, List.of());
            reachable = false;
            return;
        }
        if (frame != null) {
            frame.release();
        }
        if (results.isEmpty()) {
            cb.return_();
        } else if (JvmType.packed(results)) {
            cb.aconst_null().areturn();
        } else {
            pushZero(JvmType.of(results.getFirst()));
            cb.return_(TypeKind.from(JvmType.returnDesc(results)));
        }
        reachable = false;
    }

    /**
     * Pops values of these types into new slot arrays ({@code long[]} and {@code Object[]} of {@code size});
     * returns the two locals holding them.
     */
    int[] packSlots(List<ValType> types, int size) {
        int n = types.size();
        int[] slots = new int[n];
        for (int i = n - 1; i >= 0; i--) {
            JvmType t = JvmType.of(types.get(i));
            slots[i] = temp(t, countBefore(types, i, t) + 2);
            store(t, slots[i]);
        }
        int s = temp(JvmType.REF, 0);
        int r = temp(JvmType.REF, 1);
        cb.loadConstant(size).newarray(TypeKind.LONG).astore(s);
        cb.loadConstant(size).anewarray(ConstantDescs.CD_Object).astore(r);
        int at = 0;
        for (int i = 0; i < n; i++) {
            switch (JvmType.of(types.get(i))) {
                case INT -> cb.aload(s).loadConstant(at).iload(slots[i]).i2l().lastore();
                case LONG -> cb.aload(s).loadConstant(at).lload(slots[i]).lastore();
                case V128 -> {
                    cb.aload(s).loadConstant(at).lload(slots[i]).lastore();
                    cb.aload(s).loadConstant(at + 1).lload(slots[i] + 2).lastore();
                }
                case REF -> cb.aload(r).loadConstant(at).aload(slots[i]).aastore();
            }
            at += types.get(i).slots();
        }
        return new int[] {s, r};
    }

    private void throwTag(int tag) {
        List<ValType> params = chunk.valid().tagType(tag).funcType().params();
        int[] arrays = packSlots(params, JvmType.slots(params));
        cb.aload(arrays[0]).aload(arrays[1]).aload(instSlot).loadConstant(tag);
        Descs.call(cb, Descs.REF_OPS, "newException",
                "([J[Ljava/lang/Object;Ldev/wasm4j/exec/ModuleInstance;I)Ljava/lang/RuntimeException;");
        cb.athrow();
        reachable = false;
    }
}
