package dev.wasm4j.compiler;

import java.lang.classfile.ClassFile;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The class loader of one module's named classes generated on demand ({@link ModuleCompiler#compileOnDemand}
 * with named classes): a class jar's classes, made when the JVM first resolves one. A class calls the
 * functions of the others with a plain {@code invokestatic}; its first run asks this loader for the callee's
 * class, which {@link #findClass} generates. Hidden classes, which cannot name each other, link such calls
 * with {@code invokedynamic}, which HotSpot's interpreter and C1 run through method-handle frames.
 *
 * <p>The classes belong to this loader's runtime package, not to wasm4j's: what they call in wasm4j is public.
 * They are unloaded with the loader, when nothing uses the module's code any more.
 *
 * <p>The loader keeps the bytes of the classes it has generated, by ordinal: a run that fills the code cache
 * writes them into the module's class jar ({@link #jarClasses}) instead of generating them again.
 */
final class NamedClassLoader extends ClassLoader {
    static {
        registerAsParallelCapable();
    }

    private final ModuleCompiler compiler;
    /** The classes' binary names are this, '_' and their ordinal ({@link ClassJar#className}). */
    private final String prefix;
    /** Each class's range of functions, by ordinal. */
    private final List<int[]> ranges;
    /** Each class as generated so far, by ordinal (null: not yet); guarded by the compiler's lock. */
    private final byte[][] generated;
    /** The module whose class jar these classes are made for, or null ({@link #jarClasses}). */
    private final byte[] jarModule;
    /** The class-file builder with stack maps, for a class jar's classes; guarded by the compiler's lock. */
    private ClassFile withMaps;

    NamedClassLoader(ModuleCompiler compiler, String prefix, List<int[]> ranges, byte[] jarModule) {
        super("wasm4j-classes", ModuleCompiler.class.getClassLoader());
        this.compiler = compiler;
        this.prefix = prefix;
        this.ranges = List.copyOf(ranges);
        this.generated = new byte[ranges.size()][];
        this.jarModule = jarModule;
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

    /** The ordinal of the class called {@code name} (a binary name), or -1 when it is not one of these. */
    private int ordinal(String name) {
        int ordinal = ClassJar.ordinalOf(name, prefix);
        return ordinal < ranges.size() ? ordinal : -1;
    }

    /** Class {@code ordinal}, generated and defined unless it is already. */
    Class<?> load(int ordinal) {
        try {
            return loadClass(ClassJar.className(prefix, ordinal));
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    /** This module's classes first (a class of the same name elsewhere, a class jar's, is another copy). */
    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (ordinal(name) < 0) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            return c != null ? c : findClass(name);
        }
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        int ordinal = ordinal(name);
        if (ordinal < 0) {
            throw new ClassNotFoundException(name);
        }
        byte[] bytes = generate(ordinal);
        return defineClass(name, bytes, 0, bytes.length);
    }

    /**
     * Generates class {@code ordinal}, holding the class's loading lock (the JVM's, or {@link #loadClass}'s),
     * then the compiler's: nothing holds the compiler's lock while asking this loader for a class.
     */
    private byte[] generate(int ordinal) {
        int[] r = ranges.get(ordinal);
        byte[] bytes;
        synchronized (compiler) {
            bytes = build(ordinal);
            generated[ordinal] = bytes;
        }
        ModuleCompiler.dump(ClassJar.className(prefix, ordinal), bytes);
        if (ModuleCompiler.VERBOSE) {
            System.err.println("wasm4j compiler: functions " + r[0] + "-" + (r[1] - 1) + " compiled on demand");
        }
        return bytes;
    }

    /** Class {@code ordinal}'s bytes, newly generated; holding the compiler's lock. */
    private byte[] build(int ordinal) {
        ClassFile cf;
        if (jarModule == null) {
            cf = compiler.classFile();
        } else {
            if (withMaps == null) {
                withMaps = ModuleCompiler.newClassFile();
            }
            cf = withMaps;
        }
        int[] r = ranges.get(ordinal);
        return compiler.buildNamed(cf, ordinal, r[0], r[1], ranges.size());
    }

    /**
     * The classes of {@code module}'s class jar: those generated so far and the rest generated now; null
     * unless these classes were named for that module's jar, or when none has been generated. Holding the
     * compiler's lock.
     */
    List<ClassJar.Named> jarClasses(byte[] module) {
        if (jarModule == null || !Arrays.equals(jarModule, module) || Arrays.stream(generated).allMatch(Objects::isNull)) {
            return null;
        }
        byte[][] all = new byte[ranges.size()][];
        int[][] caches = new int[all.length][];
        for (int i = 0; i < all.length; i++) {
            all[i] = generated[i] != null ? generated[i] : build(i);
            caches[i] = generated[i] != null ? caches(ClassJar.className(prefix, i)) : null;
        }
        // in a jar's form, after the program: the cores the JIT no longer needs rewrite the classes side by side
        java.util.stream.IntStream.range(0, all.length).parallel()
                .forEach(i -> all[i] = JarForm.of(all[i], caches[i], compiler::callee));
        List<ClassJar.Named> classes = new ArrayList<>();
        for (int i = 0; i < all.length; i++) {
            int[] r = ranges.get(i);
            classes.add(new ClassJar.Named(ClassJar.className(prefix, i), r[0], r[1], all[i]));
        }
        return List.copyOf(classes);
    }

    /**
     * A copy of the inline caches of class {@code name} as the run left them ({@link ChunkCompiler#CACHES}), or
     * null if it was not loaded or has none.
     */
    private int[] caches(String name) {
        Class<?> c = findLoadedClass(name);
        if (c == null) {
            return null;
        }
        try {
            java.lang.reflect.Field f = c.getDeclaredField(ChunkCompiler.CACHES);
            f.setAccessible(true);
            int[] caches = (int[]) f.get(null);
            synchronized (caches) {    // as CallOps fills them
                return caches.clone();
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;    // no caches (no indirect call site), or unreadable: the jar's start empty
        }
    }

    /** How many classes have been generated, and how many functions they hold; holding the compiler's lock. */
    int[] generated() {
        int classes = 0;
        int functions = 0;
        for (int i = 0; i < generated.length; i++) {
            if (generated[i] != null) {
                classes++;
                functions += ranges.get(i)[1] - ranges.get(i)[0];
            }
        }
        return new int[] {classes, functions};
    }
}
