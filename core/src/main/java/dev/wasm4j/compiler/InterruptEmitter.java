package dev.wasm4j.compiler;

import dev.wasm4j.binary.CodeReader;
import dev.wasm4j.model.Expr;
import dev.wasm4j.model.Opcode;

import java.lang.classfile.CodeBuilder;
import java.lang.classfile.Label;
import java.lang.classfile.TypeKind;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * What compiled code does at function entries and loop heads to stay under the host's control: the
 * interruption check (see {@link dev.wasm4j.exec.Interrupts}), so that a runaway guest stops soon after
 * {@code Instance.interrupt()}, a deadline or {@link Thread#interrupt()}. A loop head counts a JVM local down
 * and makes the full check (the instance's volatile flag and the thread's interrupt status, in
 * {@code Interrupts.check}) every {@link #POLL_EVERY} iterations:
 *
 * <pre>
 *   iinc poll -1; iload poll; ifgt go
 *   ldc 1024; istore poll; aload inst; invokestatic Interrupts.check
 *   go:
 * </pre>
 *
 * A function entry calls {@code Interrupts.atEntry(inst)}, which reads a plain copy of the instance's flag
 * (see {@link #functionEntry}). Both are hooks called by {@link FunctionCompiler}: {@link #prologue} where a method
 * starts, {@link #functionEntry} where a function's body starts, {@link #loopHead} at each loop; and,
 *
 * and, in code compiled for metered instances ({@link ChunkCompiler#metered}), the fuel charge: a call pays
 * for its function's instructions once at entry, a loop iteration for the loop body's at the head (the
 * interpreter charges the same amounts, at the back edge), through {@code ModuleInstance.fuel.consume(n)}.
 *
 * <p>A volatile read at every loop head cost up to 10% on tight loops (it is a barrier to C2's loop
 * optimizations) and the thread's status as much again; the countdown costs a register decrement (numbers in
 * docs/performance.md). Nothing here leaves anything on the operand stack, so it may sit where operands of
 * enclosing blocks are on the JVM stack.
 * {@code -Dwasm4j.interruptChecks=false} leaves the checks out ({@link dev.wasm4j.exec.Interrupts#CHECKS}).
 */
final class InterruptEmitter {
    private static final ClassDesc INTERRUPTS = ClassDesc.of("dev.wasm4j.exec.Interrupts");
    private static final ClassDesc FUEL = ClassDesc.of("dev.wasm4j.exec.Fuel");

    private InterruptEmitter() {
    }

    /**
     * Iterations between full checks at loop heads. In between, a loop head only counts down a JVM local: no
     * memory access, nothing that keeps C2 from unrolling or vectorizing the loop. A runaway loop then stops
     * within this many iterations.
     */
    static final int POLL_EVERY = 1024;

    /**
     * At the start of a method (a function's own, before a loop entry's jump; or a region's): the countdown
     * local that its loop heads use.
     */
    static void prologue(FunctionCompiler fc) {
        if (!dev.wasm4j.exec.Interrupts.CHECKS) {
            return;
        }
        fc.pollSlot = fc.cb.allocateLocal(TypeKind.INT);
        fc.cb.loadConstant(POLL_EVERY).istore(fc.pollSlot);
    }

    /**
     * At a function's entry (its own method, not a region of a split function), where self tail calls jump
     * back to. A function that neither calls nor loops ends soon by itself and is not checked. A call re-reads
     * memory, so the entry reads a plain copy of the instance's flag; a function that tail-calls itself (a
     * jump back here, a loop in all but name) counts down as loop heads do.
     */
    static void functionEntry(FunctionCompiler fc) {
        Shape shape = shape(fc);
        if (fc.chunk.metered()) {
            charge(fc.cb, fc.instSlot, shape.body);
        }
        if (!dev.wasm4j.exec.Interrupts.CHECKS) {
            return;
        }
        if (shape.selfTail) {
            countdown(fc);
        } else if (shape.calls || shape.loops.length > 0) {
            // 4 bytes of bytecode: small functions stay under HotSpot's inlining limits
            fc.cb.aload(fc.instSlot);
            fc.cb.invokestatic(INTERRUPTS, "atEntry", MethodTypeDesc.of(ConstantDescs.CD_void, Descs.INSTANCE));
        }
    }

    /** At a loop's head: every iteration passes it. */
    static void loopHead(FunctionCompiler fc) {
        if (fc.chunk.metered()) {
            int[] loops = shape(fc).loops;
            charge(fc.cb, fc.instSlot, fc.loopOrdinal >= 0 && fc.loopOrdinal < loops.length ? loops[fc.loopOrdinal] : 1);
        }
        if (dev.wasm4j.exec.Interrupts.CHECKS) {
            countdown(fc);
        }
    }

    /**
     * {@code if (--poll <= 0) { poll = POLL_EVERY; Interrupts.check(inst); }}: the full check (the instance's
     * volatile flag, the thread's interrupt status) every {@link #POLL_EVERY} passes.
     */
    private static void countdown(FunctionCompiler fc) {
        CodeBuilder cb = fc.cb;
        Label go = cb.newLabel();
        cb.iinc(fc.pollSlot, -1);
        cb.iload(fc.pollSlot);
        cb.ifgt(go);
        cb.loadConstant(POLL_EVERY).istore(fc.pollSlot);
        cb.aload(fc.instSlot);
        cb.invokestatic(INTERRUPTS, "check", MethodTypeDesc.of(ConstantDescs.CD_void, Descs.INSTANCE));
        cb.labelBinding(go);
    }

    private static void charge(CodeBuilder cb, int instSlot, int units) {
        cb.aload(instSlot).getfield(Descs.INSTANCE, "fuel", FUEL);
        cb.loadConstant(units);
        cb.invokevirtual(FUEL, "consume", MethodTypeDesc.of(ConstantDescs.CD_void, ConstantDescs.CD_int));
    }

    /**
     * What the checks need to know of a function: its instruction count and each loop's (by ordinal, in body
     * order), for fuel; whether it calls anything, and whether it tail-calls itself.
     */
    private record Shape(Expr expr, int body, int[] loops, boolean calls, boolean selfTail) {
    }

    /** The last function scanned on this thread: a function's methods are generated one after another. */
    private static final ThreadLocal<Shape> LAST = new ThreadLocal<>();

    private static Shape shape(FunctionCompiler fc) {
        var m = fc.chunk.valid().module();
        Expr body = m.functions().get(fc.funcIndex - m.importedFunctionCount()).body();
        Shape c = LAST.get();
        if (c == null || c.expr() != body) {
            c = scan(body, fc.funcIndex);
            LAST.set(c);
        }
        return c;
    }

    private static Shape scan(Expr body, int self) {
        boolean calls = false;
        boolean selfTail = false;
        CodeReader in = new CodeReader(body);
        List<Integer> loops = new ArrayList<>();
        Deque<int[]> open = new ArrayDeque<>();   // per open block: {loop ordinal or -1, count at start}
        int count = 0;
        while (!in.atEnd()) {
            Opcode op = in.next();
            count++;
            switch (op) {
                case LOOP -> {
                    open.push(new int[] {loops.size(), count});
                    loops.add(1);
                }
                case BLOCK, IF, TRY_TABLE, TRY -> open.push(new int[] {-1, count});
                case DELEGATE -> open.poll();
                case CALL, CALL_INDIRECT, CALL_REF, RETURN_CALL_INDIRECT, RETURN_CALL_REF -> calls = true;
                case RETURN_CALL -> {
                    calls = true;
                    selfTail |= in.imm().index == self;
                }
                case END -> {
                    int[] b = open.poll();
                    if (b != null && b[0] >= 0) {
                        loops.set(b[0], Math.max(1, count - b[1]));
                    }
                }
                default -> { }
            }
        }
        return new Shape(body, Math.max(1, count), loops.stream().mapToInt(Integer::intValue).toArray(), calls,
                selfTail);
    }
}
