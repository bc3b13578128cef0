package dev.wasm4j.exec.interp;

import dev.wasm4j.TrapException;
import dev.wasm4j.UncaughtException;
import dev.wasm4j.Value;
import dev.wasm4j.WasmException;
import dev.wasm4j.exec.ExceptionObject;
import dev.wasm4j.exec.FunctionInstance;
import dev.wasm4j.exec.GlobalInstance;
import dev.wasm4j.exec.HostFunctionInstance;
import dev.wasm4j.exec.Interrupts;
import dev.wasm4j.exec.ModuleInstance;
import dev.wasm4j.exec.TableInstance;
import dev.wasm4j.exec.ValueSlots;
import dev.wasm4j.exec.WasmFunction;
import dev.wasm4j.exec.gc.I31Ref;
import dev.wasm4j.exec.gc.RefTest;
import dev.wasm4j.exec.numeric.I32Ops;
import dev.wasm4j.exec.numeric.I64Ops;
import dev.wasm4j.memory.LinearMemory;
import dev.wasm4j.model.DefType;
import dev.wasm4j.model.FuncType;
import dev.wasm4j.model.RefType;
import dev.wasm4j.model.ValType;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs translated {@link Code} (spec 4.4 "Instructions"). Wasm calls do not recurse on the Java stack: the
 * loop keeps callers in the {@link ExecContext}'s frame stack, so deep recursion traps with
 * {@code call stack exhausted} instead of overflowing, tail calls replace the frame, and an exception unwinds
 * frames until a {@code try_table} handler matches. Frequent ops are executed inline in {@link #execute};
 * the rest go to {@link SlowOps}, {@link GcOps} and {@link VectorOps}, which keeps this method small enough
 * for the JIT.
 */
public final class Interpreter {
    private static final long MASK32 = 0xFFFF_FFFFL;

    private Interpreter() {
    }

    /** Calls {@code f} from the host: arguments in, results out, on this thread's stacks. */
    public static Value[] invoke(WasmFunction f, Value[] args) {
        FuncType type = f.funcType();
        if (args.length != type.params().size()) {
            throw new IllegalArgumentException("function " + f.debugName() + " expects " + type.params().size()
                    + " arguments, got " + args.length);
        }
        ExecContext ctx = ExecContext.current();
        Code code = f.code();
        int base = ctx.sp;
        int depth = ctx.depth;
        ctx.ensureSlots(base + Math.max(code.maxSlots, code.resultSlots) + 1);
        try {
            int at = base;
            for (int i = 0; i < args.length; i++) {
                at = ValueSlots.write(ctx.stack, ctx.refs, at, type.params().get(i), args[i]);
            }
            execute(ctx, code, base);
            Value[] results = new Value[type.results().size()];
            at = base;
            for (int i = 0; i < results.length; i++) {
                ValType t = type.results().get(i);
                results[i] = ValueSlots.read(ctx.stack, ctx.refs, at, t);
                at += t.slots();
            }
            return results;
        } finally {
            ctx.sp = base;
            ctx.depth = depth;
        }
    }

    /** Thrown inside the loop to unwind to a handler; never escapes it. */
    static final class Throw extends RuntimeException {
        final transient ExceptionObject exception;

        Throw(ExceptionObject exception) {
            super(null, null, false, false);
            this.exception = exception;
        }
    }

    /**
     * Runs {@code entry} with its frame at {@code entryFp} (arguments already there) until it returns; the
     * results are then at {@code entryFp}.
     */
    static void execute(ExecContext ctx, Code entry, int entryFp) {
        final int entryDepth = ctx.depth;
        Code code = entry;
        int[] ins = code.ins;
        int pc = 0;
        int fp = entryFp;
        long[] s = ctx.stack;
        Object[] r = ctx.refs;
        ModuleInstance inst = code.function.instance();
        LinearMemory mem = inst.memories.length > 0 ? inst.memories[0] : null;
        zeroLocals(s, r, fp + code.paramSlots, fp + code.localSlots);
        int sp = fp + code.localSlots;
        while (true) {
            try {
                for (;;) {
                    int op = ins[pc++];
                    switch (op) {
                        // ---------------------------------------------------------------- control
                        case Ops.UNREACHABLE -> throw new TrapException("unreachable");
                        case Ops.NOP -> { }
                        case Ops.FUEL -> inst.fuel.consume(ins[pc++]);
                        case Ops.INTERRUPT -> {
                            if (inst.interrupt != 0 || Thread.currentThread().isInterrupted()) {
                                Interrupts.poll(inst);
                            }
                        }
                        case Ops.JUMP -> pc = ins[pc];
                        case Ops.LOOP_HEAD -> {
                            int loop = ins[pc++];
                            if (--code.loopCounters[loop] < 0) {
                                dev.wasm4j.exec.CompiledCode rest = LoopEntry.find(code, loop);
                                if (rest != null) {
                                    // The call continues compiled; then return its results as RETURN does.
                                    ctx.sp = sp;
                                    LoopEntry.enter(ctx, rest, code.function, fp, code.resultSlots);
                                    s = ctx.stack;
                                    r = ctx.refs;
                                    sp = fp + code.resultSlots;
                                    pc = code.returnPc;
                                }
                            }
                        }
                        case Ops.BR -> {
                            sp = move(s, r, sp, fp + ins[pc + 1], ins[pc + 2]);
                            pc = ins[pc];
                        }
                        case Ops.BR_IF -> {
                            if ((int) s[--sp] != 0) {
                                sp = move(s, r, sp, fp + ins[pc + 1], ins[pc + 2]);
                                pc = ins[pc];
                            } else {
                                pc += 3;
                            }
                        }
                        case Ops.BR_UNLESS -> pc = (int) s[--sp] == 0 ? ins[pc] : pc + 1;
                        case Ops.BR_TABLE -> {
                            int n = ins[pc];
                            int i = (int) s[--sp];
                            int at = pc + 1 + 3 * (Integer.compareUnsigned(i, n) < 0 ? i : n);
                            sp = move(s, r, sp, fp + ins[at + 1], ins[at + 2]);
                            pc = ins[at];
                        }
                        case Ops.BR_ON_NULL -> {
                            if (r[sp - 1] == null) {
                                sp = move(s, r, sp - 1, fp + ins[pc + 1], ins[pc + 2]);
                                pc = ins[pc];
                            } else {
                                pc += 3;
                            }
                        }
                        case Ops.BR_ON_NON_NULL -> {
                            if (r[sp - 1] != null) {
                                sp = move(s, r, sp, fp + ins[pc + 1], ins[pc + 2]);
                                pc = ins[pc];
                            } else {
                                sp--;
                                pc += 3;
                            }
                        }
                        case Ops.BR_ON_CAST, Ops.BR_ON_CAST_FAIL -> {
                            boolean matches = RefTest.matches(r[sp - 1], (RefType) code.constants[ins[pc + 3]]);
                            if (matches == (op == Ops.BR_ON_CAST)) {
                                sp = move(s, r, sp, fp + ins[pc + 1], ins[pc + 2]);
                                pc = ins[pc];
                            } else {
                                pc += 4;
                            }
                        }
                        case Ops.RETURN -> {
                            int n = code.resultSlots;
                            sp = move(s, r, sp, fp, n);
                            if (ctx.depth == entryDepth) {
                                return;
                            }
                            int d = --ctx.depth;
                            code = ctx.frameCode[d];
                            pc = ctx.framePc[d];
                            fp = ctx.frameFp[d];
                            ins = code.ins;
                            inst = code.function.instance();
                            mem = inst.memories.length > 0 ? inst.memories[0] : null;
                        }
                        case Ops.CALL, Ops.CALL_INDIRECT, Ops.CALL_REF,
                             Ops.RETURN_CALL, Ops.RETURN_CALL_INDIRECT, Ops.RETURN_CALL_REF -> {
                            FunctionInstance callee;
                            if (op == Ops.CALL || op == Ops.RETURN_CALL) {
                                callee = inst.functions[ins[pc]];
                                pc += 1;
                            } else if (op == Ops.CALL_REF || op == Ops.RETURN_CALL_REF) {
                                Object f = r[--sp];
                                if (f == null) {
                                    throw new TrapException("null function reference");
                                }
                                callee = (FunctionInstance) f;
                                pc += 1;
                            } else {
                                callee = indirect(inst, ins[pc], ins[pc + 1], s[--sp]);
                                pc += 2;
                            }
                            boolean tail = op >= Ops.RETURN_CALL;
                            if (callee instanceof WasmFunction cf && cf.compiled() != null) {
                                // A tail call leaves this function's handlers: what the callee throws is
                                // looked up from the final return, outside every try.
                                if (tail) {
                                    pc = code.returnPc;
                                }
                                ctx.sp = sp;
                                sp = callCompiled(ctx, cf, sp);
                                s = ctx.stack;
                                r = ctx.refs;
                            } else if (callee instanceof WasmFunction wf) {
                                Code next = wf.code();
                                int newFp = sp - next.paramSlots;
                                if (tail) {
                                    move(s, r, sp, fp, next.paramSlots);
                                    newFp = fp;
                                } else {
                                    ctx.pushFrame(code, pc, fp);
                                }
                                if (newFp + next.maxSlots > s.length) {
                                    ctx.ensureSlots(newFp + next.maxSlots);
                                    s = ctx.stack;
                                    r = ctx.refs;
                                }
                                zeroLocals(s, r, newFp + next.paramSlots, newFp + next.localSlots);
                                fp = newFp;
                                sp = newFp + next.localSlots;
                                code = next;
                                ins = next.ins;
                                pc = 0;
                                if (wf.instance() != inst) {
                                    inst = wf.instance();
                                    mem = inst.memories.length > 0 ? inst.memories[0] : null;
                                }
                            } else {
                                if (tail) {
                                    pc = code.returnPc;
                                }
                                ctx.sp = sp;
                                sp = callHost(ctx, (HostFunctionInstance) callee, inst, sp);
                                s = ctx.stack;
                                r = ctx.refs;
                            }
                        }
                        case Ops.THROW -> {
                            ctx.sp = sp;
                            throw new Throw(GcOps.newException(inst.tags[ins[pc]], s, r, sp));
                        }
                        case Ops.RETHROW -> throw new Throw((ExceptionObject) r[fp + ins[pc]]);
                        case Ops.THROW_REF -> {
                            Object e = r[--sp];
                            if (e == null) {
                                throw new TrapException("null exception reference");
                            }
                            throw new Throw((ExceptionObject) e);
                        }

                        // ---------------------------------------------------------------- parametric
                        case Ops.DROP -> sp -= ins[pc++];
                        case Ops.SELECT -> {
                            sp -= 2;
                            if ((int) s[sp + 1] == 0) {
                                s[sp - 1] = s[sp];
                            }
                        }
                        case Ops.SELECT_REF -> {
                            sp -= 2;
                            if ((int) s[sp + 1] == 0) {
                                r[sp - 1] = r[sp];
                            }
                        }
                        case Ops.SELECT_V128 -> {
                            sp -= 3;
                            if ((int) s[sp + 2] == 0) {
                                s[sp - 2] = s[sp];
                                s[sp - 1] = s[sp + 1];
                            }
                        }

                        // ---------------------------------------------------------------- variables
                        case Ops.LOCAL_GET -> s[sp++] = s[fp + ins[pc++]];
                        case Ops.LOCAL_SET -> s[fp + ins[pc++]] = s[--sp];
                        case Ops.LOCAL_TEE -> s[fp + ins[pc++]] = s[sp - 1];
                        case Ops.LOCAL_GET_REF -> r[sp++] = r[fp + ins[pc++]];
                        case Ops.LOCAL_SET_REF -> r[fp + ins[pc++]] = r[--sp];
                        case Ops.LOCAL_TEE_REF -> r[fp + ins[pc++]] = r[sp - 1];
                        case Ops.LOCAL_GET_V128 -> {
                            int at = fp + ins[pc++];
                            s[sp] = s[at];
                            s[sp + 1] = s[at + 1];
                            sp += 2;
                        }
                        case Ops.LOCAL_SET_V128 -> {
                            int at = fp + ins[pc++];
                            sp -= 2;
                            s[at] = s[sp];
                            s[at + 1] = s[sp + 1];
                        }
                        case Ops.LOCAL_TEE_V128 -> {
                            int at = fp + ins[pc++];
                            s[at] = s[sp - 2];
                            s[at + 1] = s[sp - 1];
                        }
                        case Ops.GLOBAL_GET -> s[sp++] = inst.globals[ins[pc++]].value;
                        case Ops.GLOBAL_SET -> inst.globals[ins[pc++]].value = s[--sp];
                        case Ops.GLOBAL_GET_REF -> r[sp++] = inst.globals[ins[pc++]].ref;
                        case Ops.GLOBAL_SET_REF -> inst.globals[ins[pc++]].ref = r[--sp];
                        case Ops.GLOBAL_GET_V128 -> {
                            GlobalInstance g = inst.globals[ins[pc++]];
                            s[sp] = g.value;
                            s[sp + 1] = g.high;
                            sp += 2;
                        }
                        case Ops.GLOBAL_SET_V128 -> {
                            GlobalInstance g = inst.globals[ins[pc++]];
                            sp -= 2;
                            g.value = s[sp];
                            g.high = s[sp + 1];
                        }

                        // ---------------------------------------------------------------- constants
                        case Ops.I32_CONST -> s[sp++] = ins[pc++];
                        case Ops.I64_CONST -> {
                            s[sp++] = (ins[pc] & MASK32) | (long) ins[pc + 1] << 32;
                            pc += 2;
                        }
                        case Ops.V128_CONST -> {
                            s[sp] = (ins[pc] & MASK32) | (long) ins[pc + 1] << 32;
                            s[sp + 1] = (ins[pc + 2] & MASK32) | (long) ins[pc + 3] << 32;
                            sp += 2;
                            pc += 4;
                        }
                        case Ops.REF_NULL -> r[sp++] = null;
                        case Ops.REF_FUNC -> r[sp++] = inst.functions[ins[pc++]];

                        // ---------------------------------------------------------------- memory 0, i32 addresses
                        case Ops.LOAD8_S -> s[sp - 1] = mem.loadI8((s[sp - 1] & MASK32) + ins[pc++]);
                        case Ops.LOAD8_U -> s[sp - 1] = mem.loadI8((s[sp - 1] & MASK32) + ins[pc++]) & 0xFF;
                        case Ops.LOAD16_S -> s[sp - 1] = mem.loadI16((s[sp - 1] & MASK32) + ins[pc++]);
                        case Ops.LOAD16_U -> s[sp - 1] = mem.loadI16((s[sp - 1] & MASK32) + ins[pc++]) & 0xFFFF;
                        case Ops.LOAD32_S -> s[sp - 1] = mem.loadI32((s[sp - 1] & MASK32) + ins[pc++]);
                        case Ops.LOAD32_U -> s[sp - 1] = mem.loadI32((s[sp - 1] & MASK32) + ins[pc++]) & MASK32;
                        case Ops.LOAD64 -> s[sp - 1] = mem.loadI64((s[sp - 1] & MASK32) + ins[pc++]);
                        case Ops.STORE8 -> {
                            sp -= 2;
                            mem.storeI8((s[sp] & MASK32) + ins[pc++], (byte) s[sp + 1]);
                        }
                        case Ops.STORE16 -> {
                            sp -= 2;
                            mem.storeI16((s[sp] & MASK32) + ins[pc++], (short) s[sp + 1]);
                        }
                        case Ops.STORE32 -> {
                            sp -= 2;
                            mem.storeI32((s[sp] & MASK32) + ins[pc++], (int) s[sp + 1]);
                        }
                        case Ops.STORE64 -> {
                            sp -= 2;
                            mem.storeI64((s[sp] & MASK32) + ins[pc++], s[sp + 1]);
                        }

                        // ---------------------------------------------------------------- i32
                        case Ops.I32_EQZ -> s[sp - 1] = (int) s[sp - 1] == 0 ? 1 : 0;
                        case Ops.I32_EQ -> s[--sp - 1] = (int) s[sp - 1] == (int) s[sp] ? 1 : 0;
                        case Ops.I32_NE -> s[--sp - 1] = (int) s[sp - 1] != (int) s[sp] ? 1 : 0;
                        case Ops.I32_LT_S -> s[--sp - 1] = (int) s[sp - 1] < (int) s[sp] ? 1 : 0;
                        case Ops.I32_LT_U -> s[--sp - 1] = Integer.compareUnsigned((int) s[sp - 1], (int) s[sp]) < 0 ? 1 : 0;
                        case Ops.I32_GT_S -> s[--sp - 1] = (int) s[sp - 1] > (int) s[sp] ? 1 : 0;
                        case Ops.I32_GT_U -> s[--sp - 1] = Integer.compareUnsigned((int) s[sp - 1], (int) s[sp]) > 0 ? 1 : 0;
                        case Ops.I32_LE_S -> s[--sp - 1] = (int) s[sp - 1] <= (int) s[sp] ? 1 : 0;
                        case Ops.I32_LE_U -> s[--sp - 1] = Integer.compareUnsigned((int) s[sp - 1], (int) s[sp]) <= 0 ? 1 : 0;
                        case Ops.I32_GE_S -> s[--sp - 1] = (int) s[sp - 1] >= (int) s[sp] ? 1 : 0;
                        case Ops.I32_GE_U -> s[--sp - 1] = Integer.compareUnsigned((int) s[sp - 1], (int) s[sp]) >= 0 ? 1 : 0;
                        case Ops.I32_CLZ -> s[sp - 1] = Integer.numberOfLeadingZeros((int) s[sp - 1]);
                        case Ops.I32_CTZ -> s[sp - 1] = Integer.numberOfTrailingZeros((int) s[sp - 1]);
                        case Ops.I32_POPCNT -> s[sp - 1] = Integer.bitCount((int) s[sp - 1]);
                        case Ops.I32_ADD -> s[--sp - 1] = (int) s[sp - 1] + (int) s[sp];
                        case Ops.I32_SUB -> s[--sp - 1] = (int) s[sp - 1] - (int) s[sp];
                        case Ops.I32_MUL -> s[--sp - 1] = (int) s[sp - 1] * (int) s[sp];
                        case Ops.I32_DIV_S -> s[--sp - 1] = I32Ops.divS((int) s[sp - 1], (int) s[sp]);
                        case Ops.I32_DIV_U -> s[--sp - 1] = I32Ops.divU((int) s[sp - 1], (int) s[sp]);
                        case Ops.I32_REM_S -> s[--sp - 1] = I32Ops.remS((int) s[sp - 1], (int) s[sp]);
                        case Ops.I32_REM_U -> s[--sp - 1] = I32Ops.remU((int) s[sp - 1], (int) s[sp]);
                        case Ops.I32_AND -> s[--sp - 1] = (int) s[sp - 1] & (int) s[sp];
                        case Ops.I32_OR -> s[--sp - 1] = (int) s[sp - 1] | (int) s[sp];
                        case Ops.I32_XOR -> s[--sp - 1] = (int) s[sp - 1] ^ (int) s[sp];
                        case Ops.I32_SHL -> s[--sp - 1] = (int) s[sp - 1] << (int) s[sp];
                        case Ops.I32_SHR_S -> s[--sp - 1] = (int) s[sp - 1] >> (int) s[sp];
                        case Ops.I32_SHR_U -> s[--sp - 1] = (int) s[sp - 1] >>> (int) s[sp];
                        case Ops.I32_ROTL -> s[--sp - 1] = Integer.rotateLeft((int) s[sp - 1], (int) s[sp]);
                        case Ops.I32_ROTR -> s[--sp - 1] = Integer.rotateRight((int) s[sp - 1], (int) s[sp]);

                        // ---------------------------------------------------------------- i64
                        case Ops.I64_EQZ -> s[sp - 1] = s[sp - 1] == 0 ? 1 : 0;
                        case Ops.I64_EQ -> s[--sp - 1] = s[sp - 1] == s[sp] ? 1 : 0;
                        case Ops.I64_NE -> s[--sp - 1] = s[sp - 1] != s[sp] ? 1 : 0;
                        case Ops.I64_LT_S -> s[--sp - 1] = s[sp - 1] < s[sp] ? 1 : 0;
                        case Ops.I64_LT_U -> s[--sp - 1] = Long.compareUnsigned(s[sp - 1], s[sp]) < 0 ? 1 : 0;
                        case Ops.I64_GT_S -> s[--sp - 1] = s[sp - 1] > s[sp] ? 1 : 0;
                        case Ops.I64_GT_U -> s[--sp - 1] = Long.compareUnsigned(s[sp - 1], s[sp]) > 0 ? 1 : 0;
                        case Ops.I64_LE_S -> s[--sp - 1] = s[sp - 1] <= s[sp] ? 1 : 0;
                        case Ops.I64_LE_U -> s[--sp - 1] = Long.compareUnsigned(s[sp - 1], s[sp]) <= 0 ? 1 : 0;
                        case Ops.I64_GE_S -> s[--sp - 1] = s[sp - 1] >= s[sp] ? 1 : 0;
                        case Ops.I64_GE_U -> s[--sp - 1] = Long.compareUnsigned(s[sp - 1], s[sp]) >= 0 ? 1 : 0;
                        case Ops.I64_CLZ -> s[sp - 1] = Long.numberOfLeadingZeros(s[sp - 1]);
                        case Ops.I64_CTZ -> s[sp - 1] = Long.numberOfTrailingZeros(s[sp - 1]);
                        case Ops.I64_POPCNT -> s[sp - 1] = Long.bitCount(s[sp - 1]);
                        case Ops.I64_ADD -> s[--sp - 1] = s[sp - 1] + s[sp];
                        case Ops.I64_SUB -> s[--sp - 1] = s[sp - 1] - s[sp];
                        case Ops.I64_MUL -> s[--sp - 1] = s[sp - 1] * s[sp];
                        case Ops.I64_DIV_S -> s[--sp - 1] = I64Ops.divS(s[sp - 1], s[sp]);
                        case Ops.I64_DIV_U -> s[--sp - 1] = I64Ops.divU(s[sp - 1], s[sp]);
                        case Ops.I64_REM_S -> s[--sp - 1] = I64Ops.remS(s[sp - 1], s[sp]);
                        case Ops.I64_REM_U -> s[--sp - 1] = I64Ops.remU(s[sp - 1], s[sp]);
                        case Ops.I64_AND -> s[--sp - 1] = s[sp - 1] & s[sp];
                        case Ops.I64_OR -> s[--sp - 1] = s[sp - 1] | s[sp];
                        case Ops.I64_XOR -> s[--sp - 1] = s[sp - 1] ^ s[sp];
                        case Ops.I64_SHL -> s[--sp - 1] = s[sp - 1] << s[sp];
                        case Ops.I64_SHR_S -> s[--sp - 1] = s[sp - 1] >> s[sp];
                        case Ops.I64_SHR_U -> s[--sp - 1] = s[sp - 1] >>> s[sp];
                        case Ops.I64_ROTL -> s[--sp - 1] = Long.rotateLeft(s[sp - 1], (int) s[sp]);
                        case Ops.I64_ROTR -> s[--sp - 1] = Long.rotateRight(s[sp - 1], (int) s[sp]);

                        // ---------------------------------------------------------------- conversions in place
                        case Ops.I32_WRAP_I64 -> s[sp - 1] = (int) s[sp - 1];
                        case Ops.I64_EXTEND_I32_S -> s[sp - 1] = (int) s[sp - 1];
                        case Ops.I64_EXTEND_I32_U -> s[sp - 1] = s[sp - 1] & MASK32;
                        case Ops.I32_EXTEND8_S -> s[sp - 1] = (byte) s[sp - 1];
                        case Ops.I32_EXTEND16_S -> s[sp - 1] = (short) s[sp - 1];
                        case Ops.I64_EXTEND8_S -> s[sp - 1] = (byte) s[sp - 1];
                        case Ops.I64_EXTEND16_S -> s[sp - 1] = (short) s[sp - 1];
                        case Ops.I64_EXTEND32_S -> s[sp - 1] = (int) s[sp - 1];

                        // ---------------------------------------------------------------- floats
                        case Ops.F32_EQ -> s[--sp - 1] = f32(s[sp - 1]) == f32(s[sp]) ? 1 : 0;
                        case Ops.F32_NE -> s[--sp - 1] = f32(s[sp - 1]) != f32(s[sp]) ? 1 : 0;
                        case Ops.F32_LT -> s[--sp - 1] = f32(s[sp - 1]) < f32(s[sp]) ? 1 : 0;
                        case Ops.F32_GT -> s[--sp - 1] = f32(s[sp - 1]) > f32(s[sp]) ? 1 : 0;
                        case Ops.F32_LE -> s[--sp - 1] = f32(s[sp - 1]) <= f32(s[sp]) ? 1 : 0;
                        case Ops.F32_GE -> s[--sp - 1] = f32(s[sp - 1]) >= f32(s[sp]) ? 1 : 0;
                        case Ops.F64_EQ -> s[--sp - 1] = f64(s[sp - 1]) == f64(s[sp]) ? 1 : 0;
                        case Ops.F64_NE -> s[--sp - 1] = f64(s[sp - 1]) != f64(s[sp]) ? 1 : 0;
                        case Ops.F64_LT -> s[--sp - 1] = f64(s[sp - 1]) < f64(s[sp]) ? 1 : 0;
                        case Ops.F64_GT -> s[--sp - 1] = f64(s[sp - 1]) > f64(s[sp]) ? 1 : 0;
                        case Ops.F64_LE -> s[--sp - 1] = f64(s[sp - 1]) <= f64(s[sp]) ? 1 : 0;
                        case Ops.F64_GE -> s[--sp - 1] = f64(s[sp - 1]) >= f64(s[sp]) ? 1 : 0;
                        case Ops.F32_ADD -> s[--sp - 1] = bits(f32(s[sp - 1]) + f32(s[sp]));
                        case Ops.F32_SUB -> s[--sp - 1] = bits(f32(s[sp - 1]) - f32(s[sp]));
                        case Ops.F32_MUL -> s[--sp - 1] = bits(f32(s[sp - 1]) * f32(s[sp]));
                        case Ops.F32_DIV -> s[--sp - 1] = bits(f32(s[sp - 1]) / f32(s[sp]));
                        case Ops.F64_ADD -> s[--sp - 1] = bits(f64(s[sp - 1]) + f64(s[sp]));
                        case Ops.F64_SUB -> s[--sp - 1] = bits(f64(s[sp - 1]) - f64(s[sp]));
                        case Ops.F64_MUL -> s[--sp - 1] = bits(f64(s[sp - 1]) * f64(s[sp]));
                        case Ops.F64_DIV -> s[--sp - 1] = bits(f64(s[sp - 1]) / f64(s[sp]));
                        case Ops.F32_ABS -> s[sp - 1] = (int) s[sp - 1] & 0x7FFF_FFFF;
                        case Ops.F32_NEG -> s[sp - 1] = (int) s[sp - 1] ^ 0x8000_0000;
                        case Ops.F64_ABS -> s[sp - 1] = s[sp - 1] & Long.MAX_VALUE;
                        case Ops.F64_NEG -> s[sp - 1] = s[sp - 1] ^ Long.MIN_VALUE;

                        // ---------------------------------------------------------------- references
                        case Ops.REF_IS_NULL -> {
                            s[sp - 1] = r[sp - 1] == null ? 1 : 0;
                            r[sp - 1] = null;
                        }
                        case Ops.REF_AS_NON_NULL -> {
                            if (r[sp - 1] == null) {
                                throw new TrapException("null reference");
                            }
                        }
                        case Ops.REF_EQ -> {
                            sp--;
                            Object a = r[sp - 1];
                            Object b = r[sp];
                            s[sp - 1] = a == b || a instanceof I31Ref && a.equals(b) ? 1 : 0;
                            r[sp - 1] = null;
                        }

                        // ---------------------------------------------------------------- everything else
                        default -> {
                            ctx.sp = sp;
                            sp = SlowOps.execute(op, ctx, inst, code, ins, pc, sp);
                            s = ctx.stack;
                            r = ctx.refs;
                            pc += Ops.immediates(op);
                        }
                    }
                }
            } catch (Throw | UncaughtException t) {
                // Unwind to the innermost handler that catches the exception, in this call's frames. An
                // UncaughtException comes from a host function whose callee threw: it continues here.
                ExceptionObject exn = t instanceof Throw w ? w.exception
                        : (ExceptionObject) ((UncaughtException) t).exception();
                int at = pc - 1;
                while (true) {
                    Code.Handler h = handler(code, inst, at, exn);
                    if (h != null) {
                        if (h.exnSlot() >= 0) {
                            r[fp + h.exnSlot()] = exn;
                        }
                        sp = GcOps.pushPayload(s, r, fp + h.height(), exn, h.tag() != Code.Handler.CATCH_ALL, h.pushRef());
                        pc = h.target();
                        break;
                    }
                    if (ctx.depth == entryDepth) {
                        throw new UncaughtException(exn);
                    }
                    int d = --ctx.depth;
                    code = ctx.frameCode[d];
                    at = ctx.framePc[d] - 1;
                    fp = ctx.frameFp[d];
                    ins = code.ins;
                    inst = code.function.instance();
                    mem = inst.memories.length > 0 ? inst.memories[0] : null;
                }
            } catch (WasmException e) {
                throw withBacktrace(e, ctx, entryDepth, code);
            } catch (StackOverflowError e) {
                throw withBacktrace(new TrapException(ExecContext.EXHAUSTED), ctx, entryDepth, code);
            } catch (OutOfMemoryError e) {
                throw withBacktrace(new TrapException("out of memory: " + e.getMessage()), ctx, entryDepth, code);
            } catch (ClassCastException | ArrayIndexOutOfBoundsException | NullPointerException e) {
                throw withBacktrace(new TrapException("internal error: " + e), ctx, entryDepth, code);
            }
        }
    }

    static float f32(long slot) {
        return Float.intBitsToFloat((int) slot);
    }

    static double f64(long slot) {
        return Double.longBitsToDouble(slot);
    }

    static long bits(float f) {
        return Float.floatToRawIntBits(f);
    }

    static long bits(double d) {
        return Double.doubleToRawLongBits(d);
    }

    /** Moves the top {@code keep} slots down to {@code dst}; returns the new stack pointer. */
    static int move(long[] s, Object[] r, int sp, int dst, int keep) {
        int from = sp - keep;
        if (from != dst) {
            for (int i = 0; i < keep; i++) {
                s[dst + i] = s[from + i];
                r[dst + i] = r[from + i];
            }
        }
        return dst + keep;
    }

    private static void zeroLocals(long[] s, Object[] r, int from, int to) {
        for (int i = from; i < to; i++) {
            s[i] = 0;
            r[i] = null;
        }
    }

    /** {@code call_indirect}: the table entry, checked for null and type. */
    private static FunctionInstance indirect(ModuleInstance inst, int typeIndex, int tableIndex, long index) {
        TableInstance table = inst.tables[tableIndex];
        boolean is64 = table.type().addrType() == dev.wasm4j.model.AddrType.I64;
        return table.callTarget(is64 ? index : index & MASK32, inst.types[typeIndex]);
    }

    /**
     * Calls {@code f}'s compiled body with the arguments on top of the stack; returns the new stack pointer.
     * The compiled code may re-enter the interpreter above {@code ctx.sp}, which may grow the stacks.
     */
    private static int callCompiled(ExecContext ctx, WasmFunction f, int sp) {
        FuncType type = f.funcType();
        int paramSlots = slots(type.params());
        int resultSlots = slots(type.results());
        int base = sp - paramSlots;
        ctx.ensureSlots(base + Math.max(paramSlots, resultSlots) + 1);
        long[] s = ctx.stack;
        Object[] r = ctx.refs;
        f.instance().settleMemories();
        f.compiled().call(f.instance(), s, r, base);
        if (ctx.stack != s) {
            System.arraycopy(s, base, ctx.stack, base, resultSlots);
            System.arraycopy(r, base, ctx.refs, base, resultSlots);
        }
        return base + resultSlots;
    }

    private static int slots(List<ValType> types) {
        int n = 0;
        for (ValType t : types) {
            n += t.slots();
        }
        return n;
    }

    /**
     * Runs {@code f} in the interpreter for another tier: its arguments at {@code s/r[base..]}, its results
     * written back there (the arrays have room for both), on this thread's stacks above the current top.
     */
    public static void invokeRaw(WasmFunction f, long[] s, Object[] r, int base) {
        ExecContext ctx = ExecContext.current();
        Code code = f.code();
        int fp = ctx.sp;
        int depth = ctx.depth;
        ctx.ensureSlots(fp + Math.max(code.maxSlots, code.resultSlots) + 1);
        try {
            System.arraycopy(s, base, ctx.stack, fp, code.paramSlots);
            System.arraycopy(r, base, ctx.refs, fp, code.paramSlots);
            execute(ctx, code, fp);
            System.arraycopy(ctx.stack, fp, s, base, code.resultSlots);
            System.arraycopy(ctx.refs, fp, r, base, code.resultSlots);
        } finally {
            ctx.sp = fp;
            ctx.depth = depth;
        }
    }

    /** Calls a host function with the arguments on top of the stack; returns the new stack pointer. */
    private static int callHost(ExecContext ctx, HostFunctionInstance f, ModuleInstance caller, int sp) {
        FuncType type = f.funcType();
        List<ValType> params = type.params();
        int paramSlots = 0;
        for (ValType t : params) {
            paramSlots += t.slots();
        }
        int base = sp - paramSlots;
        Value[] args = new Value[params.size()];
        int at = base;
        for (int i = 0; i < args.length; i++) {
            ValType t = params.get(i);
            args[i] = ValueSlots.read(ctx.stack, ctx.refs, at, t);
            at += t.slots();
        }
        ctx.sp = base;
        Value[] results = f.call(caller, args);
        int resultSlots = 0;
        for (ValType t : type.results()) {
            resultSlots += t.slots();
        }
        ctx.ensureSlots(base + resultSlots);
        at = base;
        for (int i = 0; i < results.length; i++) {
            at = ValueSlots.write(ctx.stack, ctx.refs, at, type.results().get(i), results[i]);
        }
        return at;
    }

    /**
     * The innermost handler of {@code code} that covers {@code at} and catches {@code exn}, or null. A
     * covering {@code delegate} makes the search skip the handlers of blocks deeper than its target.
     */
    private static Code.Handler handler(Code code, ModuleInstance inst, int at, ExceptionObject exn) {
        int maxDepth = Integer.MAX_VALUE;
        for (Code.Handler h : code.handlers) {
            if (!h.covers(at) || h.depth() > maxDepth) {
                continue;
            }
            if (h.delegateTo() >= 0) {
                maxDepth = h.delegateTo();
            } else if (h.tag() == Code.Handler.CATCH_ALL || inst.tags[h.tag()] == exn.tag) {
                return h;
            }
        }
        return null;
    }

    /** Adds the Wasm frames of this invocation (innermost first) to a trap's backtrace. */
    private static WasmException withBacktrace(WasmException e, ExecContext ctx, int entryDepth, Code current) {
        if (!(e instanceof TrapException trap)) {
            ctx.depth = entryDepth;
            return e;
        }
        List<String> frames = new ArrayList<>(trap.wasmBacktrace());
        frames.add(current.function.debugName());
        for (int d = ctx.depth - 1; d >= entryDepth; d--) {
            frames.add(ctx.frameCode[d].function.debugName());
        }
        ctx.depth = entryDepth;
        return trap.withBacktrace(frames);
    }
}
