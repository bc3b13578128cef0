package dev.wasm4j.compiler;

import dev.wasm4j.exec.ValueSlots;
import dev.wasm4j.TrapException;
import dev.wasm4j.Value;
import dev.wasm4j.exec.CompiledCode;
import dev.wasm4j.exec.FunctionInstance;
import dev.wasm4j.exec.HostFunctionInstance;
import dev.wasm4j.exec.ModuleInstance;
import dev.wasm4j.exec.WasmFunction;
import dev.wasm4j.exec.interp.Interpreter;
import dev.wasm4j.model.DefType;
import dev.wasm4j.model.FuncType;
import dev.wasm4j.model.ValType;

import java.util.List;

/**
 * Calls that leave a compiled module's direct {@code invokestatic} world: indirect and reference calls
 * (lookup and checks), calls to functions of other instances, to host functions and to functions that run
 * in the interpreter, all with raw slots (see {@link CompiledCode}); and tail calls.
 *
 * <p>Tail calls ({@code return_call*}) to another function are trampolined: the calling function records
 * the callee and its arguments in this thread's {@link TailCall} and returns at once; whoever called it
 * (a call site that knows its callee may do this, or {@link #call}) then runs the recorded call, and the
 * next, in a loop, so a chain of tail calls takes no Java stack. A tail call to the function itself is a
 * jump to its start.
 */
public final class CallOps {
    private static final long MASK = 0xFFFF_FFFFL;
    private static final ThreadLocal<TailCall> TAIL = ThreadLocal.withInitial(TailCall::new);
    private static final ThreadLocal<List<String>> FRAMES = ThreadLocal.withInitial(java.util.ArrayList::new);
    /** Most compiled frames a trap's backtrace lists. */
    private static final int MAX_FRAMES = 1000;

    private CallOps() {
    }

    /** A pending tail call: the callee, the caller's instance, and the arguments in slots from 0. */
    public static final class TailCall {
        FunctionInstance target;
        ModuleInstance caller;
        long[] s;
        Object[] r;
    }

    // ---- indirect calls ----

    /**
     * {@code call_indirect} through a 32-bit table: the entry at unsigned {@code index}, checked for bounds, null
     * and type {@code expected}.
     */
    public static FunctionInstance indirect32(int index, ModuleInstance inst, int table, DefType expected) {
        return inst.tables[table].callTarget(index & MASK, expected);
    }

    /** {@code call_indirect} through a 64-bit table: the entry at {@code index}, checked as {@link #indirect32}. */
    public static FunctionInstance indirect64(long index, ModuleInstance inst, int table, DefType expected) {
        return inst.tables[table].callTarget(index, expected);
    }

    /** {@code call_ref}: the reference as a function, trapping on null. */
    public static FunctionInstance funcRef(Object ref) {
        if (ref == null) {
            throw new TrapException("null function reference");
        }
        return (FunctionInstance) ref;
    }

    public static FunctionInstance imported(ModuleInstance inst, int func) {
        return inst.functions[func];
    }

    /**
     * A dispatcher's callee: the method of {@code f} if it is a function of {@code inst} with one (its class
     * generated first if need be), else null (the slot-based way). A dispatcher calls the handle, not a
     * switch over its signature's functions: C2 compiled such a switch with the cases it had seen so far, and
     * recompiled the dispatcher each time a function was first called through it (7 times in a SQLite run).
     */
    public static java.lang.invoke.MethodHandle target(FunctionInstance f, ModuleInstance inst, Linkage linkage) {
        return f instanceof WasmFunction wf && wf.instance() == inst ? linkage.target(wf.index()) : null;
    }

    /**
     * An indirect call site's inline cache ({@link ChunkCompiler#emitCacheCheck}): which of the site's two
     * entries, {@code caches[2 site]} and {@code caches[2 site + 1]}, names {@code f} (its index + 1), if
     * {@code f} belongs to {@code inst}: 1 or 2, so that the site may call the method that entry's call was
     * linked to; else 0. An empty entry (0) is filled here with the next callee that has a method, or -1 (never
     * again) if it has none; an entry then never changes, since its call is linked to it for good
     * ({@link Linkage#cached}).
     */
    public static int cached(FunctionInstance f, ModuleInstance inst, int[] caches, int site, Linkage linkage) {
        if (f instanceof WasmFunction wf && wf.instance() == inst) {
            int at = site << 1;
            int key = wf.index() + 1;
            if (caches[at] == key) {
                return 1;
            }
            int second = caches[at + 1];
            if (second == key) {
                return 2;
            }
            if (second == 0) {
                prime(caches, at, key, target(f, inst, linkage) != null);
            }
        }
        return 0;
    }

    private static void prime(int[] caches, int at, int key, boolean linkable) {
        int entry = linkable ? key : -1;
        synchronized (caches) {
            if (caches[at] == 0) {
                caches[at] = entry;
            } else if (caches[at] != key && caches[at + 1] == 0) {
                caches[at + 1] = entry;
            }
        }
    }

    // ---- calls with raw slots ----

    /** Calls {@code f} with its arguments at {@code s/r[0..]}; the results are then there, tail calls done. */
    public static void call(FunctionInstance f, long[] s, Object[] r, ModuleInstance caller) {
        callOnce(f, s, r, 0, caller);
        if (TAIL.get().target != null) {
            finishTailCalls(s, r, 0);
        }
    }

    /** One call; a compiled callee may leave a pending tail call. */
    public static void callOnce(FunctionInstance f, long[] s, Object[] r, int base, ModuleInstance caller) {
        switch (f) {
            case WasmFunction wf -> {
                CompiledCode c = wf.compiled();
                if (c != null) {
                    wf.instance().settleMemories();
                }
                if (c instanceof CompiledModule.Entry e) {
                    e.callRaw(wf.instance(), s, r, base);
                } else if (c != null) {
                    c.call(wf.instance(), s, r, base);
                } else {
                    Interpreter.invokeRaw(wf, s, r, base);
                }
            }
            case HostFunctionInstance h -> callHost(h, s, r, base, caller);
        }
    }

    public static void callHost(HostFunctionInstance h, long[] s, Object[] r, int base, ModuleInstance caller) {
        FuncType type = h.funcType();
        List<ValType> params = type.params();
        Value[] args = new Value[params.size()];
        int at = base;
        for (int i = 0; i < args.length; i++) {
            args[i] = ValueSlots.read(s, r, at, params.get(i));
            at += params.get(i).slots();
        }
        Value[] results = h.call(caller, args);
        at = base;
        for (int i = 0; i < results.length; i++) {
            at = ValueSlots.write(s, r, at, type.results().get(i), results[i]);
        }
    }

    /** The interpreted body of function {@code func} of {@code inst}, called from compiled code. */
    public static void interpret(ModuleInstance inst, int func, long[] s, Object[] r) {
        Interpreter.invokeRaw((WasmFunction) inst.functions[func], s, r, 0);
    }

    // ---- backtraces ----

    /** A compiled function's handler: the trap passes through function {@code name}. */
    public static TrapException trapFrame(TrapException t, String name) {
        List<String> frames = FRAMES.get();
        if (frames.size() < MAX_FRAMES) {
            frames.add(name);
        }
        return t;
    }

    /** A Java stack overflow in compiled code as the trap it is (each function's handler records its frame). */
    public static TrapException exhausted(StackOverflowError e) {
        return new TrapException("call stack exhausted");
    }

    /**
     * Initializes this class (and this thread's frame list) where the stack is shallow: the handlers above run
     * where the stack has overflowed, and a class initializer that overflows there fails for good.
     */
    public static void ready() {
        FRAMES.get();
    }

    /** At the tier boundary: the trap with the compiled frames it passed through (innermost first) added. */
    public static TrapException withFrames(TrapException t) {
        List<String> frames = FRAMES.get();
        if (frames.isEmpty()) {
            return t;
        }
        List<String> all = new java.util.ArrayList<>(t.wasmBacktrace());
        all.addAll(frames);
        frames.clear();
        return t.withBacktrace(all);
    }

    // ---- tail calls ----

    /** Records a tail call; the calling function returns right after. */
    public static void tailCall(FunctionInstance f, long[] s, Object[] r, ModuleInstance caller) {
        TailCall t = TAIL.get();
        t.target = f;
        t.caller = caller;
        t.s = s;
        t.r = r;
    }

    public static boolean tailPending() {
        return TAIL.get().target != null;
    }

    /** Runs pending tail calls until none is left; writes the last one's results to {@code s/r[base..]}. */
    public static void finishTailCalls(long[] s, Object[] r, int base) {
        TailCall t = TAIL.get();
        FunctionInstance last = runTailCalls(t);
        int n = JvmType.slots(last.funcType().results());
        System.arraycopy(t.s, 0, s, base, n);
        System.arraycopy(t.r, 0, r, base, n);
        t.s = null;
        t.r = null;
    }

    /** Runs pending tail calls and returns the last one's results packed as compiled code returns them. */
    public static Object[] finishTailCallsPacked() {
        TailCall t = TAIL.get();
        FunctionInstance last = runTailCalls(t);
        Object[] out = pack(t.s, t.r, last.funcType().results());
        t.s = null;
        t.r = null;
        return out;
    }

    /** Runs the chain; afterwards {@code t.s/t.r} hold the last call's results. */
    private static FunctionInstance runTailCalls(TailCall t) {
        FunctionInstance last = null;
        while (t.target != null) {
            last = t.target;
            ModuleInstance caller = t.caller;
            long[] s = t.s;
            Object[] r = t.r;
            t.target = null;
            t.caller = null;
            t.s = null;
            t.r = null;
            callOnce(last, s, r, 0, caller);
            if (t.target == null) {
                t.s = s;
                t.r = r;
            }
        }
        return last;
    }

    /** Slots to the packed {@code Object[]} form: references as they are, numbers boxed, v128 as two. */
    public static Object[] pack(long[] s, Object[] r, List<ValType> types) {
        Object[] out = new Object[JvmType.slots(types)];
        int at = 0;
        for (ValType t : types) {
            if (t.isRef()) {
                out[at] = r[at];
                at++;
            } else {
                for (int k = 0; k < t.slots(); k++, at++) {
                    out[at] = s[at];
                }
            }
        }
        return out;
    }

    /** Packed form to slots. */
    public static void unpack(Object[] packed, long[] s, Object[] r, int base) {
        for (int i = 0; i < packed.length; i++) {
            if (packed[i] instanceof Long l) {
                s[base + i] = l;
            } else {
                r[base + i] = packed[i];
            }
        }
    }
}
