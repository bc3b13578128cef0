package dev.wasm4j.compiler;

import dev.wasm4j.binary.CodeReader;
import dev.wasm4j.model.Expr;
import dev.wasm4j.model.Opcode;

import java.lang.classfile.CodeBuilder;
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
 * {@code Instance.interrupt()}, a deadline or {@link Thread#interrupt()}. The check is
 *
 * <pre>
 *   aload inst; invokedynamic check(ModuleInstance)V   // bootstrap: Interrupts.bootstrap
 * </pre>
 *
 * whose target does nothing while no interrupt is pending, so that C2 compiles it to nothing
 * (an earlier countdown with a call every 1,024 iterations cost up to 80% of a tight loop's speed, since C2
 * keeps nothing in registers across a call and hoists no loads past a barrier). Hooks called by
 * {@link FunctionCompiler}: {@link #functionEntry} where a function's body starts, {@link #loopHead} at
 * each loop; and,
 * in code compiled for metered instances ({@link ChunkCompiler#metered}), the fuel charge: a call pays
 * for its function's instructions once at entry, a loop iteration for the loop body's at the head (the
 * interpreter charges the same amounts, at the back edge), through {@code ModuleInstance.fuel.consume(n)}.
 *
 * <p>Nothing here leaves anything on the operand stack, so it may sit where operands of enclosing blocks are
 * on the JVM stack. {@code -Dwasm4j.interruptChecks=false} leaves the checks out
 * ({@link dev.wasm4j.exec.Interrupts#CHECKS}).
 */
final class InterruptEmitter {
    private static final ClassDesc INTERRUPTS = ClassDesc.of("dev.wasm4j.exec.Interrupts");
    private static final ClassDesc FUEL = ClassDesc.of("dev.wasm4j.exec.Fuel");

    private InterruptEmitter() {
    }

    private static final java.lang.constant.DirectMethodHandleDesc BOOTSTRAP = java.lang.constant.MethodHandleDesc.ofMethod(
            java.lang.constant.DirectMethodHandleDesc.Kind.STATIC, INTERRUPTS, "bootstrap",
            MethodTypeDesc.of(ConstantDescs.CD_CallSite, ConstantDescs.CD_MethodHandles_Lookup, ConstantDescs.CD_String,
                    ConstantDescs.CD_MethodType));
    /** The check's call site ({@link JarForm} finds it in a class jar's classes). */
    static final java.lang.constant.DynamicCallSiteDesc CHECK = java.lang.constant.DynamicCallSiteDesc.of(
            BOOTSTRAP, "check", MethodTypeDesc.of(ConstantDescs.CD_void, Descs.INSTANCE));

    /**
     * At a function's entry (its own method, not a region of a split function), where self tail calls jump
     * back to. A function that does not call ends soon by itself or at one of its loop heads' checks.
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
            check(fc);      // a jump back here is a loop: as at a loop head
        } else if (shape.calls) {
            // Recursion can run for ever without a loop. A call reads memory afresh, so a plain read of the
            // flag suffices here; the call site's method handles would cost more (fib: 2x), since they
            // take from HotSpot's inlining budget at every call.
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
            check(fc);
        }
    }

    /** The check: 7 bytes of bytecode, nothing at all in C2's code while no interrupt is pending. */
    private static void check(FunctionCompiler fc) {
        fc.cb.aload(fc.instSlot);
        fc.cb.invokedynamic(CHECK);
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
