package dev.wasm4j.compiler;

import dev.wasm4j.compiler.SplitPlan.Region;
import dev.wasm4j.model.ValType;
import dev.wasm4j.valid.CodeState;

import java.lang.classfile.CodeBuilder;
import java.lang.classfile.Label;
import java.lang.classfile.TypeKind;
import java.lang.classfile.instruction.SwitchCase;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The code on both sides of a region call (see {@link SplitPlan}): in the caller, the locals stored into
 * the frame, the call, the locals reloaded and the branches on the exit code (or its return, for a label
 * outside the caller too); in the region, the locals loaded at entry and stored again at every exit, and the
 * values an exit carries put in the frame's transfer area. A method reads and writes in the frame the Wasm
 * locals that the regions it calls use too (its resident locals, but for those a loop entry's driver keeps
 * across calls: {@link SplitPlan#cachedAcrossCalls}), and a region also those it uses only outside loops of
 * its own; it keeps the others in JVM locals.
 */
final class RegionFrame {
    /** {@code int r(long[] frame, Object[] refs, ModuleInstance inst)}, in a module without memories. */
    static final MethodTypeDesc TYPE = MethodTypeDesc.ofDescriptor(
            "([J[Ljava/lang/Object;Ldev/wasm4j/exec/ModuleInstance;)I");
    /**
     * {@code int r(long[] frame, Object[] refs, ModuleInstance inst, LinearMemory memory0)}, in a module with
     * memories: the caller passes its first memory, so that a region's first access does not wait for the chain
     * instance, array, memory before its own loads. An interpreter's dispatch region makes its fetch on entry,
     * every opcode, and its case regions their first accesses (docs/performance.md, stop 33).
     */
    static final MethodTypeDesc WITH_MEMORY = MethodTypeDesc.ofDescriptor(
            "([J[Ljava/lang/Object;Ldev/wasm4j/exec/ModuleInstance;Ldev/wasm4j/memory/LinearMemory;)I");
    /** A region's JVM local of memory 0 (with {@link #WITH_MEMORY}): its fourth parameter. */
    static final int MEMORY_SLOT = 3;

    /** Whether the regions of functions that {@code chunk} compiles take memory 0 ({@link #WITH_MEMORY}). */
    static boolean takesMemory(ChunkCompiler chunk) {
        return !chunk.valid().module().memoryTypes().isEmpty();
    }

    /** The type of the regions of functions that {@code chunk} compiles. */
    static MethodTypeDesc type(ChunkCompiler chunk) {
        return takesMemory(chunk) ? WITH_MEMORY : TYPE;
    }

    private static final ClassDesc FRAME_STACK = ClassDesc.of("dev.wasm4j.compiler.FrameStack");

    private final FunctionCompiler fc;
    private final SplitPlan plan;
    private final CodeBuilder cb;
    /** In the driver: the thread's frame stack, and its depth and slots in use before the push. */
    private int stackSlot = -1;
    private int depthSlot = -1;
    private int usedSlot = -1;

    RegionFrame(FunctionCompiler fc, SplitPlan plan) {
        this.fc = fc;
        this.plan = plan;
        this.cb = fc.cb;
    }

    static String methodName(int func, Region r) {
        return "f" + func + "$r" + r.id();
    }

    // ------------------------------------------------------------------------------------------ locals

    /** Pushes resident local {@code l} from the frame. */
    void getResident(int l) {
        push(fc.localType(l), plan.frameIndex[l]);
    }

    /** Pops the value on top into resident local {@code l}. */
    void setResident(int l) {
        pop(fc.localType(l), plan.frameIndex[l]);
    }

    /** Stores the JVM copy of each local in {@code locals} (those this method caches) into the frame. */
    void storeLocals(BitSet locals) {
        for (int l = locals.nextSetBit(0); l >= 0; l = locals.nextSetBit(l + 1)) {
            if (!fc.resident.get(l)) {
                int at = plan.frameIndex[l];
                int slot = fc.localSlot(l);
                switch (fc.localType(l)) {
                    case INT -> cb.aload(fc.fsSlot).loadConstant(at).iload(slot).i2l().lastore();
                    case LONG -> cb.aload(fc.fsSlot).loadConstant(at).lload(slot).lastore();
                    case V128 -> {
                        cb.aload(fc.fsSlot).loadConstant(at).lload(slot).lastore();
                        cb.aload(fc.fsSlot).loadConstant(at + 1).lload(slot + 2).lastore();
                    }
                    case REF -> cb.aload(fc.frSlot).loadConstant(at).aload(slot).aastore();
                }
            }
        }
    }

    /** Loads each local in {@code locals} (those this method caches) from the frame into its JVM copy. */
    void loadLocals(BitSet locals) {
        for (int l = locals.nextSetBit(0); l >= 0; l = locals.nextSetBit(l + 1)) {
            if (!fc.resident.get(l)) {
                push(fc.localType(l), plan.frameIndex[l]);
                fc.store(fc.localType(l), fc.localSlot(l));
            }
        }
    }

    /** Pushes a value of type {@code t} from frame slot {@code at} (of the {@code long[]}, or the {@code Object[]}). */
    private void push(JvmType t, int at) {
        switch (t) {
            case INT -> cb.aload(fc.fsSlot).loadConstant(at).laload().l2i();
            case LONG -> cb.aload(fc.fsSlot).loadConstant(at).laload();
            case V128 -> cb.aload(fc.fsSlot).loadConstant(at).laload().aload(fc.fsSlot).loadConstant(at + 1).laload();
            case REF -> cb.aload(fc.frSlot).loadConstant(at).aaload();
        }
    }

    /** Pops a value of type {@code t} into frame slot {@code at}. */
    private void pop(JvmType t, int at) {
        switch (t) {
            case INT -> {
                cb.i2l();
                storeLong(at);
            }
            case LONG -> storeLong(at);
            case V128 -> {
                storeLong(at + 1);
                storeLong(at);
            }
            case REF -> cb.aload(fc.frSlot).swap().loadConstant(at).swap().aastore();
        }
    }

    // ------------------------------------------------------------------------------------------ transfer area

    /** Moves values of these types from the top of the JVM stack into the transfer area (the last on top). */
    void storeValues(List<ValType> types) {
        int[] at = positions(types);
        for (int i = types.size() - 1; i >= 0; i--) {
            pop(JvmType.of(types.get(i)), at[i]);
        }
    }

    /** Pushes values of these types from the transfer area. */
    void loadValues(List<ValType> types) {
        int[] at = positions(types);
        for (int i = 0; i < types.size(); i++) {
            push(JvmType.of(types.get(i)), at[i]);
        }
    }

    /** {@code frame[at] = <long on top>}. */
    private void storeLong(int at) {
        cb.aload(fc.fsSlot).dup_x2().pop().loadConstant(at).dup_x2().pop().lastore();
    }

    /** Where each value goes: numbers in order from the transfer area of the long[], references of the Object[]. */
    private int[] positions(List<ValType> types) {
        int[] at = new int[types.size()];
        int nums = plan.transfer;
        int refs = plan.transferRefs;
        for (int i = 0; i < types.size(); i++) {
            ValType t = types.get(i);
            if (t.isRef()) {
                at[i] = refs++;
            } else {
                at[i] = nums;
                nums += t.slots();
            }
        }
        return at;
    }

    // ------------------------------------------------------------------------------------------ region side

    /** Prologue of a region: its locals from the frame. */
    void enter(Region r) {
        loadLocals(r.touched());
    }

    /**
     * Leaves the region for the label at {@code level} (0: the function returns), carrying values of
     * {@code types} from the top of the JVM stack.
     */
    void exit(Region r, int level, List<ValType> types) {
        storeValues(types);
        if (level != 0) {
            storeLocals(r.writes());
        }
        cb.loadConstant(r.code(level)).ireturn();
    }

    /** Leaves the region to start the function again (a {@code return_call} of itself): its parameters are set. */
    void exitRestart(Region r) {
        storeLocals(r.writes());
        cb.loadConstant(r.restartCode()).ireturn();
    }

    /** Falls out of the end of the region with values of {@code types} on top. */
    void fallThrough(Region r, List<ValType> types) {
        storeValues(types);
        storeLocals(r.writes());
        cb.iconst_0().ireturn();
    }

    /**
     * Where a function has exception handlers: a Wasm exception leaving the region first stores what it
     * wrote, so that a handler in a caller sees the locals as they were when it was thrown.
     */
    void storeOnException(Region r, Label start) {
        Label end = cb.newBoundLabel();
        Label handler = cb.newBoundLabel();
        cb.exceptionCatch(start, end, handler, Descs.UNCAUGHT);
        storeLocals(r.writes());
        cb.athrow();
    }

    // ------------------------------------------------------------------------------------------ caller side

    /**
     * What the caller needs to know of the state where a region starts, to branch from there when the
     * region leaves: the operands under it that this method holds (top first), and per label level the
     * label's height and types.
     */
    record Site(List<ValType> operands, int operandSlots, int frameCount, java.util.Map<Integer, CodeState.Frame> labels) {

        static Site of(CodeState st, int ownOperands, Region r) {
            List<ValType> operands = new ArrayList<>();
            for (int k = 0; k < ownOperands; k++) {
                operands.add(st.operandType(k));
            }
            java.util.Map<Integer, CodeState.Frame> labels = new java.util.HashMap<>();
            for (int level : r.exits()) {
                CodeState.Frame f = st.frame(st.frameCount() - 1 - level);
                labels.put(level, new Label(f.kind(), f.type(), f.heightSlots(), List.copyOf(f.labelTypes()),
                        f.labelSlots(), f.unreachable()));
            }
            return new Site(List.copyOf(operands), st.operandSlots(), st.frameCount(), labels);
        }

        private record Label(dev.wasm4j.model.Opcode kind, dev.wasm4j.model.FuncType type, int heightSlots,
                             List<ValType> labelTypes, int labelSlots, boolean unreachable) implements CodeState.Frame {
        }
    }

    /**
     * Calls region {@code r}, whose instructions the walk has just passed: {@code site} is where it
     * started, {@code fallthrough} the types of the values it leaves when it falls through, which it does
     * when {@code fallsThrough}. Emits the stores, the call, the reloads and the exits: a branch for each exit
     * to a label in this method, and for the exits that leave this method too, a {@code return} of the exit
     * code as it came (every region of a function gives a label the same code, {@link SplitPlan#exitCode}).
     * So a caller that only passes exits on has no test for them: an interpreter's dispatch region calls each
     * opcode's case and returns what it returned.
     */
    void call(Region r, Site site, List<ValType> fallthrough, boolean fallsThrough) {
        storeLocals(r.touched());   // those this method keeps in JVM locals across calls (SplitPlan#cachedAcrossCalls)
        cb.aload(fc.fsSlot).aload(fc.frSlot).aload(fc.instSlot);
        if (takesMemory(fc.chunk)) {
            cb.aload(fc.memSlot[0]);
        }
        cb.invokestatic(fc.chunk.self(), methodName(plan.shape.funcIndex, r), type(fc.chunk));
        loadLocals(r.writes());
        Region caller = fc.region;
        List<Integer> here = new ArrayList<>();   // exit codes this method branches on
        boolean passOn = false;
        for (int level : r.exits()) {
            if (caller != null && caller.outside(level)) {
                passOn = true;
            } else {
                here.add(SplitPlan.exitCode(level));
            }
        }
        if (r.restarts()) {
            if (caller != null) {
                passOn = true;
            } else {
                here.add(SplitPlan.RESTART);
            }
        }
        if (here.isEmpty() && !passOn) {
            cb.pop();
        } else if (here.isEmpty() && !fallsThrough) {
            // every way out leaves this method too: no test
            passOn();
            return;
        } else if (here.size() == 1 && !passOn && !fallsThrough) {
            // one way out: no test
            cb.pop();
            exitCase(here.getFirst(), site);
            return;
        } else if (here.size() == 1 && !passOn) {
            Label normal = cb.newLabel();
            cb.ifeq(normal);
            exitCase(here.getFirst(), site);
            cb.labelBinding(normal);
        } else if (here.isEmpty()) {
            Label normal = cb.newLabel();
            cb.dup().ifeq(normal);
            passOn();
            cb.labelBinding(normal);
            cb.pop();
        } else {
            // the code stays on the stack for the exits passed on; every other way pops it first
            Label normal = cb.newLabel();
            Label other = passOn ? cb.newLabel() : normal;
            List<SwitchCase> cases = new ArrayList<>();   // in any order: the class-file API sorts them
            List<Label> targets = new ArrayList<>();
            for (int code : here) {
                Label l = cb.newLabel();
                targets.add(l);
                cases.add(SwitchCase.of(code, l));
            }
            if (passOn && fallsThrough) {
                cases.add(SwitchCase.of(SplitPlan.FALL_THROUGH, normal));
            }
            cb.dup().lookupswitch(other, cases);
            for (int i = 0; i < here.size(); i++) {
                cb.labelBinding(targets.get(i));
                cb.pop();
                exitCase(here.get(i), site);
            }
            if (passOn) {
                cb.labelBinding(other);
                passOn();
            }
            cb.labelBinding(normal);
            cb.pop();
        }
        if (fallsThrough) {
            loadValues(fallthrough);
        } else {
            // the region never falls through: nothing follows the call (the verifier wants an end here)
            cb.aconst_null().athrow();
        }
    }

    /**
     * With an exit code on the stack for a label outside this method too: returns it to this method's caller,
     * after storing what this method wrote of the locals it keeps in JVM locals (needless when the label is
     * the function's return, which the code alone would tell; such a store is one array store, on a way out).
     */
    private void passOn() {
        storeLocals(fc.region.writes());
        cb.ireturn();
    }

    /** The caller's code for exit code {@code code} of the region just called. */
    private void exitCase(int code, Site site) {
        if (code == SplitPlan.RESTART) {
            fc.restartFromRegion(site.operands());
        } else {
            exitTo(SplitPlan.exitLevel(code), site);
        }
    }

    /**
     * In the caller, after the region left for the label at {@code level}, which is in the caller (or is its
     * return): branches there with the values from the transfer area.
     */
    private void exitTo(int level, Site site) {
        if (level == 0) {
            List<ValType> results = fc.resultTypes();
            loadValues(results);
            fc.emitReturn();
            return;
        }
        CodeState.Frame f = site.labels().get(level);
        int slots = site.operandSlots();
        for (int k = 0; slots > f.heightSlots(); k++) {
            ValType t = site.operands().get(k);
            fc.pop(JvmType.of(t));
            slots -= t.slots();
        }
        loadValues(f.labelTypes());
        cb.goto_(fc.labelAtDepth(site.frameCount() - 1 - level));
    }

    /**
     * The driver's prologue: a frame from the thread's {@link FrameStack}, whose depth and size in use are
     * kept to be written back by {@link #release}.
     */
    void push() {
        stackSlot = cb.allocateLocal(TypeKind.REFERENCE);
        depthSlot = cb.allocateLocal(TypeKind.INT);
        usedSlot = cb.allocateLocal(TypeKind.LONG);
        fc.fsSlot = cb.allocateLocal(TypeKind.REFERENCE);
        fc.frSlot = cb.allocateLocal(TypeKind.REFERENCE);
        cb.aload(fc.instSlot).invokestatic(FRAME_STACK, "of", MethodTypeDesc.of(FRAME_STACK, Descs.INSTANCE))
                .astore(stackSlot);
        cb.aload(stackSlot).getfield(FRAME_STACK, "depth", ConstantDescs.CD_int).istore(depthSlot);
        cb.aload(stackSlot).getfield(FRAME_STACK, "used", ConstantDescs.CD_long).lstore(usedSlot);
        cb.aload(stackSlot).loadConstant(plan.frameSlots).loadConstant(plan.frameRefs)
                .invokevirtual(FRAME_STACK, "push", Descs.method("(II)[J")).astore(fc.fsSlot);
        if (plan.frameRefs > 0) {
            cb.aload(stackSlot).invokevirtual(FRAME_STACK, "refs", Descs.method("()[Ljava/lang/Object;"));
        } else {
            cb.aconst_null();
        }
        cb.astore(fc.frSlot);
    }

    /** Gives the frame back: before every return of the driver, and when an exception leaves it. */
    void release() {
        cb.aload(stackSlot).iload(depthSlot).putfield(FRAME_STACK, "depth", ConstantDescs.CD_int);
        cb.aload(stackSlot).lload(usedSlot).putfield(FRAME_STACK, "used", ConstantDescs.CD_long);
    }
}
