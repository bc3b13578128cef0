package dev.wasm4j.exec.interp;

import dev.wasm4j.binary.Immediates;
import dev.wasm4j.exec.Interrupts;
import dev.wasm4j.exec.WasmFunction;
import dev.wasm4j.exec.gc.Freezer;
import dev.wasm4j.model.AddrType;
import dev.wasm4j.model.Catch;
import dev.wasm4j.model.FuncType;
import dev.wasm4j.model.Module;
import dev.wasm4j.model.Opcode;
import dev.wasm4j.model.RefType;
import dev.wasm4j.model.ValType;
import dev.wasm4j.model.VecType;
import dev.wasm4j.valid.CodeSink;
import dev.wasm4j.valid.CodeState;
import dev.wasm4j.valid.ValidModule;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Translates one validated function body into interpreter {@link Code}: the validator replays the body
 * through this {@link CodeSink}, which knows at every instruction the operand types, the stack height and
 * the label it branches to, so branch targets and stack moves are resolved here, once.
 */
public final class Translator implements CodeSink {
    private final ValidModule module;
    private final Module syntax;
    private final WasmFunction function;
    private final CodeBuffer out = new CodeBuffer();
    private final List<Object> constants = new ArrayList<>();
    /** Catch clauses in the order their try_table ends: innermost first. */
    private final List<PendingHandler> handlers = new ArrayList<>();
    private final List<Ctl> ctls = new ArrayList<>();
    private int[] localSlot;
    private boolean[] localIsRef;
    private boolean[] localIsV128;
    private int paramSlots;
    private int localSlots;
    private int resultSlots;
    private Code result;
    /** Fuel is metered: charge calls and loop iterations (see {@link dev.wasm4j.exec.Fuel}). */
    private final boolean metered;
    /** Instructions translated so far, to price a loop iteration. */
    private int instrCount;
    /** A compiling tier may take over at loop heads (see {@link LoopEntry}). */
    private final boolean loopEntries;
    /** Loops seen so far, reachable or not: the next loop's ordinal. */
    private int loops;

    private Translator(WasmFunction function) {
        this.function = function;
        this.module = function.instance().module();
        this.syntax = module.module();
        this.metered = function.instance().fuel != null;
        this.loopEntries = !metered && function.instance().loopTier != null;
    }

    /** Translates {@code function}'s body. */
    public static Code translate(WasmFunction function) {
        Translator t = new Translator(function);
        t.module.replayFunction(function.index(), t);
        return t.result;
    }

    /** An open block as the translator sees it: where branches to it go. */
    private static final class Ctl {
        final Opcode kind;
        final boolean dead;
        final int start;
        int[] patches = new int[4];
        int patchCount;
        int elsePatch = -1;
        /** Handlers of catch clauses that jump to this block's end. */
        final List<PendingHandler> handlerTargets = new ArrayList<>();
        /** For a try_table or try: its own catch clauses. */
        final List<PendingHandler> ownHandlers = new ArrayList<>();
        /** Frame index (nesting depth) of the block, for handler search. */
        int depth;
        /** For a loop, when fuel is metered: instructions translated before it began. */
        int startCount;
        /** For a legacy try: which hidden slot keeps the caught exception; the end of its do part. */
        int legacySlot = -1;
        int doEnd = -1;

        Ctl(Opcode kind, boolean dead, int start) {
            this.kind = kind;
            this.dead = dead;
            this.start = start;
        }

        void addPatch(int at) {
            if (patchCount == patches.length) {
                patches = Arrays.copyOf(patches, patchCount * 2);
            }
            patches[patchCount++] = at;
        }
    }

    /** A catch clause whose end and target are filled in when the blocks involved end. */
    private static final class PendingHandler {
        final int start;
        final int depth;
        final int tag;
        final boolean pushRef;
        final int height;
        int end = -1;
        int target = -1;
        int legacySlot = -1;
        int delegateTo = -1;

        PendingHandler(int start, int depth, int tag, boolean pushRef, int height) {
            this.start = start;
            this.depth = depth;
            this.tag = tag;
            this.pushRef = pushRef;
            this.height = height;
        }
    }

    /** Hidden slots above the operand stack, one per nesting level of legacy try, for rethrow. */
    private int legacyDepth;
    private int legacySlots;
    /** Places in the code that hold a hidden slot number, to be turned into a frame offset at the end. */
    private final List<Integer> hiddenSlotPatches = new ArrayList<>();

    @Override
    public void beginFunction(int funcIndex, FuncType type, List<ValType> locals) {
        localSlot = new int[locals.size()];
        localIsRef = new boolean[locals.size()];
        localIsV128 = new boolean[locals.size()];
        int slot = 0;
        for (int i = 0; i < locals.size(); i++) {
            ValType t = locals.get(i);
            localSlot[i] = slot;
            localIsRef[i] = t.isRef();
            localIsV128[i] = t == VecType.V128;
            slot += t.slots();
            if (i == type.params().size() - 1) {
                paramSlots = slot;
            }
        }
        localSlots = slot;
        resultSlots = slotsOf(type.results());
        ctls.add(new Ctl(null, false, 0));
        if (metered) {
            out.emit(Ops.FUEL, 1);
        }
        if (Interrupts.CHECKS) {
            out.emit(Ops.INTERRUPT);
        }
        int phase = module.phases().functionPhase(funcIndex);
        if (phase > 0) {
            out.emit(Ops.FROZEN, FrozenOps.PHASE, phase);
        }
    }

    @Override
    public void endFunction(CodeState state) {
        out.emit(Ops.RETURN);
        if (metered) {
            out.patch(1, Math.max(1, instrCount));  // a call pays for its body once, loops per iteration
        }
        int hiddenBase = localSlots + state.maxOperandSlots();
        for (int at : hiddenSlotPatches) {
            out.patch(at, hiddenBase + out.get(at));
        }
        Code.Handler[] hs = new Code.Handler[handlers.size()];
        for (int i = 0; i < hs.length; i++) {
            PendingHandler h = handlers.get(i);
            hs[i] = new Code.Handler(h.start, h.end, h.depth, h.tag, h.pushRef, h.target, h.height,
                    h.legacySlot < 0 ? -1 : hiddenBase + h.legacySlot, h.delegateTo);
        }
        result = new Code(function, out.toArray(), constants.toArray(), paramSlots, localSlots, resultSlots,
                hiddenBase + legacySlots, hs, loops);
    }

    private boolean insideTry() {
        for (Ctl c : ctls) {
            if (c.kind == Opcode.TRY_TABLE || c.kind == Opcode.TRY) {
                return true;
            }
        }
        return false;
    }

    private static int slotsOf(List<ValType> types) {
        int n = 0;
        for (ValType t : types) {
            n += t.slots();
        }
        return n;
    }

    private int constant(Object c) {
        constants.add(c);
        return constants.size() - 1;
    }

    @Override
    public void instruction(Opcode op, Immediates imm, CodeState state) {
        instrCount++;
        if (state.unreachable()) {
            structureOnly(op, imm, state);
            return;
        }
        frozenChecks(op, imm, state);
        switch (op) {
            // ---- control ----
            case UNREACHABLE -> out.emit(Ops.UNREACHABLE);
            case NOP -> { }
            case BLOCK -> ctls.add(new Ctl(op, false, out.pc()));
            case LOOP -> {
                int ordinal = loops++;
                Ctl loop = new Ctl(op, false, out.pc());
                loop.startCount = instrCount;
                // Only where the compiled code can pick the call up: nothing on the operand stack (so no
                // loop parameters either) and no enclosing handler, which the compiled code would own.
                if (loopEntries && state.operandSlots() == 0 && !insideTry()) {
                    out.emit(Ops.LOOP_HEAD, ordinal);
                }
                if (Interrupts.CHECKS) {
                    out.emit(Ops.INTERRUPT);
                }
                ctls.add(loop);
            }
            case IF -> {
                Ctl c = new Ctl(op, false, out.pc());
                out.emit(Ops.BR_UNLESS, 0);
                c.elsePatch = out.pc() - 1;
                ctls.add(c);
            }
            case ELSE -> elseBranch(false);
            case END -> end(state);
            case TRY_TABLE -> tryTable(imm, state);
            case TRY -> legacyTry(state);
            case CATCH, CATCH_ALL -> legacyCatch(op, imm, state, false);
            case DELEGATE -> delegate(imm, state);
            case RETHROW -> {
                out.emit(Ops.RETHROW, ctls.get(ctls.size() - 1 - imm.index).legacySlot);
                hiddenSlotPatches.add(out.pc() - 1);
            }
            case BR -> branch(Ops.BR, imm.index, state);
            case BR_IF -> branch(Ops.BR_IF, imm.index, state);
            case BR_TABLE -> brTable(imm, state);
            case RETURN -> out.emit(Ops.RETURN);
            case CALL -> out.emit(Ops.CALL, imm.index);
            case CALL_INDIRECT -> out.emit(Ops.CALL_INDIRECT, imm.index, imm.index2);
            case RETURN_CALL -> out.emit(Ops.RETURN_CALL, imm.index);
            case RETURN_CALL_INDIRECT -> out.emit(Ops.RETURN_CALL_INDIRECT, imm.index, imm.index2);
            case CALL_REF -> out.emit(Ops.CALL_REF, imm.index);
            case RETURN_CALL_REF -> out.emit(Ops.RETURN_CALL_REF, imm.index);
            case THROW -> out.emit(Ops.THROW, imm.index);
            case THROW_REF -> out.emit(Ops.THROW_REF);
            case BR_ON_NULL -> branch(Ops.BR_ON_NULL, imm.index, state);
            case BR_ON_NON_NULL -> branch(Ops.BR_ON_NON_NULL, imm.index, state);
            case BR_ON_CAST, BR_ON_CAST_FAIL -> {
                RefType target = RefType.of((imm.castFlags & 2) != 0, imm.heapType2);
                branch(op == Opcode.BR_ON_CAST ? Ops.BR_ON_CAST : Ops.BR_ON_CAST_FAIL, imm.index, state);
                out.emit(constant(module.close(target)));
            }

            // ---- parametric ----
            case DROP -> out.emit(Ops.DROP, state.operandType(0).slots());
            case SELECT, SELECT_T -> {
                ValType t = op == Opcode.SELECT_T ? imm.selectTypes.getFirst() : state.operandType(1);
                out.emit(t.isRef() ? Ops.SELECT_REF : t == VecType.V128 ? Ops.SELECT_V128 : Ops.SELECT);
            }

            // ---- variables ----
            case LOCAL_GET -> local(imm.index, Ops.LOCAL_GET, Ops.LOCAL_GET_REF, Ops.LOCAL_GET_V128);
            case LOCAL_SET -> local(imm.index, Ops.LOCAL_SET, Ops.LOCAL_SET_REF, Ops.LOCAL_SET_V128);
            case LOCAL_TEE -> local(imm.index, Ops.LOCAL_TEE, Ops.LOCAL_TEE_REF, Ops.LOCAL_TEE_V128);
            case GLOBAL_GET -> global(imm.index, Ops.GLOBAL_GET, Ops.GLOBAL_GET_REF, Ops.GLOBAL_GET_V128);
            case GLOBAL_SET -> global(imm.index, Ops.GLOBAL_SET, Ops.GLOBAL_SET_REF, Ops.GLOBAL_SET_V128);

            // ---- tables ----
            case TABLE_GET -> out.emit(Ops.TABLE_GET, imm.index);
            case TABLE_SET -> out.emit(Ops.TABLE_SET, imm.index);
            case TABLE_SIZE -> out.emit(Ops.TABLE_SIZE, imm.index);
            case TABLE_GROW -> out.emit(Ops.TABLE_GROW, imm.index);
            case TABLE_FILL -> out.emit(Ops.TABLE_FILL, imm.index);
            case TABLE_COPY -> out.emit(Ops.TABLE_COPY, imm.index, imm.index2);
            case TABLE_INIT -> out.emit(Ops.TABLE_INIT, imm.index, imm.index2);
            case ELEM_DROP -> out.emit(Ops.ELEM_DROP, imm.index);

            // ---- memory ----
            case I32_LOAD, F32_LOAD, I64_LOAD32_S -> memory(op, imm, Ops.LOAD32_S);
            case I64_LOAD, F64_LOAD -> memory(op, imm, Ops.LOAD64);
            case I32_LOAD8_S, I64_LOAD8_S -> memory(op, imm, Ops.LOAD8_S);
            case I32_LOAD8_U, I64_LOAD8_U -> memory(op, imm, Ops.LOAD8_U);
            case I32_LOAD16_S, I64_LOAD16_S -> memory(op, imm, Ops.LOAD16_S);
            case I32_LOAD16_U, I64_LOAD16_U -> memory(op, imm, Ops.LOAD16_U);
            case I64_LOAD32_U -> memory(op, imm, Ops.LOAD32_U);
            case I32_STORE, F32_STORE, I64_STORE32 -> memory(op, imm, Ops.STORE32);
            case I64_STORE, F64_STORE -> memory(op, imm, Ops.STORE64);
            case I32_STORE8, I64_STORE8 -> memory(op, imm, Ops.STORE8);
            case I32_STORE16, I64_STORE16 -> memory(op, imm, Ops.STORE16);
            case MEMORY_SIZE -> out.emit(Ops.MEMORY_SIZE, imm.index);
            case MEMORY_GROW -> out.emit(Ops.MEMORY_GROW, imm.index);
            case MEMORY_FILL -> out.emit(Ops.MEMORY_FILL, imm.index);
            case MEMORY_COPY -> out.emit(Ops.MEMORY_COPY, imm.index, imm.index2);
            case MEMORY_INIT -> out.emit(Ops.MEMORY_INIT, imm.index, imm.index2);
            case DATA_DROP -> out.emit(Ops.DATA_DROP, imm.index);
            case MEMORY_DISCARD -> out.emit(Ops.MEMORY_DISCARD, imm.index);
            case MEMORY_MAP -> out.emit(Ops.MEMORY_MAP, imm.index, imm.prot);
            case MEMORY_UNMAP -> out.emit(Ops.MEMORY_UNMAP, imm.index);
            case MEMORY_PROTECT -> out.emit(Ops.MEMORY_PROTECT, imm.index, imm.prot);

            // ---- constants ----
            case I32_CONST, F32_CONST -> out.emit(Ops.I32_CONST, (int) imm.value);
            case I64_CONST, F64_CONST -> out.emit(Ops.I64_CONST, (int) imm.value, (int) (imm.value >>> 32));
            case V128_CONST -> out.emit(Ops.V128_CONST, (int) imm.v128Low, (int) (imm.v128Low >>> 32),
                    (int) imm.v128High, (int) (imm.v128High >>> 32));

            // ---- numeric: comparisons ----
            case I32_EQZ -> out.emit(Ops.I32_EQZ);
            case I32_EQ -> out.emit(Ops.I32_EQ);
            case I32_NE -> out.emit(Ops.I32_NE);
            case I32_LT_S -> out.emit(Ops.I32_LT_S);
            case I32_LT_U -> out.emit(Ops.I32_LT_U);
            case I32_GT_S -> out.emit(Ops.I32_GT_S);
            case I32_GT_U -> out.emit(Ops.I32_GT_U);
            case I32_LE_S -> out.emit(Ops.I32_LE_S);
            case I32_LE_U -> out.emit(Ops.I32_LE_U);
            case I32_GE_S -> out.emit(Ops.I32_GE_S);
            case I32_GE_U -> out.emit(Ops.I32_GE_U);
            case I64_EQZ -> out.emit(Ops.I64_EQZ);
            case I64_EQ -> out.emit(Ops.I64_EQ);
            case I64_NE -> out.emit(Ops.I64_NE);
            case I64_LT_S -> out.emit(Ops.I64_LT_S);
            case I64_LT_U -> out.emit(Ops.I64_LT_U);
            case I64_GT_S -> out.emit(Ops.I64_GT_S);
            case I64_GT_U -> out.emit(Ops.I64_GT_U);
            case I64_LE_S -> out.emit(Ops.I64_LE_S);
            case I64_LE_U -> out.emit(Ops.I64_LE_U);
            case I64_GE_S -> out.emit(Ops.I64_GE_S);
            case I64_GE_U -> out.emit(Ops.I64_GE_U);
            case F32_EQ -> out.emit(Ops.F32_EQ);
            case F32_NE -> out.emit(Ops.F32_NE);
            case F32_LT -> out.emit(Ops.F32_LT);
            case F32_GT -> out.emit(Ops.F32_GT);
            case F32_LE -> out.emit(Ops.F32_LE);
            case F32_GE -> out.emit(Ops.F32_GE);
            case F64_EQ -> out.emit(Ops.F64_EQ);
            case F64_NE -> out.emit(Ops.F64_NE);
            case F64_LT -> out.emit(Ops.F64_LT);
            case F64_GT -> out.emit(Ops.F64_GT);
            case F64_LE -> out.emit(Ops.F64_LE);
            case F64_GE -> out.emit(Ops.F64_GE);

            // ---- numeric: integer arithmetic ----
            case I32_CLZ -> out.emit(Ops.I32_CLZ);
            case I32_CTZ -> out.emit(Ops.I32_CTZ);
            case I32_POPCNT -> out.emit(Ops.I32_POPCNT);
            case I32_ADD -> out.emit(Ops.I32_ADD);
            case I32_SUB -> out.emit(Ops.I32_SUB);
            case I32_MUL -> out.emit(Ops.I32_MUL);
            case I32_DIV_S -> out.emit(Ops.I32_DIV_S);
            case I32_DIV_U -> out.emit(Ops.I32_DIV_U);
            case I32_REM_S -> out.emit(Ops.I32_REM_S);
            case I32_REM_U -> out.emit(Ops.I32_REM_U);
            case I32_AND -> out.emit(Ops.I32_AND);
            case I32_OR -> out.emit(Ops.I32_OR);
            case I32_XOR -> out.emit(Ops.I32_XOR);
            case I32_SHL -> out.emit(Ops.I32_SHL);
            case I32_SHR_S -> out.emit(Ops.I32_SHR_S);
            case I32_SHR_U -> out.emit(Ops.I32_SHR_U);
            case I32_ROTL -> out.emit(Ops.I32_ROTL);
            case I32_ROTR -> out.emit(Ops.I32_ROTR);
            case I64_CLZ -> out.emit(Ops.I64_CLZ);
            case I64_CTZ -> out.emit(Ops.I64_CTZ);
            case I64_POPCNT -> out.emit(Ops.I64_POPCNT);
            case I64_ADD -> out.emit(Ops.I64_ADD);
            case I64_SUB -> out.emit(Ops.I64_SUB);
            case I64_MUL -> out.emit(Ops.I64_MUL);
            case I64_DIV_S -> out.emit(Ops.I64_DIV_S);
            case I64_DIV_U -> out.emit(Ops.I64_DIV_U);
            case I64_REM_S -> out.emit(Ops.I64_REM_S);
            case I64_REM_U -> out.emit(Ops.I64_REM_U);
            case I64_AND -> out.emit(Ops.I64_AND);
            case I64_OR -> out.emit(Ops.I64_OR);
            case I64_XOR -> out.emit(Ops.I64_XOR);
            case I64_SHL -> out.emit(Ops.I64_SHL);
            case I64_SHR_S -> out.emit(Ops.I64_SHR_S);
            case I64_SHR_U -> out.emit(Ops.I64_SHR_U);
            case I64_ROTL -> out.emit(Ops.I64_ROTL);
            case I64_ROTR -> out.emit(Ops.I64_ROTR);

            // ---- numeric: float arithmetic ----
            case F32_ABS -> out.emit(Ops.F32_ABS);
            case F32_NEG -> out.emit(Ops.F32_NEG);
            case F32_CEIL -> out.emit(Ops.F32_CEIL);
            case F32_FLOOR -> out.emit(Ops.F32_FLOOR);
            case F32_TRUNC -> out.emit(Ops.F32_TRUNC);
            case F32_NEAREST -> out.emit(Ops.F32_NEAREST);
            case F32_SQRT -> out.emit(Ops.F32_SQRT);
            case F32_ADD -> out.emit(Ops.F32_ADD);
            case F32_SUB -> out.emit(Ops.F32_SUB);
            case F32_MUL -> out.emit(Ops.F32_MUL);
            case F32_DIV -> out.emit(Ops.F32_DIV);
            case F32_MIN -> out.emit(Ops.F32_MIN);
            case F32_MAX -> out.emit(Ops.F32_MAX);
            case F32_COPYSIGN -> out.emit(Ops.F32_COPYSIGN);
            case F64_ABS -> out.emit(Ops.F64_ABS);
            case F64_NEG -> out.emit(Ops.F64_NEG);
            case F64_CEIL -> out.emit(Ops.F64_CEIL);
            case F64_FLOOR -> out.emit(Ops.F64_FLOOR);
            case F64_TRUNC -> out.emit(Ops.F64_TRUNC);
            case F64_NEAREST -> out.emit(Ops.F64_NEAREST);
            case F64_SQRT -> out.emit(Ops.F64_SQRT);
            case F64_ADD -> out.emit(Ops.F64_ADD);
            case F64_SUB -> out.emit(Ops.F64_SUB);
            case F64_MUL -> out.emit(Ops.F64_MUL);
            case F64_DIV -> out.emit(Ops.F64_DIV);
            case F64_MIN -> out.emit(Ops.F64_MIN);
            case F64_MAX -> out.emit(Ops.F64_MAX);
            case F64_COPYSIGN -> out.emit(Ops.F64_COPYSIGN);

            // ---- numeric: conversions ----
            case I32_WRAP_I64 -> out.emit(Ops.I32_WRAP_I64);
            case I64_EXTEND_I32_S -> out.emit(Ops.I64_EXTEND_I32_S);
            case I64_EXTEND_I32_U -> out.emit(Ops.I64_EXTEND_I32_U);
            case I32_EXTEND8_S -> out.emit(Ops.I32_EXTEND8_S);
            case I32_EXTEND16_S -> out.emit(Ops.I32_EXTEND16_S);
            case I64_EXTEND8_S -> out.emit(Ops.I64_EXTEND8_S);
            case I64_EXTEND16_S -> out.emit(Ops.I64_EXTEND16_S);
            case I64_EXTEND32_S -> out.emit(Ops.I64_EXTEND32_S);
            // Raw slots hold float bits, so reinterpretations are free.
            case I32_REINTERPRET_F32, I64_REINTERPRET_F64, F32_REINTERPRET_I32, F64_REINTERPRET_I64 -> { }
            case I32_TRUNC_F32_S, I32_TRUNC_F32_U, I32_TRUNC_F64_S, I32_TRUNC_F64_U,
                 I64_TRUNC_F32_S, I64_TRUNC_F32_U, I64_TRUNC_F64_S, I64_TRUNC_F64_U,
                 F32_CONVERT_I32_S, F32_CONVERT_I32_U, F32_CONVERT_I64_S, F32_CONVERT_I64_U, F32_DEMOTE_F64,
                 F64_CONVERT_I32_S, F64_CONVERT_I32_U, F64_CONVERT_I64_S, F64_CONVERT_I64_U, F64_PROMOTE_F32,
                 I32_TRUNC_SAT_F32_S, I32_TRUNC_SAT_F32_U, I32_TRUNC_SAT_F64_S, I32_TRUNC_SAT_F64_U,
                 I64_TRUNC_SAT_F32_S, I64_TRUNC_SAT_F32_U, I64_TRUNC_SAT_F64_S, I64_TRUNC_SAT_F64_U ->
                    out.emit(Ops.CONVERT, op.ordinal());
            case I64_ADD128, I64_SUB128, I64_MUL_WIDE_S, I64_MUL_WIDE_U -> out.emit(Ops.WIDE, op.ordinal());

            // ---- references ----
            case REF_NULL -> out.emit(Ops.REF_NULL);
            case REF_IS_NULL -> out.emit(Ops.REF_IS_NULL);
            case REF_FUNC -> out.emit(Ops.REF_FUNC, imm.index);
            case REF_EQ -> out.emit(Ops.REF_EQ);
            case REF_AS_NON_NULL -> out.emit(Ops.REF_AS_NON_NULL);
            case REF_TEST, REF_TEST_NULL -> out.emit(Ops.REF_TEST,
                    constant(module.close(RefType.of(op == Opcode.REF_TEST_NULL, imm.heapType))));
            case REF_CAST, REF_CAST_NULL -> out.emit(Ops.REF_CAST,
                    constant(module.close(RefType.of(op == Opcode.REF_CAST_NULL, imm.heapType))));
            case REF_I31 -> out.emit(Ops.REF_I31);
            case I31_GET_S -> out.emit(Ops.I31_GET_S);
            case I31_GET_U -> out.emit(Ops.I31_GET_U);
            case ANY_CONVERT_EXTERN -> out.emit(Ops.ANY_CONVERT_EXTERN);
            case EXTERN_CONVERT_ANY -> out.emit(Ops.EXTERN_CONVERT_ANY);
            case REF_FREEZE -> out.emit(Ops.FROZEN, FrozenOps.FREEZE, constant(module.defType(imm.index)));

            // ---- aggregates ----
            case STRUCT_NEW -> out.emit(Ops.STRUCT_NEW, imm.index);
            case STRUCT_NEW_DEFAULT -> out.emit(Ops.STRUCT_NEW_DEFAULT, imm.index);
            case STRUCT_GET -> out.emit(Ops.STRUCT_GET, imm.index, imm.index2);
            case STRUCT_GET_S -> out.emit(Ops.STRUCT_GET_S, imm.index, imm.index2);
            case STRUCT_GET_U -> out.emit(Ops.STRUCT_GET_U, imm.index, imm.index2);
            case STRUCT_SET -> out.emit(Ops.STRUCT_SET, imm.index, imm.index2);
            case ARRAY_NEW -> out.emit(Ops.ARRAY_NEW, imm.index);
            case ARRAY_NEW_DEFAULT -> out.emit(Ops.ARRAY_NEW_DEFAULT, imm.index);
            case ARRAY_NEW_FIXED -> out.emit(Ops.ARRAY_NEW_FIXED, imm.index, imm.index2);
            case ARRAY_NEW_DATA -> out.emit(Ops.ARRAY_NEW_DATA, imm.index, imm.index2);
            case ARRAY_NEW_ELEM -> out.emit(Ops.ARRAY_NEW_ELEM, imm.index, imm.index2);
            case ARRAY_GET -> out.emit(Ops.ARRAY_GET, imm.index);
            case ARRAY_GET_S -> out.emit(Ops.ARRAY_GET_S, imm.index);
            case ARRAY_GET_U -> out.emit(Ops.ARRAY_GET_U, imm.index);
            case ARRAY_SET -> out.emit(Ops.ARRAY_SET, imm.index);
            case ARRAY_LEN -> out.emit(Ops.ARRAY_LEN);
            case ARRAY_FILL -> out.emit(Ops.ARRAY_FILL, imm.index);
            case ARRAY_COPY -> out.emit(Ops.ARRAY_COPY, imm.index, imm.index2);
            case ARRAY_INIT_DATA -> out.emit(Ops.ARRAY_INIT_DATA, imm.index, imm.index2);
            case ARRAY_INIT_ELEM -> out.emit(Ops.ARRAY_INIT_ELEM, imm.index, imm.index2);

            // ---- vectors and atomics: executed outside the main loop ----
            default -> {
                if (op.prefix() == Opcode.SIMD) {
                    simd(op, imm);
                } else if (op.prefix() == Opcode.ATOMIC) {
                    out.emit(Ops.ATOMIC, op.ordinal(), imm.memory, (int) imm.offset, (int) (imm.offset >>> 32));
                } else {
                    throw new IllegalStateException("no translation for " + op);
                }
            }
        }
    }

    /**
     * The frozen proposal's checks before an instruction: accesses through freezable types check that the
     * object is not frozen, accesses to a freezable global that some phase freezes check the global.
     */
    private void frozenChecks(Opcode op, Immediates imm, CodeState state) {
        if ((op == Opcode.GLOBAL_GET || op == Opcode.GLOBAL_SET) && module.phases().frozenAt(imm.index) >= 0) {
            out.emit(Ops.FROZEN, FrozenOps.LIVE_GLOBAL, imm.index);
            return;
        }
        for (int operand : Freezer.liveOperands(op, imm.index, imm.index2, module::defType)) {
            int depth = 0;
            for (int i = 0; i < operand; i++) {
                depth += state.operandType(i).slots();
            }
            out.emit(Ops.FROZEN, FrozenOps.LIVE_OBJECT, depth);
        }
    }

    /** In unreachable code only the block structure matters: nothing is emitted. */
    private void structureOnly(Opcode op, Immediates imm, CodeState state) {
        switch (op) {
            case BLOCK, LOOP, IF, TRY_TABLE -> {
                if (op == Opcode.LOOP) {
                    loops++;
                }
                ctls.add(new Ctl(op, true, out.pc()));
            }
            case TRY -> {
                Ctl c = new Ctl(op, true, out.pc());
                c.legacySlot = legacyDepth++;
                ctls.add(c);
            }
            case ELSE -> elseBranch(true);
            case CATCH, CATCH_ALL -> legacyCatch(op, imm, state, true);
            case DELEGATE -> delegate(imm, state);
            case END -> end(state);
            default -> { }
        }
    }

    // ---------------------------------------------------------------- legacy exception handling

    private void legacyTry(CodeState state) {
        Ctl c = new Ctl(Opcode.TRY, false, out.pc());
        c.depth = state.frameCount();
        c.legacySlot = legacyDepth++;
        legacySlots = Math.max(legacySlots, legacyDepth);
        ctls.add(c);
    }

    /** A catch clause: ends the do part (or the previous clause) and starts this clause's code. */
    private void legacyCatch(Opcode op, Immediates imm, CodeState state, boolean previousUnreachable) {
        Ctl c = ctls.getLast();
        if (c.dead) {
            return;
        }
        if (!previousUnreachable) {
            out.emit(Ops.JUMP, 0);
            c.addPatch(out.pc() - 1);
        }
        if (c.doEnd < 0) {
            c.doEnd = out.pc();
        }
        PendingHandler h = new PendingHandler(c.start, c.depth, op == Opcode.CATCH ? imm.index : Code.Handler.CATCH_ALL,
                false, localSlots + state.frame(0).heightSlots());
        h.end = c.doEnd;
        h.target = out.pc();
        h.legacySlot = c.legacySlot;
        c.ownHandlers.add(h);
    }

    /** {@code delegate l}: ends the try; exceptions of its do part go on as if thrown in frame {@code l}. */
    private void delegate(Immediates imm, CodeState state) {
        Ctl c = ctls.getLast();
        if (!c.dead) {
            // The try's frame is still frame 0 here, so label l is frame l + 1; its index counts from the body.
            PendingHandler h = new PendingHandler(c.start, c.depth, Code.Handler.CATCH_ALL, false, 0);
            h.end = out.pc();
            h.delegateTo = state.frameCount() - 2 - imm.index;
            c.ownHandlers.add(h);
        }
        end(state);
    }

    private void elseBranch(boolean thenUnreachable) {
        Ctl c = ctls.getLast();
        if (c.dead) {
            return;
        }
        if (!thenUnreachable) {
            out.emit(Ops.JUMP, 0);
            c.addPatch(out.pc() - 1);
        }
        out.patch(c.elsePatch, out.pc());
        c.elsePatch = -1;
    }

    private void end(CodeState state) {
        Ctl c = ctls.removeLast();
        if (c.kind == Opcode.TRY) {
            legacyDepth--;
        }
        if (c.dead) {
            return;
        }
        int endPc = out.pc();
        if (ctls.isEmpty() && (!state.unreachable() || c.patchCount > 0 || !c.handlerTargets.isEmpty())) {
            // The function body's end returns; branches to the body's label land on that return.
            out.emit(Ops.RETURN);
        }
        if (c.elsePatch >= 0) {
            out.patch(c.elsePatch, endPc);
        }
        for (int i = 0; i < c.patchCount; i++) {
            out.patch(c.patches[i], endPc);
        }
        for (PendingHandler h : c.handlerTargets) {
            h.target = endPc;
        }
        for (PendingHandler h : c.ownHandlers) {
            if (h.end < 0) {
                h.end = endPc;  // try_table: the whole block; legacy catches already end with the do part
            }
            handlers.add(h);
        }
    }

    private void tryTable(Immediates imm, CodeState state) {
        Ctl c = new Ctl(Opcode.TRY_TABLE, false, out.pc());
        c.depth = state.frameCount();
        // Catch labels are relative to the context outside the try_table: frame(l) before pushing it.
        for (Catch k : imm.catches) {
            CodeState.Frame f = state.frame(k.label());
            PendingHandler h = new PendingHandler(out.pc(), c.depth,
                    k.kind().hasTag() ? k.tag() : Code.Handler.CATCH_ALL, k.kind().pushesExnRef(),
                    localSlots + f.heightSlots());
            Ctl target = ctls.get(ctls.size() - 1 - k.label());
            if (target.kind == Opcode.LOOP) {
                h.target = target.start;
            } else {
                target.handlerTargets.add(h);
            }
            c.ownHandlers.add(h);
        }
        ctls.add(c);
    }

    /**
     * Emits a branch to label {@code depth} with the branch op {@code brOp} (BR, BR_IF, BR_ON_NULL, ...):
     * {@code brOp target height keep}: the kept slots are the top ones once the branch's own operand (a
     * condition, or a reference tested and dropped) has been popped.
     */
    private void branch(int brOp, int depth, CodeState state) {
        chargeLoop(depth);
        CodeState.Frame f = state.frame(depth);
        int keep = f.labelSlots();
        int dst = localSlots + f.heightSlots();
        out.emit(brOp, 0, dst, keep);
        target(depth, out.pc() - 3);
    }

    /** With metered fuel, a branch back to a loop pays for the loop body's instructions. */
    private void chargeLoop(int depth) {
        int cost = metered ? loopCost(depth) : 0;
        if (cost > 0) {
            out.emit(Ops.FUEL, cost);
        }
    }

    /** Instructions of the loop at label {@code depth} up to here, or 0 when the label is not a loop. */
    private int loopCost(int depth) {
        Ctl c = ctls.get(ctls.size() - 1 - depth);
        return c.kind == Opcode.LOOP ? Math.max(1, instrCount - c.startCount) : 0;
    }

    /** Records that the int at {@code at} must hold label {@code depth}'s target pc. */
    private void target(int depth, int at) {
        Ctl c = ctls.get(ctls.size() - 1 - depth);
        if (c.kind == Opcode.LOOP) {
            out.patch(at, c.start);
        } else {
            c.addPatch(at);
        }
    }

    private void brTable(Immediates imm, CodeState state) {
        int n = imm.labels.length;
        if (metered) {
            int cost = 0;
            for (int i = 0; i <= n; i++) {
                cost = Math.max(cost, loopCost(i < n ? imm.labels[i] : imm.index));
            }
            if (cost > 0) {
                out.emit(Ops.FUEL, cost);
            }
        }
        out.emit(Ops.BR_TABLE, n);
        for (int i = 0; i <= n; i++) {
            int depth = i < n ? imm.labels[i] : imm.index;
            CodeState.Frame f = state.frame(depth);
            out.emit(0, localSlots + f.heightSlots(), f.labelSlots());
            target(depth, out.pc() - 3);
        }
    }

    private void local(int index, int num, int ref, int v128) {
        out.emit(localIsRef[index] ? ref : localIsV128[index] ? v128 : num, localSlot[index]);
    }

    private void global(int index, int num, int ref, int v128) {
        ValType t = syntax.globalTypes().get(index).valType();
        out.emit(t.isRef() ? ref : t == VecType.V128 ? v128 : num, index);
    }

    private void memory(Opcode op, Immediates imm, int fastOp) {
        boolean fast = imm.memory == 0
                && syntax.memoryTypes().get(0).addrType() == AddrType.I32
                && imm.offset >= 0 && imm.offset <= Integer.MAX_VALUE;
        if (fast) {
            out.emit(fastOp, (int) imm.offset);
        } else {
            out.emit(Ops.MEM_GENERIC, op.ordinal(), imm.memory, (int) imm.offset, (int) (imm.offset >>> 32));
        }
    }

    private void simd(Opcode op, Immediates imm) {
        int a = 0;
        int b = 0;
        int c = 0;
        int d = 0;
        switch (op.imm()) {
            case V128, SHUFFLE -> {
                a = (int) imm.v128Low;
                b = (int) (imm.v128Low >>> 32);
                c = (int) imm.v128High;
                d = (int) (imm.v128High >>> 32);
            }
            case LANE -> a = imm.lane;
            case MEMARG -> {
                a = imm.memory;
                b = (int) imm.offset;
                c = (int) (imm.offset >>> 32);
            }
            case MEMARG_LANE -> {
                a = imm.memory;
                b = (int) imm.offset;
                c = (int) (imm.offset >>> 32);
                d = imm.lane;
            }
            default -> { }
        }
        out.emit(Ops.SIMD, op.ordinal(), a, b, c, d);
    }
}
