package dev.wasm4j.compiler;

import dev.wasm4j.model.Expr;
import dev.wasm4j.model.Module;
import dev.wasm4j.valid.ValidModule;

import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.constant.MethodTypeDesc;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compiles a validated module into classes ({@link ChunkCompiler} builds each; a module gets several only when
 * it is large): named classes of a loader of the module's own when they are made on demand
 * ({@link NamedClassLoader}), a class jar's ({@link #compileNamed}), or hidden classes. A function that
 * cannot be compiled (it uses an instruction only the interpreter runs, or its method would exceed the JVM's
 * limits) gets a stub that calls the interpreter, so callers never need to know. The result is shared by
 * every instance of the module.
 */
public final class ModuleCompiler {
    /** Most functions per generated class. */
    static final int CHUNK_FUNCTIONS = 1000;
    /** Most body bytes per generated class, to stay well inside the constant pool limit. */
    static final int CHUNK_BYTES = 512 * 1024;
    /**
     * A body whose bytes times this are under the method budget is never split: no Wasm instruction
     * takes more than this many bytes of bytecode on average over a function.
     */
    static final int SMALL_BODY_FACTOR = 12;

    private static final Pattern LIMIT_METHOD = Pattern.compile("in f(\\d+)\\(");
    private static final Pattern VERIFY_METHOD = Pattern.compile("CompiledWasm[^.]*\\.f(\\d+)\\(");

    final ValidModule valid;
    final Linkage linkage;
    private final FuncInfo[] infos;
    /**
     * The functions left to the interpreter, and why, by index. Concurrent: a range generated on demand may add
     * to it on one thread while calls ({@link Linkage}) and reports ({@link CompiledModule#interpreted}) read
     * it on others, without this compiler's lock.
     */
    private final Map<Integer, String> interpreted = new java.util.concurrent.ConcurrentSkipListMap<>();
    /** Functions compiled compact: those whose inline methods came out too large for the JVM. */
    private final BitSet compact = new BitSet();
    /** The size limit of generated methods. */
    private final SplitPlan.Budget budget = SplitPlan.Budget.configured();
    /**
     * Functions whose generated methods came out over {@link #HUGE_METHOD} bytes, with how many times: each
     * time halves their budget (the estimate was too low for them).
     */
    private final Map<Integer, Integer> tooLarge = new java.util.concurrent.ConcurrentHashMap<>();
    /**
     * HotSpot does not compile methods of more bytecode than this (HugeMethodLimit, unless the JVM runs with
     * -XX:-DontCompileHugeMethods): no generated method may be larger, or it would stay interpreted.
     */
    static final int HUGE_METHOD = 8000;

    private SplitPlan.Budget budgetOf(int func) {
        int halvings = tooLarge.getOrDefault(func, 0);
        if (halvings == 0 || budget.forced()) {
            return budget;
        }
        return new SplitPlan.Budget(Math.max(budget.methodBytes() >> halvings, 200),
                Math.max(budget.hardBytes() >> halvings, 200), Math.max(budget.loopBytes() >> halvings, 200),
                budget.minRegionBytes(), budget.wholeBytes() >> halvings);
    }

    /**
     * The functions of a built class with a method over {@link #HUGE_METHOD} bytes (their own method or a
     * region's), noted so that they get half the budget; true if there were any.
     */
    private boolean noteHugeMethods(byte[] bytes) {
        boolean any = false;
        for (java.lang.classfile.MethodModel m : ClassFile.of().parse(bytes).methods()) {
            int size = m.code().map(c -> ((java.lang.classfile.attribute.CodeAttribute) c).codeLength()).orElse(0);
            Matcher name = GENERATED_METHOD.matcher(m.methodName().stringValue());
            if (size > HUGE_METHOD && name.matches()) {
                int f = Integer.parseInt(name.group(1));
                if (tooLarge.merge(f, 1, Integer::sum) <= 4) {
                    any = true;
                }
            }
        }
        return any;
    }

    private static final Pattern GENERATED_METHOD = Pattern.compile("[fo](\\d+)(\\$r\\d+)?");

    /** Functions cut into several methods, with the number of regions. */
    private final Map<Integer, Integer> splits = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, List<Integer>> refFunctions = new LinkedHashMap<>();
    /** With {@code -Dwasm4j.compiler.strict=true} a function that fails to compile is an error, not a fallback. */
    static final boolean STRICT = Boolean.getBoolean("wasm4j.compiler.strict");
    /** With {@code -Dwasm4j.compiler.verbose=true} every function left to the interpreter is reported on stderr. */
    static final boolean VERBOSE = Boolean.getBoolean("wasm4j.compiler.verbose");

    /** With {@code -Dwasm4j.compiler.dump=DIR} every generated class is also written to DIR (for javap). */
    static final String DUMP = System.getProperty("wasm4j.compiler.dump");

    /** Writes a generated class to {@link #DUMP} as {@code name.class}, when dumping. */
    static void dump(String name, byte[] bytes) {
        if (DUMP == null) {
            return;
        }
        try {
            java.nio.file.Files.createDirectories(java.nio.file.Path.of(DUMP));
            java.nio.file.Files.write(java.nio.file.Path.of(DUMP, name + ".class"), bytes);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The function whose code is being generated, to attribute a failure. */
    int current = -1;

    /** Whether the code charges fuel at function entries and loop heads (see {@link InterruptEmitter}). */
    final boolean metered;

    private ModuleCompiler(ValidModule valid) {
        this(valid, false);
    }

    private ModuleCompiler(ValidModule valid, boolean metered) {
        this.valid = valid;
        this.metered = metered;
        Module m = valid.module();
        this.linkage = new Linkage(this, m.functionCount());
        this.funcDescs = new MethodTypeDesc[m.functionCount()];
        // Each function's scan is made when its code is first generated (info): under auto, the compiled code
        // is installed as soon as this returns, and a scan of every body in a JVM still warming up kept the
        // program in the interpreter some 90 ms longer (docs/performance.md).
        this.infos = new FuncInfo[m.functionCount()];
    }

    /** Compiles every defined function of {@code valid}. */
    public static CompiledModule compile(ValidModule valid) {
        return new ModuleCompiler(valid).run();
    }

    /**
     * Compiles every defined function of {@code valid}; with {@code metered}, the code draws on its instance's
     * fuel ({@code ModuleInstance.fuel}, which must be set) at every function entry and loop iteration.
     */
    public static CompiledModule compile(ValidModule valid, boolean metered) {
        return new ModuleCompiler(valid, metered).run();
    }

    /** Functions cut into several methods so far, with their number of regions. */
    Map<Integer, Integer> splits() {
        return java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(splits));
    }

    /** What a scan of function {@code func}'s body says, made on first use (a race scans twice, alike). */
    FuncInfo info(int func) {
        FuncInfo info = infos[func];
        if (info == null) {
            info = FuncInfo.scan(func, body(func));
            infos[func] = info;
        }
        return info;
    }

    /** Functions scanned so far (for tests). */
    int scanned() {
        int n = 0;
        for (FuncInfo info : infos) {
            n += info != null ? 1 : 0;
        }
        return n;
    }

    private Expr body(int func) {
        return valid.module().functions().get(func - valid.module().importedFunctionCount()).body();
    }

    /** The size of defined function {@code func}'s body in the binary format, known without a scan. */
    private int bodyBytes(int func) {
        return body(func).length();
    }

    boolean interpreted(int func) {
        return interpreted.containsKey(func);
    }

    boolean compact(int func) {
        return !INLINE_MEMORY || compact.get(func);
    }

    /** Whether every memory access of {@code func} is spelled out inline (see {@link FunctionCompiler#inlineAccess}). */
    boolean inlinesAllAccesses(int func) {
        return !compact(func) || bodyBytes(func) <= INLINE_ALL_BODY_BYTES;
    }

    /**
     * Memory accesses are calls of small {@link MemOps} helpers, which C2 inlines into methods of the budget's
     * size: the bytecode is a sixth of the inline form, so HotSpot compiles and warms up that much faster,
     * and the helpers are hot and compiled early. {@code -Dwasm4j.compiler.inlineMemory=true} spells every
     * access out instead (see docs/performance.md for the comparison).
     */
    static final boolean INLINE_MEMORY = Boolean.getBoolean("wasm4j.compiler.inlineMemory");
    /**
     * Functions up to this many bytes of body have every memory access inline (see {@link
     * FunctionCompiler#inlineAccess}). Through {@code Unsafe} ({@link FastAccess#UNSAFE}) none do: a helper is
     * then a few bytes that C2 inlines as well as inline code (the kernels' steady state within a few percent
     * either way), and the whole programs' first runs were up to a fifth shorter with less bytecode to
     * interpret and compile (docs/performance.md). Through the segment, a helper's access is a chain of some
     * twenty JDK methods, and in a function with many accesses C2 stops inlining them (its node count cutoff),
     * so functions of up to 2 KiB (the hot functions of the C kernels are 0.4-1.9 KiB) keep the inline form.
     */
    static final int INLINE_ALL_BODY_BYTES = Integer.getInteger("wasm4j.compiler.inlineAllBytes",
            FastAccess.UNSAFE != null ? 0 : 2048);

    /**
     * How function {@code func} is cut into methods ({@link SplitPlan}); {@code pinnedLoop} is the loop a
     * loop entry starts at, or -1, and {@code busyLoops} the loops the interpreter found busy (a loop entry's;
     * see {@link dev.wasm4j.exec.LoopTier}). A body small enough to fit the budget in any case is not analysed.
     */
    SplitPlan plan(int func, int pinnedLoop, java.util.BitSet busyLoops) {
        SplitPlan.Budget b = budgetOf(func);
        if (!b.forced() && pinnedLoop < 0 && bodyBytes(func) * SMALL_BODY_FACTOR < b.methodBytes()) {
            return SplitPlan.none();
        }
        FunctionShape shape = FunctionShape.of(valid.walkFunction(func), inlinesAllAccesses(func));
        SplitPlan plan = SplitPlan.of(shape, b, pinnedLoop, busyLoops, info(func).usesScratch());
        if (plan.split() && pinnedLoop < 0) {
            splits.put(func, plan.regions.size()); // the report counts functions, not loop entries
        }
        if (plan.split() && VERBOSE) {
            System.err.println("wasm4j compiler: func " + func + (pinnedLoop < 0 ? "" : " entered at loop " + pinnedLoop)
                    + " (" + shape.size + " bytes estimated) split into " + plan.regions.size() + " regions, frame "
                    + plan.frameSlots + "+" + plan.frameRefs);
            for (SplitPlan.Region r : plan.regions) {
                System.err.println("  r" + r.id() + " [" + r.start() + "," + r.end() + ") level " + r.level()
                        + " parent " + (r.parent() == null ? "-" : "r" + r.parent().id()) + " touched "
                        + r.touched().cardinality() + " writes " + r.writes().cardinality() + " exits "
                        + java.util.Arrays.toString(r.exits()));
            }
        }
        return plan;
    }

    boolean tailCaller(int func) {
        return !interpreted(func) && info(func).tailCaller();
    }

    /** Defined functions that can become references (C.refs), whose JVM signature has this key (see {@link ChunkCompiler#key}). */
    List<Integer> refFunctions(String key) {
        return refFunctions.computeIfAbsent(key, k -> {
            List<Integer> out = new ArrayList<>();
            for (int f = valid.module().importedFunctionCount(); f < valid.module().functionCount(); f++) {
                if (valid.declaredRef(f) && ChunkCompiler.key(valid.functionType(f).funcType()).equals(k)) {
                    out.add(f);
                }
            }
            return out;
        });
    }

    /**
     * Code that continues a call of {@code func} at the head of its {@code loop}-th loop (see
     * {@link dev.wasm4j.exec.LoopTier}), or null where that is not possible: a function left to the
     * interpreter or making tail calls, a loop with operands under it or inside a handler, a failure.
     */
    synchronized CompiledModule.Entry loopEntry(int func, int loop, java.util.BitSet busyLoops) {
        if (func < valid.module().importedFunctionCount() || interpreted(func) || tailCaller(func)) {
            if (VERBOSE) {
                System.err.println("wasm4j compiler: func " + func + " loop " + loop + " no entry: "
                        + (interpreted(func) ? "interpreted" : "tail calls"));
            }
            return null;
        }
        ChunkCompiler chunk = new ChunkCompiler(this, 1, func, func + 1);
        try {
            byte[] bytes = chunk.buildLoopEntry(classFile(), loop, busyLoops);
            dump("LoopEntry" + func + "_" + loop, bytes);
            MethodHandles.Lookup hidden = MethodHandles.lookup().defineHiddenClassWithClassData(bytes,
                    List.copyOf(chunk.classData), true);
            ChunkInvoker invoker = (ChunkInvoker) hidden.findConstructor(hidden.lookupClass(),
                    MethodType.methodType(void.class)).invoke();
            if (VERBOSE) {
                System.err.println("wasm4j compiler: func " + func + " loop " + loop + " entry compiled");
            }
            return new CompiledModule.Entry(invoker, func, valid.functionType(func).funcType(), f -> false);
        } catch (Throwable e) {
            if (VERBOSE) {
                System.err.println("wasm4j compiler: func " + func + " loop " + loop + " no entry: " + e);
            }
            if (STRICT && !(e instanceof UnsupportedOperationException)) {
                throw new IllegalStateException("loop entry " + loop + " of function " + func, e);
            }
            return null;
        }
    }

    /** This compiler's class-file builder (made once: compiling on demand builds many classes). */
    ClassFile classFile() {
        if (classFile == null) {
            classFile = Verification.forGenerated(newClassFile());
        }
        return classFile;
    }

    /** The class-file API's options for generated classes, with stack maps (see {@link Verification}). */
    static ClassFile newClassFile() {
        return ClassFile.of(ClassFile.ClassHierarchyResolverOption.of(
                ClassHierarchyResolver.defaultResolver().orElse(
                        ClassHierarchyResolver.ofClassLoading(ModuleCompiler.class.getClassLoader()))));
    }

    /** Defines the classes of an image made earlier for the same module (no code generation). */
    public static CompiledModule load(ValidModule valid, CodeImage image) {
        ModuleCompiler mc = new ModuleCompiler(valid);
        mc.interpreted.clear();
        mc.interpreted.putAll(image.interpreted());
        mc.linkage.onDemand = mc;   // for the shared dispatchers its classes call (see #dispatcher)
        List<MethodHandles.Lookup> classes = new ArrayList<>();
        for (CodeImage.Chunk c : image.chunks()) {
            List<Object> data = new ArrayList<>();
            for (String spec : c.specs()) {
                data.add(ChunkCompiler.resolve(valid, mc.linkage, spec));
            }
            try {
                classes.add(MethodHandles.lookup().defineHiddenClassWithClassData(c.bytes(), List.copyOf(data), true));
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        return mc.link(image, classes);
    }

    /** Consecutive ranges of the defined functions, each with at most {@code maxFunctions} and about {@code maxBytes} of body. */
    private List<int[]> ranges(int maxFunctions, int maxBytes) {
        Module m = valid.module();
        int imported = m.importedFunctionCount();
        int total = m.functionCount();
        List<int[]> ranges = new ArrayList<>();
        int start = imported;
        int bytes = 0;
        for (int f = imported; f < total; f++) {
            int b = bodyBytes(f);
            if (f > start && (f - start >= maxFunctions || bytes + b > maxBytes)) {
                ranges.add(new int[] {start, f});
                start = f;
                bytes = 0;
            }
            bytes += b;
        }
        if (start < total) {
            ranges.add(new int[] {start, total});
        }
        return ranges;
    }

    private CompiledModule run() {
        List<int[]> ranges = ranges(CHUNK_FUNCTIONS, CHUNK_BYTES);
        ClassFile cf = classFile();
        List<MethodHandles.Lookup> classes = new ArrayList<>();
        List<CodeImage.Chunk> chunks = new ArrayList<>();
        for (int[] range : ranges) {
            classes.add(define(cf, MethodHandles.lookup(), range[0], range[1], ranges.size(), chunks));
        }
        return link(new CodeImage(List.copyOf(chunks), new LinkedHashMap<>(interpreted)), classes);
    }

    /** Instantiates each class's invoker and fills the linkage with every function's method. */
    private CompiledModule link(CodeImage image, List<MethodHandles.Lookup> classes) {
        ChunkInvoker[] invokers = new ChunkInvoker[valid.module().functionCount()];
        for (int i = 0; i < classes.size(); i++) {
            CodeImage.Chunk c = image.chunks().get(i);
            ChunkInvoker invoker = link(classes.get(i), c.first(), c.end());
            for (int f = c.first(); f < c.end(); f++) {
                invokers[f] = invoker;
            }
        }
        if (VERBOSE) {
            interpreted.forEach((f, why) -> System.err.println("wasm4j compiler: func " + f + " interpreted: " + why));
        }
        return new CompiledModule(this, invokers, interpreted, this::tailCaller, image);
    }

    /** Instantiates a class's invoker and sets the linkage of its functions {@code [first, end)}. */
    private ChunkInvoker link(MethodHandles.Lookup hidden, int first, int end) {
        ChunkInvoker invoker;
        try {
            invoker = (ChunkInvoker) hidden.findConstructor(hidden.lookupClass(), MethodType.methodType(void.class))
                    .invoke();
        } catch (Throwable e) {
            throw new IllegalStateException("cannot instantiate generated class", e);
        }
        for (int f = first; f < end; f++) {
            linkage.classes[f] = hidden;
        }
        return invoker;
    }

    /** The JVM method type of defined function {@code func}'s method, made once per function. */
    MethodTypeDesc funcDesc(int func) {
        MethodTypeDesc d = funcDescs[func];
        if (d == null) {
            d = JvmType.methodType(valid.functionType(func).funcType());
            funcDescs[func] = d;    // immutable: a race makes an equal one
        }
        return d;
    }

    private final MethodTypeDesc[] funcDescs;

    // ------------------------------------------------------------------------------- compiling on demand

    /**
     * Code for running {@code valid}: like {@link #compile(ValidModule, boolean)}, but the class of a range of
     * functions (about {@link #ON_DEMAND_CHUNK_BYTES} of Wasm body) is generated when one of them is first
     * called. Code runs compiled as soon as its own range is ready instead of after the whole module (seconds
     * for SQLite), and ranges a run never reaches are never generated (interpreters call under half of their
     * functions). The classes are named ones of a class loader of the module's own ({@link NamedClassLoader}),
     * which call each other with {@code invokestatic}; metered code, and every class with
     * {@code -Dwasm4j.compiler.namedClasses=false}, is hidden classes instead, which link such calls with
     * {@code invokedynamic}. {@link CompiledModule#image} generates the rest. {@code -Dwasm4j.compiler.eager=true}
     * generates every class up front instead; {@code -Dwasm4j.compiler.named=true} (the spec suite's class-jar
     * mode) compiles the module to the named classes of a class jar and defines them at once.
     */
    public static CompiledModule compileOnDemand(ValidModule valid, boolean metered) {
        return compileOnDemand(valid, metered, null);
    }

    /**
     * {@link #compileOnDemand(ValidModule, boolean)}, naming the classes as those of {@code jarModule}'s class
     * jar (the module's bytes, or null) and giving them stack maps, so that {@link CompiledModule#classJar}
     * makes the jar from them and generates only the classes the run did not (the code cache fills so).
     */
    public static CompiledModule compileOnDemand(ValidModule valid, boolean metered, byte[] jarModule) {
        if (Boolean.getBoolean("wasm4j.compiler.eager")) {
            return compile(valid, metered);
        }
        if (Boolean.getBoolean("wasm4j.compiler.named") && !metered) {
            // The test mode of class jars: every module's named classes, made and defined here at once, under
            // a digest of its own (they stay loaded as long as the JVM runs).
            byte[] id = ("named-" + NAMED_MODULES.incrementAndGet()).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            CompiledModule named = loadNamed(valid, compileNamed(valid, id));
            if (named == null) {
                throw new IllegalStateException("the named classes of a class jar could not be loaded");
            }
            return named;
        }
        boolean named = !metered && !"false".equals(System.getProperty("wasm4j.compiler.namedClasses"));
        return new ModuleCompiler(valid, metered).prepareOnDemand(named, named ? jarModule : null);
    }

    /**
     * Most Wasm body bytes per class generated on demand: small enough that a call compiles little besides
     * its function, large enough that related functions (neighbours in the module) share a class.
     */
    static final int ON_DEMAND_CHUNK_BYTES = Integer.getInteger("wasm4j.compiler.chunkBytes", 16 * 1024);
    /** Modules compiled to named classes by the test mode {@code -Dwasm4j.compiler.named=true}. */
    private static final java.util.concurrent.atomic.AtomicLong NAMED_MODULES =
            new java.util.concurrent.atomic.AtomicLong();

    /** Most functions per class generated on demand. */
    static final int ON_DEMAND_CHUNK_FUNCTIONS = Integer.getInteger("wasm4j.compiler.chunkFunctions", 64);

    /** Each defined function's chunk, when compiling on demand. */
    private OnDemandChunk[] onDemand;
    /** The classes generated on demand so far. */
    private final List<CodeImage.Chunk> definedChunks = new ArrayList<>();
    /** The class-file builder of this compiler's classes, made on first use (see {@link #classFile()}). */
    private ClassFile classFile;

    private CompiledModule prepareOnDemand(boolean named, byte[] jarModule) {
        ChunkInvoker[] invokers = new ChunkInvoker[valid.module().functionCount()];
        onDemand = new OnDemandChunk[invokers.length];
        List<int[]> ranges = ranges(ON_DEMAND_CHUNK_FUNCTIONS, ON_DEMAND_CHUNK_BYTES);
        if (named) {
            // A prefix of the module's own: classes of the same name in another loader are other classes.
            name(jarModule != null ? ClassJar.prefix(jarModule)
                    : "dev.wasm4j.compiler.Wd" + NAMED_MODULES.incrementAndGet(), ranges);
            namedLoader = new NamedClassLoader(this, namedPrefix, ranges, jarModule);
        }
        for (int i = 0; i < ranges.size(); i++) {
            int[] range = ranges.get(i);
            OnDemandChunk chunk = new OnDemandChunk(this, i, range[0], range[1]);
            for (int f = range[0]; f < range[1]; f++) {
                onDemand[f] = chunk;
                invokers[f] = chunk;
            }
        }
        linkage.onDemand = this;
        return new CompiledModule(this, invokers, interpreted, this::tailCaller, null);
    }

    /** The loader of this compiler's named classes when it makes them on demand, else null. */
    private NamedClassLoader namedLoader;

    /**
     * The class jar of {@code module} (its bytes) made of this compiler's named classes, generating those no
     * call has generated yet; null unless they were named for that module's jar ({@link #compileOnDemand(
     * ValidModule, boolean, byte[])}), or when none was generated: {@link #compileNamed} then builds the whole
     * jar, on one thread per core.
     */
    synchronized ClassJar classJar(byte[] module) {
        List<ClassJar.Named> classes = namedLoader != null ? namedLoader.jarClasses(module) : null;
        return classes == null ? null : new ClassJar(module, namedPrefix, ClassJar.thisBuild(), classes,
                new java.util.TreeMap<>(interpreted));
    }

    /**
     * A CodeImage of hidden classes of the module, its functions in the ranges of classes made on demand. The
     * classes are generated with stack maps from the start, for any JVM to load, even where this one does not
     * verify (instead of without them and then again with them, {@link #withStackMaps}).
     */
    static CodeImage hiddenImage(ValidModule valid, boolean metered) {
        ModuleCompiler mc = new ModuleCompiler(valid, metered);
        mc.classFile = newClassFile();
        mc.prepareOnDemand(false, null);
        return mc.completeImage();
    }

    /** Whether this compiler generates named classes on demand ({@link NamedClassLoader}). */
    boolean namedOnDemand() {
        return namedLoader != null;
    }

    /**
     * Named class {@code ordinal}, functions {@code [first, end)} of {@code classes}, generated with {@code cf}
     * (for {@link NamedClassLoader}, holding this compiler's lock). A range that fails to generate gets
     * interpreter stubs instead (unless the compiler is strict, as in the tests): a class the loader could not
     * give would fail every call site that names it, for good.
     */
    byte[] buildNamed(ClassFile cf, int ordinal, int first, int end, int classes) {
        assert Thread.holdsLock(this);
        try {
            return build(cf, first, end, classes, namedDesc(ordinal)).bytes;
        } catch (RuntimeException e) {
            if (STRICT) {
                throw e;
            }
            for (int f = first; f < end; f++) {
                interpreted.putIfAbsent(f, "not compiled: " + e);
            }
            return build(cf, first, end, classes, namedDesc(ordinal)).bytes;
        }
    }

    /** Generates and defines {@code chunk}'s class unless that is done; its invoker. */
    ChunkInvoker define(OnDemandChunk chunk) {
        return namedLoader != null ? defineNamed(chunk) : defineHidden(chunk);
    }

    /**
     * {@link #define} of a named class: loaded through the module's loader, which generates it unless the JVM
     * has had it generated already, resolving a call from another class. The loader is asked before this
     * compiler is locked, as the JVM asks it (the class's lock, then the compiler's in {@link #buildNamed}).
     */
    private ChunkInvoker defineNamed(OnDemandChunk chunk) {
        ChunkInvoker invoker = chunk.defined;
        if (invoker != null) {
            return invoker;
        }
        Class<?> c = namedLoader.load(chunk.ordinal);
        synchronized (this) {
            invoker = chunk.defined;
            if (invoker == null) {
                try {
                    invoker = link(MethodHandles.privateLookupIn(c, MethodHandles.lookup()), chunk.first, chunk.end);
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
                chunk.defined = invoker;
            }
        }
        return invoker;
    }

    private synchronized ChunkInvoker defineHidden(OnDemandChunk chunk) {
        ChunkInvoker invoker = chunk.defined;
        if (invoker == null) {
            MethodHandles.Lookup hidden = define(classFile(), MethodHandles.lookup(), chunk.first, chunk.end,
                    onDemand.length, definedChunks);
            invoker = link(hidden, chunk.first, chunk.end);
            chunk.defined = invoker;
            if (VERBOSE) {
                System.err.println("wasm4j compiler: functions " + chunk.first + "-" + (chunk.end - 1) + " compiled on demand");
            }
        }
        return invoker;
    }

    /**
     * The method of defined function {@code func}, generating its class first if needed (on demand), looked
     * up in its class on the first call.
     */
    java.lang.invoke.MethodHandle handle(int func) {
        java.lang.invoke.MethodHandle h = linkage.handles[func];
        if (h != null) {
            return h;
        }
        MethodHandles.Lookup owner = linkage.classes[func];
        if (owner == null && onDemand != null && onDemand[func] != null) {
            define(onDemand[func]);
            owner = linkage.classes[func];
        }
        if (owner == null) {
            throw new IllegalStateException("function " + func + " is not linked");
        }
        try {
            h = owner.findStatic(owner.lookupClass(), ChunkCompiler.methodName(func),
                    funcDesc(func).resolveConstantDesc(owner));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot link function " + func, e);
        }
        linkage.handles[func] = h;    // a race looks up the same method twice
        return h;
    }

    /** The shared dispatchers generated so far, by signature key. */
    private final Map<String, java.lang.invoke.MethodHandle> dispatchers = new java.util.HashMap<>();

    /** Whether generated classes call the module's shared dispatchers (only when generating on demand). */
    boolean sharesDispatchers() {
        return onDemand != null && SHARED_DISPATCHERS;
    }

    /** {@code -Dwasm4j.compiler.sharedDispatchers=false} gives each class its own dispatchers (for comparison). */
    static final boolean SHARED_DISPATCHERS = !"false".equals(System.getProperty("wasm4j.compiler.sharedDispatchers"));

    /** The module's shared dispatcher of signature {@code key}, generating its class on first use. */
    synchronized java.lang.invoke.MethodHandle dispatcher(String key) {
        java.lang.invoke.MethodHandle h = dispatchers.get(key);
        if (h == null) {
            // A dispatcher depends only on the signature's JVM types (the key): any function type of the
            // module with that key serves; every call site's signature is one of the module's types.
            dev.wasm4j.model.FuncType t = null;
            for (int i = 0; t == null && i < valid.module().types().size(); i++) {
                if (valid.defType(i).isFunc() && ChunkCompiler.key(valid.defType(i).funcType()).equals(key)) {
                    t = valid.defType(i).funcType();
                }
            }
            ChunkCompiler chunk = new ChunkCompiler(this, 0, 0, 0);
            byte[] bytes = chunk.buildDispatcher(classFile(), t);
            try {
                MethodHandles.Lookup hidden = MethodHandles.lookup().defineHiddenClassWithClassData(bytes,
                        List.copyOf(chunk.classData), true);
                h = hidden.findStatic(hidden.lookupClass(), "d0",
                        chunk.dispatcherType(t).resolveConstantDesc(hidden));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot link the dispatcher of " + key, e);
            }
            dispatchers.put(key, h);
        }
        return h;
    }

    /** Every class of the module, generating those not generated yet (for a {@code .w4j} image). */
    synchronized CodeImage completeImage() {
        for (OnDemandChunk chunk : onDemand) {
            if (chunk != null) {
                define(chunk);
            }
        }
        return new CodeImage(List.copyOf(definedChunks), new LinkedHashMap<>(interpreted));
    }

    /**
     * {@code image} with stack maps in every class, for any JVM to load: where this JVM does not verify, its
     * classes were made without them ({@link Verification}) and are generated again, with the functions
     * left to the interpreter as they were.
     */
    synchronized CodeImage withStackMaps(CodeImage image) {
        if (!Verification.skipped()) {
            return image;
        }
        ClassFile withMaps = newClassFile();
        List<CodeImage.Chunk> chunks = new ArrayList<>();
        for (CodeImage.Chunk c : image.chunks()) {
            ChunkCompiler chunk = new ChunkCompiler(this, image.chunks().size(), c.first(), c.end());
            chunks.add(new CodeImage.Chunk(c.first(), c.end(), chunk.build(withMaps), List.copyOf(chunk.specs)));
        }
        return new CodeImage(List.copyOf(chunks), image.interpreted());
    }

    /** Number of generated classes so far, and of the functions in them. */
    synchronized int[] generated() {
        if (onDemand == null) {
            return null;
        }
        if (namedLoader != null) {
            return namedLoader.generated();
        }
        int functions = 0;
        for (CodeImage.Chunk c : definedChunks) {
            functions += c.end() - c.first();
        }
        return new int[] {definedChunks.size(), functions};
    }

    // ------------------------------------------------------------------------------------- class jars

    /** The name prefix of this compiler's named classes and the class of each defined function (class jars). */
    private String namedPrefix;
    private int[] namedChunk;

    /** Names the classes of {@code ranges} ({@link ClassJar#className}: the prefix and the range's ordinal). */
    private void name(String prefix, List<int[]> ranges) {
        namedPrefix = prefix;
        namedChunk = new int[valid.module().functionCount()];
        for (int i = 0; i < ranges.size(); i++) {
            java.util.Arrays.fill(namedChunk, ranges.get(i)[0], ranges.get(i)[1], i);
        }
    }

    private java.lang.constant.ClassDesc namedDesc(int chunk) {
        return java.lang.constant.ClassDesc.of(ClassJar.className(namedPrefix, chunk));
    }

    /**
     * Where defined function {@code func}'s method is in this compiler's named classes, for a class jar's
     * inline caches ({@link JarForm}); null for an imported function or one left to the interpreter.
     */
    JarForm.Callee callee(int func) {
        if (namedChunk == null || func < valid.module().importedFunctionCount() || func >= namedChunk.length
                || interpreted(func)) {
            return null;
        }
        return new JarForm.Callee(namedClass(func), funcDesc(func));
    }

    /** Whether this compiler's classes are a class jar's, loaded by {@link #loadNamed}. */
    boolean fromClassJar() {
        return namedPrefix != null && onDemand == null;
    }

    /** The named class that holds defined function {@code func} (see {@link ChunkCompiler#named}). */
    java.lang.constant.ClassDesc namedClass(int func) {
        return namedDesc(namedChunk[func]);
    }

    /**
     * Compiles every defined function of {@code valid}, whose binary form is {@code module}, into named classes
     * for a {@link ClassJar}. They carry stack maps: the JVM verifies the classes it stores in an ahead-of-time
     * cache.
     */
    public static ClassJar compileNamed(ValidModule valid, byte[] module) {
        return compileNamed(valid, module, CHUNK_FUNCTIONS);
    }

    /** {@link #compileNamed(ValidModule, byte[])} with at most {@code maxFunctions} functions per class (tests). */
    static ClassJar compileNamed(ValidModule valid, byte[] module, int maxFunctions) {
        return compileNamed(valid, module, maxFunctions, JAR_THREADS);
    }

    /** {@link #compileNamed(ValidModule, byte[], int)} on at most {@code threads} threads. */
    static ClassJar compileNamed(ValidModule valid, byte[] module, int maxFunctions, int threads) {
        String prefix = ClassJar.prefix(module);
        List<int[]> ranges = new ModuleCompiler(valid).ranges(maxFunctions, JAR_CLASS_BYTES);
        byte[][] built = new byte[ranges.size()][];
        Map<Integer, String> interpreted = new java.util.TreeMap<>();
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        // Each worker has a compiler of its own (a compiler's state belongs to the function it is building) and
        // takes the next range until none is left. Classes do not depend on each other: a call names its callee's
        // class and method, which exist whether the callee compiled or got an interpreter stub.
        Runnable worker = () -> {
            ModuleCompiler mc = new ModuleCompiler(valid);
            mc.name(prefix, ranges);
            ClassFile cf = newClassFile();
            for (int i = next.getAndIncrement(); i < ranges.size(); i = next.getAndIncrement()) {
                built[i] = JarForm.of(
                        mc.build(cf, ranges.get(i)[0], ranges.get(i)[1], ranges.size(), mc.namedDesc(i)).bytes,
                        null, mc::callee);
            }
            synchronized (interpreted) {
                interpreted.putAll(mc.interpreted);
            }
        };
        runOnWorkers(worker, Math.min(ranges.size(), threads));
        List<ClassJar.Named> classes = new ArrayList<>();
        for (int i = 0; i < ranges.size(); i++) {
            classes.add(new ClassJar.Named(ClassJar.className(prefix, i), ranges.get(i)[0], ranges.get(i)[1], built[i]));
        }
        return new ClassJar(module, prefix, ClassJar.thisBuild(), List.copyOf(classes), interpreted);
    }

    /**
     * Most body bytes per class of a class jar: small enough that the classes of a large module are built by
     * several threads ({@link #JAR_THREADS}; the code cache builds them after the program, when the JIT no
     * longer needs the cores), large enough that a jar holds few classes (SQLite: 6).
     */
    static final int JAR_CLASS_BYTES = 128 * 1024;
    /** Threads that build a class jar's classes: one per core ({@code -Dwasm4j.compiler.jarThreads}). */
    static final int JAR_THREADS = Math.max(1, Integer.getInteger("wasm4j.compiler.jarThreads",
            Runtime.getRuntime().availableProcessors()));
    /** The stack of a worker: as deep as the launcher's main thread's, for deeply nested functions. */
    private static final long WORKER_STACK = 64L << 20;

    /** Runs {@code work} on {@code threads} threads, this one among them, and rethrows the first failure. */
    private static void runOnWorkers(Runnable work, int threads) {
        List<Thread> others = new ArrayList<>();
        Throwable[] failure = new Throwable[1];
        for (int t = 1; t < threads; t++) {
            Thread thread = new Thread(null, () -> {
                try {
                    work.run();
                } catch (Throwable e) {
                    synchronized (failure) {
                        if (failure[0] == null) {
                            failure[0] = e;
                        }
                    }
                }
            }, "wasm4j-jar-" + t, WORKER_STACK);
            thread.setDaemon(true);
            thread.start();
            others.add(thread);
        }
        Throwable own = null;
        try {
            work.run();
        } catch (Throwable e) {
            own = e;
        }
        for (Thread thread : others) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while building a class jar", e);
            }
        }
        Throwable first = own != null ? own : failure[0];
        if (first instanceof RuntimeException e) {
            throw e;
        }
        if (first instanceof Error e) {
            throw e;
        }
    }

    /**
     * The code of {@code jar}'s module from its named classes: found by name where the class path has them (the
     * launcher puts the jar there, so that the JDK's ahead-of-time cache can hold them), else defined from the
     * jar's bytes. Null when the jar was made by another build of wasm4j, or when this JVM's classes of that
     * name serve another copy of the module already (a named class exists once per class loader).
     */
    public static CompiledModule loadNamed(ValidModule valid, ClassJar jar) {
        if (!jar.current()) {
            return null;
        }
        ModuleCompiler mc = new ModuleCompiler(valid);
        if (!mc.linkage.claim(jar.prefix())) {
            return null;
        }
        mc.namedPrefix = jar.prefix();
        mc.linkage.onDemand = mc;   // for the shared dispatchers that classes made on demand call (see #dispatcher)
        mc.interpreted.clear();
        mc.interpreted.putAll(jar.interpreted());
        List<MethodHandles.Lookup> classes = new ArrayList<>();
        List<CodeImage.Chunk> chunks = new ArrayList<>();
        for (ClassJar.Named named : jar.classes()) {
            Class<?> c;
            try {
                c = Class.forName(named.name(), false, ModuleCompiler.class.getClassLoader());
            } catch (ClassNotFoundException notOnTheClassPath) {
                try {
                    c = MethodHandles.lookup().defineClass(named.bytes());
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
            try {
                classes.add(MethodHandles.privateLookupIn(c, MethodHandles.lookup()));
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
            chunks.add(new CodeImage.Chunk(named.first(), named.end(), named.bytes(), List.of()));
        }
        return mc.link(new CodeImage(List.copyOf(chunks), new LinkedHashMap<>(mc.interpreted)), classes);
    }

    /** Builds and defines one class, leaving to the interpreter the functions that fail, until it loads. */
    private MethodHandles.Lookup define(ClassFile cf, MethodHandles.Lookup lookup, int first, int end, int chunks,
                                        List<CodeImage.Chunk> image) {
        while (true) {
            Built built = build(cf, first, end, chunks, null);
            dump("CompiledWasm" + System.identityHashCode(built.chunk), built.bytes);
            try {
                MethodHandles.Lookup hidden = lookup.defineHiddenClassWithClassData(built.bytes,
                        List.copyOf(built.chunk.classData), true);
                image.add(new CodeImage.Chunk(first, end, built.bytes, List.copyOf(built.chunk.specs)));
                return hidden;
            } catch (VerifyError | ClassFormatError e) {
                Matcher mt = VERIFY_METHOD.matcher(String.valueOf(e.getMessage()));
                if (!mt.find() || interpreted(Integer.parseInt(mt.group(1))) || STRICT) {
                    throw e;
                }
                interpreted.put(Integer.parseInt(mt.group(1)), "rejected by the verifier: " + e.getMessage());
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** A class built, with the compiler that built it (its class data). */
    private record Built(ChunkCompiler chunk, byte[] bytes) {
    }

    /**
     * Builds the class of functions {@code [first, end)} (named {@code named}, or hidden when null), leaving to
     * the interpreter the functions whose methods the JVM would not take, until it builds.
     */
    private Built build(ClassFile cf, int first, int end, int chunks, java.lang.constant.ClassDesc named) {
        while (true) {
            ChunkCompiler chunk = new ChunkCompiler(this, chunks, first, end);
            chunk.named = named;
            current = -1;
            try {
                byte[] bytes = chunk.build(cf);
                if (noteHugeMethods(bytes)) {
                    continue;
                }
                return new Built(chunk, bytes);
            } catch (RuntimeException e) {
                // A method over the JVM's size limits is a legitimate fallback; anything else is a bug that
                // strict mode (the tests) reports.
                boolean tooLarge = String.valueOf(e.getMessage()).contains("outside the allowed range");
                Matcher limit = LIMIT_METHOD.matcher(String.valueOf(e.getMessage()));
                if (tooLarge && limit.find()) {
                    current = Integer.parseInt(limit.group(1));
                }
                // So is a function whose locals need more than the JVM's 65,535 local slots (i64, f64 and
                // v128 take two or four; Wasm allows 50,000 locals).
                boolean tooManyLocals = String.valueOf(e.getMessage()).startsWith("Invalid slot index");
                if (current < 0 || interpreted(current) || (STRICT && !tooLarge && !tooManyLocals)) {
                    throw e;
                }
                if (tooLarge && !compact(current)) {
                    compact.set(current);
                    continue;
                }
                interpreted.put(current, tooLarge ? "too large for a JVM method"
                        : tooManyLocals ? "too many locals for a JVM method" : "not compiled: " + e);
            }
        }
    }
}
