package dev.wasm4j.compiler;

import dev.wasm4j.exec.ValueSlots;
import dev.wasm4j.TrapException;
import dev.wasm4j.Value;
import dev.wasm4j.WasmException;
import dev.wasm4j.exec.CompiledCode;
import dev.wasm4j.exec.ModuleInstance;
import dev.wasm4j.exec.WasmFunction;
import dev.wasm4j.model.FuncType;
import dev.wasm4j.model.ValType;
import dev.wasm4j.valid.ValidModule;

import java.util.Collections;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * A module's compiled code, shared by all its instances: {@link #attach} installs it into an instance's
 * functions (except those left to the interpreter). Each function's {@link Entry} is where calls from the
 * interpreter and the host come in; it is also the tier boundary where a Java stack overflow becomes the
 * trap {@code call stack exhausted}.
 */
public final class CompiledModule {
    private final ValidModule valid;
    /** Kept to compile loop entries on request (see {@link #loopEntry}). */
    private final ModuleCompiler compiler;
    private final Entry[] entries;
    private final Map<Integer, String> interpreted;
    /** The generated classes; null when they are generated on demand (see {@link #image}). */
    private final CodeImage image;

    CompiledModule(ModuleCompiler compiler, ChunkInvoker[] invokers, Map<Integer, String> interpreted,
                   IntPredicate tailCaller, CodeImage image) {
        this.compiler = compiler;
        this.valid = compiler.valid;
        ValidModule valid = this.valid;
        this.image = image;
        this.interpreted = Collections.unmodifiableMap(interpreted);
        this.entries = new Entry[invokers.length];
        for (int f = valid.module().importedFunctionCount(); f < invokers.length; f++) {
            if (!interpreted.containsKey(f)) {
                entries[f] = new Entry(invokers[f], f, valid.functionType(f).funcType(), tailCaller);
            }
        }
    }

    /** The compiler that made this code (for tests of this package). */
    ModuleCompiler compiler() {
        return compiler;
    }

    public ValidModule module() {
        return valid;
    }

    /**
     * The class jar of {@code module} (the bytes this code was compiled from) made of the classes this run
     * generated, and of the others generated now; null unless they were named for that jar ({@link
     * ModuleCompiler#compileOnDemand(ValidModule, boolean, byte[])}) and the run generated some.
     */
    public ClassJar classJar(byte[] module) {
        return compiler.classJar(module);
    }

    /**
     * The generated classes, to store (see {@link CodeImage#write}); when the module compiles on demand, the
     * classes not generated yet are generated now. Their classes have stack maps, whichever JVM made them.
     * Named classes made on demand are not an image's: it is generated as hidden classes then.
     */
    public CodeImage image() {
        if (image == null && compiler.namedOnDemand()) {
            return ModuleCompiler.hiddenImage(compiler.valid, compiler.metered);   // an image holds hidden classes
        }
        return compiler.withStackMaps(image != null ? image : compiler.completeImage());
    }

    /**
     * When the module compiles on demand ({@link ModuleCompiler#compileOnDemand}): the number of classes
     * generated so far and of the functions in them; null when every class was generated up front.
     */
    public int[] generatedSoFar() {
        return compiler.generated();
    }

    /** Whether the code is a class jar's named classes ({@link ModuleCompiler#loadNamed}). */
    public boolean fromClassJar() {
        return compiler.fromClassJar();
    }

    /** Functions cut into several methods, with the number of regions (see {@link SplitPlan}). */
    public Map<Integer, Integer> split() {
        return compiler.splits();
    }

    /** Functions the interpreter runs, with the reason. */
    public Map<Integer, String> interpreted() {
        return interpreted;
    }

    /** Number of defined functions that run compiled. */
    public int compiledCount() {
        int n = 0;
        for (Entry e : entries) {
            if (e != null) {
                n++;
            }
        }
        return n;
    }

    /**
     * Compiles code that continues a call of {@code func} at the head of its {@code loop}-th loop, or returns
     * null when that cannot be done (see {@link dev.wasm4j.exec.LoopTier}); {@code busyLoops} as there.
     */
    public CompiledCode loopEntry(int func, int loop, java.util.BitSet busyLoops) {
        return compiler.loopEntry(func, loop, busyLoops);
    }

    /** Makes {@code inst}'s functions run this compiled code. */
    public void attach(ModuleInstance inst) {
        if (inst.module() != valid) {
            throw new IllegalArgumentException("instance of another module");
        }
        for (int f = valid.module().importedFunctionCount(); f < entries.length; f++) {
            if (entries[f] != null) {
                ((WasmFunction) inst.functions[f]).setCompiled(entries[f]);
            }
        }
    }

    /** The compiled body of one function. */
    static final class Entry implements CompiledCode {
        private final ChunkInvoker chunk;
        private final int func;
        private final FuncType type;
        /** Which functions make tail calls: asked on this entry's first call, not when the module is compiled. */
        private final IntPredicate tailCallers;
        /** 0 until the first call, then 1, or 2 when the function makes tail calls (a race asks twice, alike). */
        private byte tailCaller;

        Entry(ChunkInvoker chunk, int func, FuncType type, IntPredicate tailCallers) {
            this.chunk = chunk;
            this.func = func;
            this.type = type;
            this.tailCallers = tailCallers;
        }

        private boolean tailCaller() {
            byte t = tailCaller;
            if (t == 0) {
                t = tailCallers.test(func) ? (byte) 2 : (byte) 1;
                tailCaller = t;
            }
            return t == 2;
        }

        /** The call without resolving a tail call that the function leaves pending. */
        void callRaw(ModuleInstance inst, long[] s, Object[] r, int base) {
            chunk.invoke(func, inst, s, r, base);
        }

        @Override
        public void call(ModuleInstance inst, long[] s, Object[] r, int base) {
            CallOps.ready();
            try {
                chunk.invoke(func, inst, s, r, base);
                if (tailCaller() && CallOps.tailPending()) {
                    CallOps.finishTailCalls(s, r, base);
                }
            } catch (TrapException e) {
                throw CallOps.withFrames(e);
            } catch (WasmException e) {
                throw e;
            } catch (StackOverflowError e) {
                throw new TrapException("call stack exhausted");
            } catch (OutOfMemoryError e) {
                throw new TrapException("out of memory: " + e.getMessage());
            } catch (ClassCastException | ArrayIndexOutOfBoundsException | NullPointerException e) {
                // A compiler bug must not escape as a raw Java exception (the interpreter does the same).
                throw new TrapException("internal error: " + e);
            }
        }

        @Override
        public Value[] invoke(WasmFunction f, Value[] args) {
            if (args.length != type.params().size()) {
                throw new IllegalArgumentException("function " + f.debugName() + " expects "
                        + type.params().size() + " arguments, got " + args.length);
            }
            int size = Math.max(1, Math.max(JvmType.slots(type.params()), JvmType.slots(type.results())));
            long[] s = new long[size];
            Object[] r = new Object[size];
            int at = 0;
            for (int i = 0; i < args.length; i++) {
                at = ValueSlots.write(s, r, at, type.params().get(i), args[i]);
            }
            call(f.instance(), s, r, 0);
            Value[] results = new Value[type.results().size()];
            at = 0;
            for (int i = 0; i < results.length; i++) {
                ValType t = type.results().get(i);
                results[i] = ValueSlots.read(s, r, at, t);
                at += t.slots();
            }
            return results;
        }
    }
}
