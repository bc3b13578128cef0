package dev.wasm4j.compiler;

/**
 * The class loader of one module's named classes generated on demand ({@link ModuleCompiler#compileOnDemand}
 * with named classes): a class jar's classes, made when the JVM first resolves one. A class calls the
 * functions of the others with a plain {@code invokestatic}; its first run asks this loader for the callee's
 * class, which {@link #findClass} generates. Hidden classes, which cannot name each other, link such calls
 * with {@code invokedynamic}, which HotSpot's interpreter and C1 run through method-handle frames.
 *
 * <p>The classes belong to this loader's runtime package, not to wasm4j's: what they call in wasm4j is public.
 * They are unloaded with the loader, when nothing uses the module's code any more.
 */
final class NamedClassLoader extends ClassLoader {
    static {
        registerAsParallelCapable();
    }

    private final ModuleCompiler compiler;

    NamedClassLoader(ModuleCompiler compiler) {
        super("wasm4j-classes", ModuleCompiler.class.getClassLoader());
        this.compiler = compiler;
        Module wasm4j = ModuleCompiler.class.getModule();
        if (wasm4j.isNamed()) {
            // wasm4j on the module path: its packages opened to the generated classes' (unnamed) module
            for (String p : wasm4j.getPackages()) {
                wasm4j.addExports(p, getUnnamedModule());
            }
            wasm4j.addReads(getUnnamedModule());
        }
    }

    /** The module's linkage, for the classes' constants ({@link Linkage#constant}). */
    Linkage linkage() {
        return compiler.linkage;
    }

    /** This module's classes first (a class of the same name elsewhere, a class jar's, is another copy). */
    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (compiler.namedOrdinal(name) < 0) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            return c != null ? c : findClass(name);
        }
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        int ordinal = compiler.namedOrdinal(name);
        if (ordinal < 0) {
            throw new ClassNotFoundException(name);
        }
        byte[] bytes = compiler.buildNamed(ordinal);
        return defineClass(name, bytes, 0, bytes.length);
    }
}
