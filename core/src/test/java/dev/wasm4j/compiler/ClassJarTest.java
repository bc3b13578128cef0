package dev.wasm4j.compiler;

import dev.wasm4j.Engine;
import dev.wasm4j.EngineConfig;
import dev.wasm4j.Instance;
import dev.wasm4j.Linker;
import dev.wasm4j.TrapException;
import dev.wasm4j.Value;
import dev.wasm4j.WasmModule;
import dev.wasm4j.internal.Internals;
import dev.wasm4j.text.Wat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.instruction.InvokeDynamicInstruction;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Class jars ({@code wasm4j compile --jar}): a module's named classes written to a jar, read back and run,
 * here with one function per class, so that every call crosses classes as plain {@code invokestatic}.
 */
class ClassJarTest {
    @TempDir
    Path temp;

    /** Calls across classes, direct and through a table, memory, a global, GC types as constants, a split function. */
    private static final String WAT = """
            (module
              (type $point (struct (field (mut i32)) (field i32)))
              (type $binary (func (param i32 i32) (result i32)))
              (memory 1)
              (global $calls (mut i32) (i32.const 0))
              (table 2 funcref)
              (elem (i32.const 0) $add $mul)
              (func $add (type $binary) (i32.add (local.get 0) (local.get 1)))
              (func $mul (type $binary) (i32.mul (local.get 0) (local.get 1)))
              (func $fib (export "fib") (param $n i32) (result i32)
                (global.set $calls (i32.add (global.get $calls) (i32.const 1)))
                (if (result i32) (i32.lt_u (local.get $n) (i32.const 2))
                  (then (local.get $n))
                  (else (call $add (call $fib (i32.sub (local.get $n) (i32.const 1)))
                                   (call $fib (i32.sub (local.get $n) (i32.const 2)))))))
              (func (export "apply") (param $op i32) (param $a i32) (param $b i32) (result i32)
                (call_indirect (type $binary) (local.get $a) (local.get $b) (local.get $op)))
              (func (export "calls") (result i32) (global.get $calls))
              (func (export "store") (param i32 i32) (i32.store (local.get 0) (local.get 1)))
              (func (export "load") (param i32) (result i32) (i32.load (local.get 0)))
              (func (export "point") (param i32) (result i32)
                (local $p (ref null $point))
                (local.set $p (struct.new $point (local.get 0) (i32.const 2)))
                (struct.set $point 0 (local.get $p) (call $mul (struct.get $point 0 (local.get $p)) (i32.const 10)))
                (if (result i32) (ref.test (ref $point) (local.get $p))
                  (then (i32.add (struct.get $point 0 (local.get $p)) (struct.get $point 1 (local.get $p))))
                  (else (i32.const -1))))
              (func (export "sum") (param $n i32) (result i32)
                (local $i i32) (local $s i32)
                (block $done
                  (loop $next
                    (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
                    (local.set $s (call $add (local.get $s) (local.get $i)))
                    (local.set $i (i32.add (local.get $i) (i32.const 1)))
                    (br $next)))
                (local.get $s))
              (func (export "variant") (result i32) (i32.const %d)))
            """;

    /**
     * Writes a jar of {@code WAT}'s classes, one function per class; each {@code variant} is another module (a
     * module's class names belong to one copy of it per JVM).
     */
    private Path jar(String name, int variant, boolean split) throws IOException {
        byte[] bytes = Wat.assemble(WAT.formatted(variant));
        if (split) {
            System.setProperty("wasm4j.compiler.splitAll", "true");
        }
        ClassJar jar;
        try {
            jar = ModuleCompiler.compileNamed(Internals.valid(WasmModule.parse(bytes)), bytes, 1);
        } finally {
            System.clearProperty("wasm4j.compiler.splitAll");
        }
        Path path = temp.resolve(name);
        jar.writeTo(path);   // as wasm4j compile --jar and the code cache write it
        return path;
    }

    @Test
    void aClassNameGivesBackItsOrdinal() {
        String prefix = "dev.wasm4j.compiler.Wd7";
        assertEquals(12, ClassJar.ordinalOf(ClassJar.className(prefix, 12), prefix));
        assertEquals(0, ClassJar.ordinalOf(ClassJar.className(prefix, 0), prefix));
        for (String other : new String[] {prefix, prefix + "_", prefix + "_x", prefix + "_-1", prefix + "_+1",
                prefix + "_01", prefix + "1_2", "dev.wasm4j.compiler.Wd8_1", "java.lang.Object"}) {
            assertEquals(-1, ClassJar.ordinalOf(other, prefix), other);
        }
    }

    @Test
    void aJarBuiltOnSeveralThreadsHoldsTheClassesOfOne() {
        byte[] bytes = Wat.assemble(WAT.formatted(90));
        var valid = Internals.valid(WasmModule.parse(bytes));
        ClassJar one = ModuleCompiler.compileNamed(valid, bytes, 1, 1);
        ClassJar four = ModuleCompiler.compileNamed(valid, bytes, 1, 4);
        assertTrue(one.classes().size() > 4, "one class per function");
        assertEquals(one.classes().size(), four.classes().size());
        for (int c = 0; c < one.classes().size(); c++) {
            ClassJar.Named a = one.classes().get(c);
            ClassJar.Named b = four.classes().get(c);
            assertEquals(a.name(), b.name());
            assertEquals(a.first(), b.first());
            assertEquals(a.end(), b.end());
            assertArrayEquals(a.bytes(), b.bytes(), a.name());
        }
        assertEquals(one.interpreted(), four.interpreted());
    }

    private static void check(Instance i) {
        assertEquals(Value.i32(55), i.call("fib", Value.i32(10))[0]);
        assertEquals(Value.i32(177), i.call("calls")[0]);
        assertEquals(Value.i32(7), i.call("apply", Value.i32(0), Value.i32(3), Value.i32(4))[0]);
        assertEquals(Value.i32(12), i.call("apply", Value.i32(1), Value.i32(3), Value.i32(4))[0]);
        i.call("store", Value.i32(64), Value.i32(0x12345678));
        assertEquals(Value.i32(0x12345678), i.call("load", Value.i32(64))[0]);
        assertEquals(Value.i32(52), i.call("point", Value.i32(5))[0]);
        assertEquals(Value.i32(4950), i.call("sum", Value.i32(100))[0]);
    }

    @Test
    void theCodeCachesJarIsMadeOfTheClassesARunGenerated() throws IOException {
        // Three ranges of classes made on demand: functions 0-63, 64-127, and 128 with the two exports.
        int n = ModuleCompiler.ON_DEMAND_CHUNK_FUNCTIONS * 2 + 1;
        byte[] bytes = Wat.assemble(CompilerTest.manyFunctions(n));
        WasmModule module = WasmModule.parse(bytes);
        Internals.compileForClassJar(module, bytes);
        CompiledModule cm = Internals.compiled(module);
        assertNull(cm.classJar(bytes), "none generated yet: the jar is compiled whole, on one thread per core");
        Instance run = new Linker(EngineConfig.of(Engine.COMPILER)).instantiate(module);
        assertEquals(Value.i32(5 + n - 1), run.call("last", Value.i32(5))[0]);
        assertArrayEquals(new int[] {1, 3}, cm.generatedSoFar(), "the run generated the last range only");
        Class<?> last = cm.compiler().linkage.classes[n + 1].lookupClass();
        assertEquals(ClassJar.prefix(bytes) + "_2", last.getName(), "named as the jar's class");
        assertTrue(last.getClassLoader() instanceof NamedClassLoader);

        assertNull(cm.classJar(Wat.assemble("(module)")), "a jar of another module is not made of these");
        ClassJar jar = cm.classJar(bytes);
        assertEquals(3, jar.classes().size());
        assertArrayEquals(new int[] {1, 3}, cm.generatedSoFar(), "the others generated for the jar, not defined");
        Path path = temp.resolve("cache.jar");
        jar.writeTo(path);
        WasmModule cached = WasmModule.fromPath(path);
        Instance i = new Linker(EngineConfig.of(Engine.COMPILER)).instantiate(cached);
        assertEquals(Value.i32(5), i.call("first", Value.i32(5))[0]);
        assertEquals(Value.i32(5 + n - 1), i.call("last", Value.i32(5))[0]);
        assertEquals(jar.prefix() + "_0", classOf(cached, 0), "defined by name from the jar");

        // Indirect calls through the module's shared dispatcher, in the run and from the jar.
        byte[] calls = Wat.assemble(WAT.formatted(91));
        WasmModule indirect = WasmModule.parse(calls);
        Internals.compileForClassJar(indirect, calls);
        check(new Linker(EngineConfig.of(Engine.COMPILER)).instantiate(indirect));
        Path second = temp.resolve("indirect.jar");
        Internals.compiled(indirect).classJar(calls).writeTo(second);
        check(new Linker(EngineConfig.of(Engine.COMPILER)).instantiate(WasmModule.fromPath(second)));
    }

    /** The name of the class that runs function {@code func} of {@code module}. */
    private static String classOf(WasmModule module, int func) {
        return Internals.compiled(module).compiler().linkage.classes[func].lookupClass().getName();
    }

    @Test
    void aModuleRunsFromItsNamedClassesOnePerFunction() throws IOException {
        for (boolean split : new boolean[] {false, true}) {
            Path path = jar(split ? "split.jar" : "whole.jar", split ? 1 : 2, split);
            ClassJar read = ClassJar.read(path);
            assertEquals(10, read.classes().size());
            assertTrue(read.current());
            WasmModule module = WasmModule.fromPath(path);
            check(new Linker(EngineConfig.of(Engine.AUTO)).instantiate(module));
            assertEquals(read.prefix() + "_2", classOf(module, 2), "defined by name, not hidden");
            // A second copy of the module in the same JVM cannot own the same names: it compiles its own classes.
            WasmModule again = WasmModule.fromPath(path);
            check(new Linker(EngineConfig.of(Engine.COMPILER)).instantiate(again));
            assertFalse(classOf(again, 2).startsWith(read.prefix()), classOf(again, 2));
        }
    }

    @Test
    void aJarOfAnotherBuildIsCompiledAgain() throws IOException {
        ClassJar made = ClassJar.read(jar("made.jar", 3, false));
        ClassJar other = new ClassJar(made.module(), made.prefix(), "another-build", made.classes(), made.interpreted());
        assertFalse(other.current());
        Path path = temp.resolve("other.jar");
        try (OutputStream out = Files.newOutputStream(path)) {
            other.write(out);
        }
        WasmModule module = WasmModule.fromPath(path);
        check(new Linker(EngineConfig.of(Engine.COMPILER)).instantiate(module));
        assertFalse(classOf(module, 2).startsWith(made.prefix()), classOf(module, 2));
    }

    /**
     * A module read from a pipe ({@code wasm4j run <(...)}, or a named one): telling whether it is a class jar
     * or a {@code .w4j} must not read its first bytes, nor even open it (a named pipe without a writer blocks).
     */
    @Test
    void aPipeIsNotOpenedToTellWhetherItIsAClassJar() throws Exception {
        Path fifo = temp.resolve("module.fifo");
        Process mkfifo;
        try {
            mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        } catch (IOException noMkfifo) {
            org.junit.jupiter.api.Assumptions.abort("no mkfifo on this machine: " + noMkfifo.getMessage());
            return;
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(mkfifo.waitFor() == 0, "mkfifo failed");
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(5),
                () -> assertNull(ClassJar.read(fifo)));
        // and the whole module comes through when a writer fills the pipe (nor is a .w4j's header read first)
        byte[] bytes = Wat.assemble("(module (func (export \"seven\") (result i32) (i32.const 7)))");
        Thread writer = Thread.ofPlatform().daemon().start(() -> {
            try {
                Files.write(fifo, bytes);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        WasmModule module = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                java.time.Duration.ofSeconds(5), () -> WasmModule.fromPath(fifo));
        writer.join(5000);
        assertEquals(Value.i32(7), new Linker().instantiate(module).call("seven")[0]);
    }

    @Test
    void onlyJarsWithWasm4jsIndexAreClassJars() throws IOException {
        Path plain = temp.resolve("plain.jar");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(plain))) {
            zip.putNextEntry(new ZipEntry("a.txt"));
            zip.write(new byte[] {1, 2, 3});
            zip.closeEntry();
        }
        assertNull(ClassJar.read(plain));
        Path wasm = temp.resolve("m.wasm");
        Files.write(wasm, Wat.assemble("(module)"));
        assertNull(ClassJar.read(wasm));
        assertArrayEquals(Wat.assemble(WAT.formatted(4)), ClassJar.read(jar("m.jar", 4, false)).module());
        // the module alone, as the code cache compares it (cli.CodeCache)
        assertNull(ClassJar.moduleOf(plain));
        assertNull(ClassJar.moduleOf(wasm));
        assertNull(ClassJar.moduleOf(temp));
        assertArrayEquals(Wat.assemble(WAT.formatted(4)), ClassJar.moduleOf(temp.resolve("m.jar")));
    }

    /**
     * A jar's classes in the form of {@link JarForm}: loop heads check for interrupts through one call site of
     * their class, linked when the class is initialised, and the inline caches a run filled are filled again by
     * the class, their calls plain {@code invokestatic}s. The checks still stop a loop that runs for ever, and a
     * site still calls functions its caches do not hold.
     */
    @Test
    void aJarsClassesNeedNoCheckOrCachedCallLinkedAsTheyRun() throws Exception {
        byte[] bytes = Wat.assemble("""
                (module
                  (type $unary (func (param i32) (result i32)))
                  (table 3 funcref)
                  (elem (i32.const 0) $inc $dec $twice)
                  (func $inc (type $unary) (i32.add (local.get 0) (i32.const 1)))
                  (func $dec (type $unary) (i32.sub (local.get 0) (i32.const 1)))
                  (func $twice (type $unary) (i32.mul (local.get 0) (i32.const 2)))
                  (func (export "apply") (param $f i32) (param $x i32) (result i32)
                    (call_indirect (type $unary) (local.get $x) (local.get $f)))
                  (func (export "spin") (loop $l (br $l)))
                  (func (export "count") (param $n i32) (result i32)
                    (local $i i32)
                    (loop $l (local.set $i (i32.add (local.get $i) (i32.const 1)))
                             (br_if $l (i32.lt_u (local.get $i) (local.get $n))))
                    (local.get $i)))
                """);
        WasmModule module = WasmModule.parse(bytes);
        Internals.compileForClassJar(module, bytes);
        Instance run = new Linker(EngineConfig.of(Engine.COMPILER)).instantiate(module);
        assertEquals(Value.i32(6), run.call("apply", Value.i32(0), Value.i32(5))[0]);   // fills the site's caches
        assertEquals(Value.i32(4), run.call("apply", Value.i32(1), Value.i32(5))[0]);
        assertEquals(Value.i32(3), run.call("count", Value.i32(3))[0]);
        ClassJar jar = Internals.compiled(module).classJar(bytes);
        assertEquals(1, jar.classes().size());
        byte[] made = jar.classes().getFirst().bytes();
        ClassModel model = ClassFile.of().parse(made);
        assertTrue(model.methods().stream().anyMatch(m -> m.methodName().equalsString(JarForm.CHECK_METHOD)));
        assertTrue(model.methods().stream().anyMatch(m -> m.methodName().equalsString("<clinit>")));
        var indys = model.methods().stream().flatMap(m -> m.code().stream()).flatMap(c -> c.elementStream())
                .filter(e -> e instanceof InvokeDynamicInstruction).map(e -> (InvokeDynamicInstruction) e).toList();
        assertEquals(1, indys.stream().filter(i -> i.name().equalsString("check")).count(),
                "the class's one check site, in " + JarForm.CHECK_METHOD);
        assertEquals(0, indys.stream().filter(i -> i.name().stringValue().matches("c\\d+_\\d+")).count(),
                "both entries were filled: their calls are invokestatic");
        assertArrayEquals(made, JarForm.of(made, null, f -> null), "nothing left to rewrite");

        Path path = temp.resolve("form.jar");
        jar.writeTo(path);
        try (Instance i = new Linker(EngineConfig.of(Engine.COMPILER)).instantiate(WasmModule.fromPath(path))) {
            assertEquals(Value.i32(11), i.call("apply", Value.i32(0), Value.i32(10))[0]);
            assertEquals(Value.i32(9), i.call("apply", Value.i32(1), Value.i32(10))[0]);
            assertEquals(Value.i32(20), i.call("apply", Value.i32(2), Value.i32(10))[0], "not in the caches");
            assertEquals(Value.i32(100_000), i.call("count", Value.i32(100_000))[0]);
            var spinning = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    i.call("spin");
                    return null;
                } catch (TrapException t) {
                    return t;
                }
            }, r -> Thread.ofPlatform().daemon().start(r));
            Thread.sleep(50);
            i.interrupt();
            assertEquals("interrupt", spinning.get(5, java.util.concurrent.TimeUnit.SECONDS).trapMessage());
            assertEquals(Value.i32(3), i.call("count", Value.i32(3))[0], "the instance works after the trap");
        }
    }
}
