package dev.wasm4j.compiler;

import java.lang.classfile.CodeBuilder;
import java.lang.classfile.Label;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;

/**
 * The interruption check of compiled code (see {@link dev.wasm4j.exec.Interrupts}), emitted at every function
 * entry and loop head, so that a runaway guest stops within one loop iteration or call of
 * {@code Instance.interrupt()}, a deadline or {@link Thread#interrupt()}:
 *
 * <pre>
 *   aload inst; getfield ModuleInstance.interrupt (volatile int); ifne stop
 *   invokestatic Thread.currentThread; invokevirtual Thread.isInterrupted; ifeq go
 *   stop: aload inst; invokestatic Interrupts.poll     (traps, or returns if it was a false alarm)
 *   go:
 * </pre>
 *
 * Both loads are plain moves on x86 and the branches are never taken, so HotSpot keeps the loop tight; the
 * volatile read is what stops C2 from hoisting the check out of the loop. The check leaves the operand stack
 * as it found it, so it may sit where operands of enclosing blocks are on the JVM stack.
 *
 * <p>{@code -Dwasm4j.interruptChecks=false} leaves the checks out ({@link dev.wasm4j.exec.Interrupts#CHECKS}).
 */
final class InterruptEmitter {
    private static final ClassDesc INTERRUPTS = ClassDesc.of("dev.wasm4j.exec.Interrupts");
    private static final ClassDesc THREAD = ClassDesc.of("java.lang.Thread");

    private InterruptEmitter() {
    }

    /** The check at a function's entry (its own method, not a region of a split function). */
    static void functionEntry(FunctionCompiler fc) {
        check(fc.cb, fc.instSlot);
    }

    /** The check at a loop's head: every iteration passes it. */
    static void loopHead(FunctionCompiler fc) {
        check(fc.cb, fc.instSlot);
    }

    private static void check(CodeBuilder cb, int instSlot) {
        if (!dev.wasm4j.exec.Interrupts.CHECKS) {
            return;
        }
        Label stop = cb.newLabel();
        Label go = cb.newLabel();
        cb.aload(instSlot).getfield(Descs.INSTANCE, "interrupt", ConstantDescs.CD_int);
        cb.ifne(stop);
        cb.invokestatic(THREAD, "currentThread", MethodTypeDesc.of(THREAD));
        cb.invokevirtual(THREAD, "isInterrupted", MethodTypeDesc.of(ConstantDescs.CD_boolean));
        cb.ifeq(go);
        cb.labelBinding(stop);
        cb.aload(instSlot);
        cb.invokestatic(INTERRUPTS, "poll", MethodTypeDesc.of(ConstantDescs.CD_void, Descs.INSTANCE));
        cb.labelBinding(go);
    }
}
