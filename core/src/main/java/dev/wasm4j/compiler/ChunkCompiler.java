package dev.wasm4j.compiler;

import dev.wasm4j.model.AbsHeapType;
import dev.wasm4j.model.FuncType;
import dev.wasm4j.model.HeapType;
import dev.wasm4j.model.RefType;
import dev.wasm4j.model.ValType;
import dev.wasm4j.valid.ValidModule;

import java.lang.classfile.ClassBuilder;
import java.lang.classfile.ClassFile;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.Label;
import java.lang.classfile.TypeKind;
import java.lang.classfile.instruction.SwitchCase;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.DirectMethodHandleDesc;
import java.lang.constant.DynamicCallSiteDesc;
import java.lang.constant.DynamicConstantDesc;
import java.lang.constant.MethodHandleDesc;
import java.lang.constant.MethodTypeDesc;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds one generated class: the compiled methods of a range of a module's functions ({@code f<index>}),
 * a slot adapter per function ({@code a<index>}, for calls from the interpreter and the host), the
 * {@link ChunkInvoker} switch over the adapters, and per signature a dispatcher ({@code d<n>}) that calls a
 * function instance directly when it belongs to the calling instance and through {@link CallOps} otherwise.
 * Constants (types for casts and allocations) are the class data, loaded with {@code ldc} of a dynamic
 * constant so that the JIT sees them as constants.
 */
final class ChunkCompiler {
    static final ClassDesc SELF = ClassDesc.of("dev.wasm4j.compiler.CompiledWasm");
    private static final ClassDesc CHUNK_INVOKER = ClassDesc.of("dev.wasm4j.compiler.ChunkInvoker");
    private static final ClassDesc LINKAGE = ClassDesc.of("dev.wasm4j.compiler.Linkage");
    private static final DirectMethodHandleDesc BOOTSTRAP = MethodHandleDesc.ofMethod(
            DirectMethodHandleDesc.Kind.STATIC, LINKAGE, "bootstrap",
            MethodTypeDesc.of(ConstantDescs.CD_CallSite, ConstantDescs.CD_MethodHandles_Lookup,
                    ConstantDescs.CD_String, ConstantDescs.CD_MethodType, ConstantDescs.CD_int));
    /** The bootstrap of a named class's constants: {@link Linkage#constant}, with the constant's spec. */
    private static final DirectMethodHandleDesc NAMED_CONSTANT = MethodHandleDesc.ofMethod(
            DirectMethodHandleDesc.Kind.STATIC, LINKAGE, "constant",
            MethodTypeDesc.of(ConstantDescs.CD_Object, ConstantDescs.CD_MethodHandles_Lookup,
                    ConstantDescs.CD_String, ConstantDescs.CD_Class, ConstantDescs.CD_String));

    /** The static field holding a class's inline caches of indirect call sites ({@link #emitCachedCall}). */
    static final String CACHES = "ic";
    static final DirectMethodHandleDesc CACHED_BOOTSTRAP = MethodHandleDesc.ofMethod(
            DirectMethodHandleDesc.Kind.STATIC, LINKAGE, "cached",
            MethodTypeDesc.of(ConstantDescs.CD_CallSite, ConstantDescs.CD_MethodHandles_Lookup,
                    ConstantDescs.CD_String, ConstantDescs.CD_MethodType, LINKAGE, ConstantDescs.CD_int.arrayType(),
                    ConstantDescs.CD_int));
    /**
     * Most sites with an inline cache in one class: each takes eight constant-pool entries of its own (per
     * entry a call site, its name and type, the bootstrap's arguments) and two bootstrap methods, and a class
     * has at most 65,535 of either; the sites after these use the dispatcher only.
     */
    static final int MAX_CACHE_SITES = 2048;
    /** {@code -Dwasm4j.compiler.inlineCaches=false}: indirect calls go through the dispatcher only (for comparison). */
    static final boolean INLINE_CACHES = !"false".equals(System.getProperty("wasm4j.compiler.inlineCaches"));

    private final ModuleCompiler module;
    final int chunk;
    final int first;
    final int end;
    /** Class data: element 0 is the module's {@link Linkage}, then the constants. */
    final List<Object> classData = new ArrayList<>();
    /** How to recreate each class data element from the module ({@link #resolve}): "L", "T<index>", "R...". */
    final List<String> specs = new ArrayList<>();
    private final Map<String, Integer> constantIndex = new LinkedHashMap<>();
    private final Map<String, Dispatcher> dispatchers = new LinkedHashMap<>();
    /** For a loop-entry class ({@link #buildLoopEntry}): the loop's ordinal; -1 for an ordinary chunk. */
    private int loopEntry = -1;
    /** Indirect call sites with an inline cache so far: two entries each in the class's {@link #CACHES} array. */
    private int cacheSites;
    /** {@link #reachesTailCaller} by signature key: asked at every indirect call site and by each dispatcher. */
    private final Map<String, Boolean> tailCallers = new java.util.HashMap<>();

    ChunkCompiler(ModuleCompiler module, int chunk, int first, int end) {
        this.module = module;
        this.chunk = chunk;
        this.first = first;
        this.end = end;
        classData.add(module.linkage);
        specs.add("L");
        constantIndex.put("L", 0);
    }

    ValidModule valid() {
        return module.valid;
    }

    /**
     * The class's name when it is a named class (a class jar's, {@link ModuleCompiler#compileNamed}, or one made
     * on demand, {@link NamedClassLoader}), null for a hidden class: a named class calls the module's other
     * classes with plain {@code invokestatic}, its functions' methods are package-private for that, and its
     * constants come from {@link Linkage#constant}.
     */
    ClassDesc named;

    ClassDesc self() {
        return named != null ? named : SELF;
    }

    boolean tailCaller(int func) {
        return module.tailCaller(func);
    }

    boolean inlinesAllAccesses(int func) {
        return module.inlinesAllAccesses(func);
    }

    /** Whether the code charges fuel (see {@link InterruptEmitter}). */
    boolean metered() {
        return module.metered;
    }

    /** The ordinal of the loop the function being generated is entered at, or -1 (a normal entry). */
    int loopEntry() {
        return loopEntry;
    }

    /** The canonical type at {@code typeIndex}, as a constant. */
    ConstantDesc typeConstant(int typeIndex) {
        return constant("T" + typeIndex, Descs.DEF_TYPE);
    }

    /** A module-relative reference type, closed, as a constant. */
    ConstantDesc refTypeConstant(RefType t) {
        String heap = switch (t.heapType()) {
            case AbsHeapType a -> a.name();
            case HeapType.Concrete c -> "#" + c.typeIndex();
            case HeapType.Defined d -> throw new IllegalArgumentException("closed type " + t);
        };
        return constant("R" + (t.nullable() ? "?" : "!") + heap, Descs.REF_TYPE);
    }

    private ConstantDesc constant(String spec, ClassDesc type) {
        Integer i = constantIndex.get(spec);
        if (i == null) {
            i = classData.size();
            classData.add(resolve(module.valid, module.linkage, spec));
            specs.add(spec);
            constantIndex.put(spec, i);
        }
        if (named != null) {
            return DynamicConstantDesc.ofNamed(NAMED_CONSTANT, "_", type, spec);
        }
        return DynamicConstantDesc.ofNamed(ConstantDescs.BSM_CLASS_DATA_AT, "_", type, i);
    }

    /** The class data element a spec describes, for module {@code valid}. */
    static Object resolve(ValidModule valid, Linkage linkage, String spec) {
        return switch (spec.charAt(0)) {
            case 'L' -> linkage;
            case 'T' -> valid.defType(Integer.parseInt(spec.substring(1)));
            case 'R' -> {
                String heap = spec.substring(2);
                HeapType h = heap.startsWith("#") ? HeapType.of(Integer.parseInt(heap.substring(1)))
                        : AbsHeapType.valueOf(heap);
                yield valid.close(RefType.of(spec.charAt(1) == '?', h));
            }
            default -> throw new IllegalArgumentException("bad constant spec " + spec);
        };
    }

    static String methodName(int func) {
        return "f" + func;
    }

    MethodTypeDesc methodType(int func) {
        return module.funcDesc(func);
    }

    /** Calls function {@code func} (defined in this module) with its arguments and the instance on the stack. */
    void emitDirectCall(CodeBuilder cb, int func) {
        if (inThisClass(func)) {
            cb.invokestatic(self(), methodName(func), methodType(func));
        } else if (loopEntry >= 0) {
            // A loop entry's class calls every function in the module's other classes, and its code runs a
            // long loop: a call site first reached after C2 compiled it would deoptimise it (see trampoline).
            emitTrampolineCall(cb, func);
        } else {
            emitCrossClassCall(cb, func);
        }
    }

    /**
     * The call of function {@code func} of another class: an {@code invokedynamic}, linked when first run; from
     * a named class, a plain {@code invokestatic} of the named class that holds it.
     */
    private void emitCrossClassCall(CodeBuilder cb, int func) {
        if (named != null) {
            cb.invokestatic(module.namedClass(func), methodName(func), methodType(func));
            return;
        }
        cb.invokedynamic(DynamicCallSiteDesc.of(BOOTSTRAP, methodName(func), methodType(func), func));
    }

    /**
     * Whether function {@code func}'s method is in the class being built, to be called directly (a loop
     * entry's class holds only the entry: it calls every function, its own included, in the module's classes).
     */
    private boolean inThisClass(int func) {
        return func >= first && func < end && loopEntry < 0;
    }

    // ------------------------------------------------------------------------------------------ inline caches

    /**
     * The first half of an indirect call site with an inline cache: with the callee and the instance on the
     * stack (and the arguments below), allocates the site's two cache entries and pushes which of them names
     * the callee, 1 or 2, or 0 ({@link CallOps#cached}, which fills an empty entry). V8 and JVM engines for
     * dynamic languages do the same: most such sites call one or two functions, and a call C2 sees as constant
     * is a direct call it can inline, where a dispatcher calls a method handle it cannot see through.
     */
    int emitCacheCheck(CodeBuilder cb) {
        int site = cacheSites++;
        cb.getstatic(self(), CACHES, ConstantDescs.CD_int.arrayType()).loadConstant(site)
                .loadConstant(constant("L", LINKAGE));
        Descs.call(cb, Descs.CALL_OPS, "cached", "(Ldev/wasm4j/exec/FunctionInstance;Ldev/wasm4j/exec/ModuleInstance;"
                + "[IILdev/wasm4j/compiler/Linkage;)I");
        return site;
    }

    /**
     * The call of entry {@code way} (0 or 1) of {@code site} (arguments and instance on the stack), linked when
     * first run ({@link Linkage#cached}).
     */
    void emitCachedCall(CodeBuilder cb, FuncType t, int site, int way) {
        // the caches as a constant of the class, resolved once for all its sites
        ConstantDesc caches = DynamicConstantDesc.ofNamed(ConstantDescs.BSM_GET_STATIC_FINAL, CACHES,
                ConstantDescs.CD_int.arrayType(), self());
        cb.invokedynamic(DynamicCallSiteDesc.of(CACHED_BOOTSTRAP, "c" + site + "_" + way, JvmType.methodType(t),
                constant("L", LINKAGE), caches, 2 * site + way));
    }

    /**
     * Whether indirect call sites get an inline cache: not in a loop entry's class, whose long-running loop C2
     * compiles on stack, where a cached call first linked afterwards would send it back to HotSpot's
     * interpreter (see {@link #trampoline}); nor where no function of this module has signature {@code t},
     * since only this module's functions are cached; nor after {@link #MAX_CACHE_SITES} sites in the class.
     */
    boolean cachesIndirectCalls(FuncType t) {
        return INLINE_CACHES && loopEntry < 0 && cacheSites < MAX_CACHE_SITES
                && !module.refFunctions(key(t)).isEmpty();
    }

    /**
     * Whether a function of this module that an indirect call of signature {@code t} reaches may leave a tail
     * call pending.
     */
    boolean reachesTailCaller(FuncType t) {
        return tailCallers.computeIfAbsent(key(t), k -> module.refFunctions(k).stream().anyMatch(module::tailCaller));
    }

    /** The array of the class's inline caches and its initialisation, if any site has one. */
    private void caches(ClassBuilder clb) {
        if (cacheSites == 0) {
            return;
        }
        int flags = ClassFile.ACC_PRIVATE | ClassFile.ACC_STATIC | ClassFile.ACC_FINAL;
        clb.withField(CACHES, ConstantDescs.CD_int.arrayType(), flags);
        clb.withMethodBody(ConstantDescs.CLASS_INIT_NAME, ConstantDescs.MTD_void, ClassFile.ACC_STATIC, cb ->
                cb.loadConstant(2 * cacheSites).newarray(TypeKind.INT)
                        .putstatic(self(), CACHES, ConstantDescs.CD_int.arrayType()).return_());
    }

    // ------------------------------------------------------------------------------------------ dispatchers

    /** The dispatcher of one signature: its name and which functions can reach it (none: only the generic way). */
    private record Dispatcher(String name, FuncType type, List<Integer> funcs) {
    }

    /** Key of a signature as the JVM sees it: the JVM types of parameters and results. */
    static String key(FuncType t) {
        StringBuilder k = new StringBuilder();
        for (ValType p : t.params()) {
            k.append(JvmType.of(p).name().charAt(0));
        }
        k.append('>');
        for (ValType r : t.results()) {
            k.append(JvmType.of(r).name().charAt(0));
        }
        return k.toString();
    }

    private static final DirectMethodHandleDesc DISPATCHER_BOOTSTRAP = MethodHandleDesc.ofMethod(
            DirectMethodHandleDesc.Kind.STATIC, LINKAGE, "dispatcher",
            MethodTypeDesc.of(ConstantDescs.CD_CallSite, ConstantDescs.CD_MethodHandles_Lookup,
                    ConstantDescs.CD_String, ConstantDescs.CD_MethodType, ConstantDescs.CD_String));

    /**
     * Calls the dispatcher of signature {@code t} (the function instance, its arguments and the instance on the
     * stack): when classes are generated on demand, the module's one dispatcher of the signature, in a class of
     * its own ({@link ModuleCompiler#dispatcher}), so that classes do not each carry and warm up a copy;
     * otherwise this class's own.
     */
    void emitDispatcherCall(CodeBuilder cb, FuncType t) {
        if (module.sharesDispatchers()) {
            cb.invokedynamic(DynamicCallSiteDesc.of(DISPATCHER_BOOTSTRAP, "d", dispatcherType(t), key(t)));
        } else {
            cb.invokestatic(self(), dispatcher(t), dispatcherType(t));
        }
    }

    /** A class holding only the module's dispatcher of signature {@code t}, as method {@code d0}. */
    byte[] buildDispatcher(ClassFile cf, FuncType t) {
        Dispatcher d = new Dispatcher("d0", t, module.refFunctions(key(t)));
        return cf.build(self(), clb -> {
            clb.withFlags(ClassFile.ACC_FINAL | ClassFile.ACC_SUPER);
            dispatcher(clb, d);
        });
    }

    String dispatcher(FuncType t) {
        return dispatchers.computeIfAbsent(key(t), k ->
                new Dispatcher("d" + dispatchers.size(), t, module.refFunctions(k))).name();
    }

    MethodTypeDesc dispatcherType(FuncType t) {
        MethodTypeDesc m = JvmType.methodType(t);
        return m.insertParameterTypes(m.parameterCount() - 1, Descs.FUNCTION);
    }

    // ------------------------------------------------------------------------------------------ the class

    byte[] build(ClassFile cf) {
        return cf.build(self(), clb -> {
            clb.withFlags(ClassFile.ACC_FINAL | ClassFile.ACC_SUPER);
            clb.withInterfaceSymbols(CHUNK_INVOKER);
            clb.withMethodBody(ConstantDescs.INIT_NAME, ConstantDescs.MTD_void, ClassFile.ACC_PUBLIC,
                    cb -> cb.aload(0).invokespecial(ConstantDescs.CD_Object, ConstantDescs.INIT_NAME,
                            ConstantDescs.MTD_void).return_());
            for (int f = first; f < end; f++) {
                function(clb, f);
                adapter(clb, f, methodName(f), methodType(f), false);
            }
            invoker(clb);
            dispatchers(clb);
            trampolines(clb);
            caches(clb);
        });
    }

    /** The dispatchers the class's methods call, last (generating one may ask for another). */
    private void dispatchers(ClassBuilder clb) {
        List<Dispatcher> done = new ArrayList<>();
        while (done.size() < dispatchers.size()) {
            List<Dispatcher> todo = new ArrayList<>(dispatchers.values()).subList(done.size(), dispatchers.size());
            for (Dispatcher d : List.copyOf(todo)) {
                dispatcher(clb, d);
                done.add(d);
            }
        }
    }

    /**
     * Builds a class for on-stack replacement ({@link dev.wasm4j.exec.LoopTier}): function {@code f}
     * entered at the head of its {@code loop}-th loop, as method {@code o<f>} taking the interpreter's frame
     * after the usual arguments; its adapter {@code a<f>} and invoker take the frame as slots. Calls to any
     * function, {@code f} included, go to the module's ordinary compiled methods.
     */
    byte[] buildLoopEntry(ClassFile cf, int loop, java.util.BitSet busyLoops) {
        loopEntry = loop;
        int f = first;
        MethodTypeDesc entryType = loopEntryType(f);
        return cf.build(self(), clb -> {
            clb.withFlags(ClassFile.ACC_FINAL | ClassFile.ACC_SUPER);
            clb.withInterfaceSymbols(CHUNK_INVOKER);
            clb.withMethodBody(ConstantDescs.INIT_NAME, ConstantDescs.MTD_void, ClassFile.ACC_PUBLIC,
                    cb -> cb.aload(0).invokespecial(ConstantDescs.CD_Object, ConstantDescs.INIT_NAME,
                            ConstantDescs.MTD_void).return_());
            SplitPlan plan = module.plan(f, loop, busyLoops);
            clb.withMethodBody("o" + f, entryType, ClassFile.ACC_STATIC | ClassFile.ACC_PRIVATE, cb ->
                    new SplitEmitter(this, clb, f, module.info(f), plan).emit(cb));
            adapter(clb, f, "o" + f, entryType, true);
            invoker(clb);
            dispatchers(clb);
            trampolines(clb);
        });
    }

    /** A loop entry's method type: the function's, with the frame ({@code long[], Object[], int}) appended. */
    private MethodTypeDesc loopEntryType(int func) {
        MethodTypeDesc m = methodType(func);
        return m.insertParameterTypes(m.parameterCount(), ConstantDescs.CD_long.arrayType(),
                ConstantDescs.CD_Object.arrayType(), ConstantDescs.CD_int);
    }

    private void function(ClassBuilder clb, int f) {
        int flags = named != null ? ClassFile.ACC_STATIC : ClassFile.ACC_STATIC | ClassFile.ACC_PRIVATE;
        module.current = f;
        if (module.interpreted(f)) {
            clb.withMethodBody(methodName(f), methodType(f), flags, cb -> interpreterStub(cb, f));
            return;
        }
        FuncInfo info = module.info(f);
        SplitPlan plan = module.plan(f, -1, new java.util.BitSet());
        clb.withMethodBody(methodName(f), methodType(f), flags, cb ->
                new SplitEmitter(this, clb, f, info, plan).emit(cb));
        module.current = -1;
    }

    /** The method of a function the interpreter runs: arguments to slots, the interpreter, results back. */
    private void interpreterStub(CodeBuilder cb, int f) {
        FuncType t = module.valid.functionType(f).funcType();
        int size = Math.max(1, Math.max(JvmType.slots(t.params()), JvmType.slots(t.results())));
        int s = cb.allocateLocal(TypeKind.REFERENCE);
        int r = cb.allocateLocal(TypeKind.REFERENCE);
        int inst = paramsToSlots(cb, t.params(), 0, size, s, r);
        cb.aload(inst).loadConstant(f).aload(s).aload(r);
        Descs.call(cb, Descs.CALL_OPS, "interpret", "(Ldev/wasm4j/exec/ModuleInstance;I[J[Ljava/lang/Object;)V");
        returnFromSlots(cb, t.results(), s, r);
    }

    /**
     * Stores the method's parameters (from JVM local {@code firstLocal}) into new slot arrays kept in locals
     * {@code s} and {@code r}; returns the local after the parameters.
     */
    private static int paramsToSlots(CodeBuilder cb, List<ValType> params, int firstLocal, int size, int s, int r) {
        cb.loadConstant(size).newarray(TypeKind.LONG).astore(s);
        cb.loadConstant(size).anewarray(ConstantDescs.CD_Object).astore(r);
        int local = firstLocal;
        int at = 0;
        for (ValType p : params) {
            switch (JvmType.of(p)) {
                case INT -> cb.aload(s).loadConstant(at).iload(local).i2l().lastore();
                case LONG -> cb.aload(s).loadConstant(at).lload(local).lastore();
                case V128 -> {
                    cb.aload(s).loadConstant(at).lload(local).lastore();
                    cb.aload(s).loadConstant(at + 1).lload(local + 2).lastore();
                }
                case REF -> cb.aload(r).loadConstant(at).aload(local).aastore();
            }
            local += JvmType.of(p).jvmSlots();
            at += p.slots();
        }
        return local;
    }

    /** Returns the results found in the slot arrays, in the compiled calling convention. */
    private static void returnFromSlots(CodeBuilder cb, List<ValType> results, int s, int r) {
        if (results.isEmpty()) {
            cb.return_();
            return;
        }
        if (!JvmType.packed(results)) {
            switch (JvmType.of(results.getFirst())) {
                case INT -> cb.aload(s).iconst_0().laload().l2i().ireturn();
                case LONG -> cb.aload(s).iconst_0().laload().lreturn();
                case REF -> cb.aload(r).iconst_0().aaload().areturn();
                case V128 -> throw new AssertionError();
            }
            return;
        }
        int n = JvmType.slots(results);
        cb.loadConstant(n).anewarray(ConstantDescs.CD_Object);
        int at = 0;
        for (ValType t : results) {
            for (int k = 0; k < t.slots(); k++, at++) {
                cb.dup().loadConstant(at);
                if (t.isRef()) {
                    cb.aload(r).loadConstant(at).aaload();
                } else {
                    cb.aload(s).loadConstant(at).laload();
                    cb.invokestatic(Descs.LONG, "valueOf", Descs.method("(J)Ljava/lang/Long;"));
                }
                cb.aastore();
            }
        }
        cb.areturn();
    }

    /**
     * {@code a<f>(inst, s, r, base)}: arguments from slots, the call of {@code target}, results to slots; a
     * loop entry's target also gets the slots themselves.
     */
    private void adapter(ClassBuilder clb, int f, String target, MethodTypeDesc targetType, boolean withFrame) {
        FuncType t = module.valid.functionType(f).funcType();
        MethodTypeDesc desc = Descs.method("(Ldev/wasm4j/exec/ModuleInstance;[J[Ljava/lang/Object;I)V");
        clb.withMethodBody("a" + f, desc, ClassFile.ACC_STATIC | ClassFile.ACC_PRIVATE, cb -> {
            int at = 0;
            for (ValType p : t.params()) {
                switch (JvmType.of(p)) {
                    case INT -> slotAt(cb, at).laload().l2i();
                    case LONG -> slotAt(cb, at).laload();
                    case V128 -> {
                        slotAt(cb, at).laload();
                        slotAt(cb, at + 1).laload();
                    }
                    case REF -> cb.aload(2).iload(3).loadConstant(at).iadd().aaload();
                }
                at += p.slots();
            }
            cb.aload(0);
            if (withFrame) {
                cb.aload(1).aload(2).iload(3);
            }
            cb.invokestatic(self(), target, targetType);
            List<ValType> results = t.results();
            if (module.tailCaller(f)) {
                // A pending tail call: the result is a placeholder and the caller runs the chain.
                Label store = cb.newLabel();
                Descs.call(cb, Descs.CALL_OPS, "tailPending", "()Z");
                cb.ifeq(store);
                if (!results.isEmpty()) {
                    if (!JvmType.packed(results) && JvmType.of(results.getFirst()) == JvmType.LONG) {
                        cb.pop2();
                    } else {
                        cb.pop();
                    }
                }
                cb.return_();
                cb.labelBinding(store);
            }
            storeResults(cb, results);
            cb.return_();
        });
    }

    private static CodeBuilder slotAt(CodeBuilder cb, int at) {
        return cb.aload(1).iload(3).loadConstant(at).iadd();
    }

    /** Stores the call's result(s) on the stack into the slot arrays at the base. */
    private void storeResults(CodeBuilder cb, List<ValType> results) {
        if (results.isEmpty()) {
            return;
        }
        if (JvmType.packed(results)) {
            cb.aload(1).aload(2).iload(3);
            Descs.call(cb, Descs.CALL_OPS, "unpack", "([Ljava/lang/Object;[J[Ljava/lang/Object;I)V");
            return;
        }
        switch (JvmType.of(results.getFirst())) {
            case INT -> {
                cb.i2l();
                storeLong(cb);
            }
            case LONG -> storeLong(cb);
            case REF -> cb.aload(2).swap().iload(3).swap().aastore();
            case V128 -> throw new AssertionError();
        }
    }

    /** {@code s[base] = <long on top>}. */
    private static void storeLong(CodeBuilder cb) {
        cb.aload(1).dup_x2().pop().iload(3).dup_x2().pop().lastore();
    }

    private void invoker(ClassBuilder clb) {
        MethodTypeDesc desc = Descs.method("(ILdev/wasm4j/exec/ModuleInstance;[J[Ljava/lang/Object;I)V");
        clb.withMethodBody("invoke", desc, ClassFile.ACC_PUBLIC, cb -> {
            Label fail = cb.newLabel();
            List<SwitchCase> cases = new ArrayList<>();
            List<Label> labels = new ArrayList<>();
            for (int f = first; f < end; f++) {
                Label l = cb.newLabel();
                labels.add(l);
                cases.add(SwitchCase.of(f, l));
            }
            cb.iload(1);
            cb.tableswitch(first, end - 1, fail, cases);
            for (int f = first; f < end; f++) {
                cb.labelBinding(labels.get(f - first));
                cb.aload(2).aload(3).aload(4).iload(5);
                cb.invokestatic(self(), "a" + f,
                        Descs.method("(Ldev/wasm4j/exec/ModuleInstance;[J[Ljava/lang/Object;I)V"));
                cb.return_();
            }
            cb.labelBinding(fail);
            cb.new_(ClassDesc.of("java.lang.IllegalArgumentException")).dup()
                    .invokespecial(ClassDesc.of("java.lang.IllegalArgumentException"), ConstantDescs.INIT_NAME,
                            ConstantDescs.MTD_void)
                    .athrow();
        });
    }

    /**
     * {@code d<n>(args..., FunctionInstance fn, ModuleInstance inst)}: a function of this instance is called
     * through the handle of its method ({@link CallOps#target}); any other, and one left to the interpreter,
     * goes through {@link CallOps#call} with slots.
     */
    private void dispatcher(ClassBuilder clb, Dispatcher d) {
        FuncType t = d.type();
        MethodTypeDesc desc = dispatcherType(t);
        clb.withMethodBody(d.name(), desc, ClassFile.ACC_STATIC | ClassFile.ACC_PRIVATE, cb -> {
            int fnLocal = 0;
            for (ValType p : t.params()) {
                fnLocal += JvmType.of(p).jvmSlots();
            }
            int instLocal = fnLocal + 1;
            Label generic = cb.newLabel();
            List<Integer> funcs = d.funcs();
            if (!funcs.isEmpty()) {
                // a function of this instance: its method, through its handle
                int handle = cb.allocateLocal(TypeKind.REFERENCE);
                cb.aload(fnLocal).aload(instLocal).loadConstant(constant("L", LINKAGE));
                Descs.call(cb, Descs.CALL_OPS, "target", "(Ldev/wasm4j/exec/FunctionInstance;"
                        + "Ldev/wasm4j/exec/ModuleInstance;Ldev/wasm4j/compiler/Linkage;)"
                        + "Ljava/lang/invoke/MethodHandle;");
                cb.dup().astore(handle).ifnull(generic);
                cb.aload(handle);
                int local = 0;
                for (ValType p : t.params()) {
                    JvmType jt = JvmType.of(p);
                    switch (jt) {
                        case INT -> cb.iload(local);
                        case LONG -> cb.lload(local);
                        case V128 -> cb.lload(local).lload(local + 2);
                        case REF -> cb.aload(local);
                    }
                    local += jt.jvmSlots();
                }
                cb.aload(instLocal);
                cb.invokevirtual(ConstantDescs.CD_MethodHandle, "invokeExact", JvmType.methodType(t));
                if (reachesTailCaller(t)) {
                    resolveInDispatcher(cb, t.results());
                }
                cb.return_(TypeKind.from(desc.returnType()));
            }
            cb.labelBinding(generic);
            int size = Math.max(1, Math.max(JvmType.slots(t.params()), JvmType.slots(t.results())));
            int s = cb.allocateLocal(TypeKind.REFERENCE);
            int r = cb.allocateLocal(TypeKind.REFERENCE);
            paramsToSlots(cb, t.params(), 0, size, s, r);
            cb.aload(fnLocal).aload(s).aload(r).aload(instLocal);
            Descs.call(cb, Descs.CALL_OPS, "call",
                    "(Ldev/wasm4j/exec/FunctionInstance;[J[Ljava/lang/Object;Ldev/wasm4j/exec/ModuleInstance;)V");
            returnFromSlots(cb, t.results(), s, r);
        });
    }

    /** The functions of other classes that this class calls through a trampoline (see below), in order. */
    private final java.util.Set<Integer> trampolined = new java.util.LinkedHashSet<>();

    /** Calls function {@code func} of another class through this class's trampoline to it. */
    private void emitTrampolineCall(CodeBuilder cb, int func) {
        cb.invokestatic(self(), trampolineName(func), methodType(func));
        trampolined.add(func);
    }

    /** The trampolines the class's methods call, last. */
    private void trampolines(ClassBuilder clb) {
        for (int f : trampolined) {
            trampoline(clb, f);
        }
    }

    private static String trampolineName(int func) {
        return "t" + func;
    }

    /**
     * A loop entry's way to a function of another class: a method of its own holding the cross-class call (an
     * {@code invokedynamic}, linked when first run). Were that call in the loop itself, a call site first
     * reached after C2 compiled the entry would be one C2 could not compile (not linked yet): an uncommon trap
     * that sent the running loop back to HotSpot's interpreter (the sieve's {@code main}: 2.8 against 2.2 s).
     * A method never run is not inlined, so C2 calls it instead, and inlines it once it has run.
     */
    private void trampoline(ClassBuilder clb, int f) {
        MethodTypeDesc desc = methodType(f);
        clb.withMethodBody(trampolineName(f), desc, ClassFile.ACC_STATIC | ClassFile.ACC_PRIVATE, cb -> {
            int slot = 0;
            for (java.lang.constant.ClassDesc p : desc.parameterList()) {
                TypeKind k = TypeKind.from(p);
                cb.loadLocal(k, slot);
                slot += k.slotSize();
            }
            emitCrossClassCall(cb, f);
            cb.return_(TypeKind.from(desc.returnType()));
        });
    }

    /** In a dispatcher: if the callee left a tail call pending, run it and return its results instead. */
    private static void resolveInDispatcher(CodeBuilder cb, List<ValType> results) {
        Label done = cb.newLabel();
        Descs.call(cb, Descs.CALL_OPS, "tailPending", "()Z");
        cb.ifeq(done);
        if (!results.isEmpty()) {
            if (JvmType.packed(results) || JvmType.of(results.getFirst()) != JvmType.LONG) {
                cb.pop();
            } else {
                cb.pop2();
            }
        }
        Descs.call(cb, Descs.CALL_OPS, "finishTailCallsPacked", "()[Ljava/lang/Object;");
        if (results.isEmpty()) {
            cb.pop();
        } else if (!JvmType.packed(results)) {
            cb.iconst_0().aaload();
            switch (JvmType.of(results.getFirst())) {
                case INT -> cb.checkcast(Descs.LONG)
                        .invokevirtual(Descs.LONG, "longValue", Descs.method("()J")).l2i();
                case LONG -> cb.checkcast(Descs.LONG)
                        .invokevirtual(Descs.LONG, "longValue", Descs.method("()J"));
                default -> { }
            }
        }
        cb.labelBinding(done);
    }
}
