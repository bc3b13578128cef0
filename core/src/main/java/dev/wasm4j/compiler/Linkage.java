package dev.wasm4j.compiler;

import java.lang.invoke.CallSite;
import java.lang.invoke.ConstantCallSite;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Links the generated classes of one module to it. A hidden class cannot name another: each has this object
 * as class data element 0, and a direct call to a function of another class is an {@code invokedynamic} whose
 * bootstrap returns a constant call site to that function's method (when the module compiles on demand, the
 * bootstrap is where a function's class is generated on its first call from compiled code). Named classes
 * call each other with {@code invokestatic} and reach this object through their class loader ({@link
 * NamedClassLoader}) or, a class jar's, through the prefix it claimed; their constants, inline caches and
 * shared dispatchers are linked here too. The bootstraps are public: named classes made on demand belong to
 * another runtime package.
 */
public final class Linkage {
    private final ModuleCompiler compiler;
    /**
     * Each defined function's method, looked up in its class on first need (see {@link ModuleCompiler#handle}):
     * most functions are only ever called from their own class or through its invoker, and looking up every
     * method of a class when it was defined cost a large program thousands of method-handle lookups.
     */
    final MethodHandle[] handles;
    /** The class of each defined function, once generated or loaded. */
    final MethodHandles.Lookup[] classes;
    /** The module's compiler when its classes are generated on demand (or loaded with shared dispatchers), else null. */
    volatile ModuleCompiler onDemand;

    Linkage(ModuleCompiler compiler, int functions) {
        this.compiler = compiler;
        this.handles = new MethodHandle[functions];
        this.classes = new MethodHandles.Lookup[functions];
    }

    /**
     * The linkage of each class jar's classes defined in this JVM, by class-name prefix ({@link
     * ModuleCompiler#loadNamed}): a named class is defined once per class loader, so one module instance's
     * compiled code at a time owns a prefix.
     */
    private static final java.util.Map<String, Linkage> NAMED = new java.util.concurrent.ConcurrentHashMap<>();

    /** The method of defined function {@code func} for a dispatcher, or null if it has none (see {@link CallOps#target}). */
    java.lang.invoke.MethodHandle target(int func) {
        MethodHandle h = handles[func];
        return h != null ? h : link(func);
    }

    private MethodHandle link(int func) {
        if (compiler.interpreted(func)) {
            return null;
        }
        try {
            return compiler.handle(func);
        } catch (RuntimeException e) {
            if (ModuleCompiler.STRICT) {
                throw e;
            }
            return null;   // the slot-based way runs the function as it can
        }
    }

    /** Makes this linkage the one of the named classes starting with {@code prefix}; false if another is. */
    boolean claim(String prefix) {
        return NAMED.putIfAbsent(prefix, this) == null;
    }

    /**
     * Bootstrap of a named class's constants ({@link ChunkCompiler#constant}): {@code spec} says which, resolved
     * in the module of the linkage that claimed the class's prefix ({@link ClassJar#prefixOf}).
     */
    public static Object constant(MethodHandles.Lookup caller, String name, Class<?> type, String spec) {
        Linkage linkage = named(caller.lookupClass());
        return ChunkCompiler.resolve(linkage.compiler.valid, linkage, spec);
    }

    /** The linkage of a named class: its loader's, or the one that claimed its prefix (a class jar's). */
    private static Linkage named(Class<?> c) {
        return c.getClassLoader() instanceof NamedClassLoader loader ? loader.linkage()
                : NAMED.get(ClassJar.prefixOf(c.getName()));
    }

    /** Bootstrap of cross-class calls: {@code name} is the method name, {@code func} the function index. */
    public static CallSite bootstrap(MethodHandles.Lookup caller, String name, MethodType type, int func)
            throws IllegalAccessException {
        Linkage linkage = MethodHandles.classDataAt(caller, "_", Linkage.class, 0);
        MethodHandle h = generated(() -> linkage.compiler.handle(func), type, "function " + func);
        return new ConstantCallSite(h.asType(type));
    }

    /**
     * Bootstrap of an indirect call site's cached call ({@link ChunkCompiler#emitCachedCall}): a constant call
     * site to the method of the function that {@code caches[entry]} (the caller's) names. The site runs this
     * call only once that entry holds a function with a method, and the entry never changes after.
     */
    public static CallSite cached(MethodHandles.Lookup caller, String name, MethodType type, Linkage linkage,
                                  int[] caches, int entry) {
        int func = caches[entry] - 1;
        MethodHandle h = func < 0 ? null : linkage.target(func);
        if (h == null) {
            return new ConstantCallSite(trapping(type, "internal error: cache entry " + entry + " holds no function"));
        }
        return new ConstantCallSite(h.asType(type));
    }

    /**
     * Bootstrap of calls through a shared dispatcher (see {@link ChunkCompiler#emitDispatcherCall}): {@code key}
     * names the signature; the dispatcher's class is generated on its first use.
     */
    public static CallSite dispatcher(MethodHandles.Lookup caller, String name, MethodType type, String key)
            throws IllegalAccessException {
        Linkage linkage = caller.lookupClass().isHidden() ? MethodHandles.classDataAt(caller, "_", Linkage.class, 0)
                : named(caller.lookupClass());
        MethodHandle h = generated(() -> linkage.onDemand.dispatcher(key), type, "dispatcher " + key);
        return new ConstantCallSite(h.asType(type));
    }

    /**
     * The method {@code generate} makes (generating its class on demand); if that fails, a method that traps
     * (a failure in a bootstrap would be a LinkageError forever at the call site, escaping as a raw Java
     * exception), unless the compiler is strict (the tests).
     */
    private static MethodHandle generated(java.util.function.Supplier<MethodHandle> generate, MethodType type,
                                          String what) {
        try {
            return generate.get();
        } catch (RuntimeException e) {
            if (ModuleCompiler.STRICT) {
                throw e;
            }
            return trapping(type, "internal error: " + what + " not compiled: " + e);
        }
    }

    /** A method of {@code type} that throws the trap {@code message}. */
    private static MethodHandle trapping(MethodType type, String message) {
        MethodHandle thrower = MethodHandles.throwException(type.returnType(), dev.wasm4j.TrapException.class)
                .bindTo(new dev.wasm4j.TrapException(message));
        return MethodHandles.dropArguments(thrower, 0, type.parameterList());
    }
}
