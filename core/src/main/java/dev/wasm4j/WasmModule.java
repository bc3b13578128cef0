package dev.wasm4j;

import dev.wasm4j.binary.ModuleDecoder;
import dev.wasm4j.compiler.AutoTier;
import dev.wasm4j.compiler.CodeImage;
import dev.wasm4j.compiler.CompiledModule;
import dev.wasm4j.compiler.ModuleCompiler;
import dev.wasm4j.model.Export;
import dev.wasm4j.model.Features;
import dev.wasm4j.model.Import;
import dev.wasm4j.model.Module;
import dev.wasm4j.text.Wat;
import dev.wasm4j.valid.ValidModule;
import dev.wasm4j.valid.Validator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A decoded and validated module, ready to be instantiated any number of times (spec 7.1.3
 * {@code module_decode}, {@code module_validate}).
 *
 * <pre>{@code
 * WasmModule module = WasmModule.fromPath(Path.of("fac.wasm"));
 * try (Instance instance = new Linker().instantiate(module)) {
 *     Value[] r = instance.function("fac").call(Value.i64(10));
 * }
 * }</pre>
 *
 * <p>Thread safety: immutable and thread-safe. Parse once, share freely; its compiled code is generated once,
 * on first need, and shared by every instance.
 */
public final class WasmModule {
    static {
        InternalAccess.install();
    }

    private final ValidModule valid;
    private CompiledModule compiled;
    private AutoTier auto;
    private CompiledModule compiledMetered;
    private AutoTier autoMetered;
    /**
     * The {@code .w4j} file whose classes ({@code wasm4j compile}) are defined instead of compiling again, read
     * from it when first needed; null otherwise.
     */
    private CodeImage.Opened opened;
    /**
     * The class jar ({@code wasm4j compile --jar}) whose named classes run this module, until they are loaded;
     * null otherwise.
     */
    private dev.wasm4j.compiler.ClassJar classJar;

    /** How long decoding and validating took, in nanoseconds (for {@code wasm4j run --verbose}). */
    private final long decodeNanos;
    private final long validateNanos;

    private WasmModule(ValidModule valid, long decodeNanos, long validateNanos) {
        this.valid = valid;
        this.decodeNanos = decodeNanos;
        this.validateNanos = validateNanos;
    }

    /**
     * Decodes and validates a binary module with wasm4j's default features.
     *
     * @param bytes the module in the binary format
     * @return the module
     * @throws MalformedException when the bytes break the binary format
     * @throws InvalidException when the module breaks a validation rule
     */
    public static WasmModule parse(byte[] bytes) {
        return parse(bytes, Features.DEFAULT);
    }

    /**
     * Decodes and validates a binary module with the given features.
     *
     * @param bytes the module in the binary format
     * @param features the proposals and optional features to accept
     * @return the module
     * @throws MalformedException when the bytes break the binary format
     * @throws InvalidException when the module breaks a validation rule
     */
    public static WasmModule parse(byte[] bytes, Features features) {
        long start = System.nanoTime();
        Module m = ModuleDecoder.decode(bytes, features);
        long decoded = System.nanoTime();
        ValidModule valid = Validator.validate(m, features);
        return new WasmModule(valid, decoded - start, System.nanoTime() - decoded);
    }

    /**
     * Assembles, decodes and validates a module in the text format.
     *
     * @param wat the module's text
     * @return the module
     * @throws MalformedException when the text breaks the text format (with its line and column)
     * @throws InvalidException when the module breaks a validation rule
     */
    public static WasmModule parseText(String wat) {
        return parseText(wat, null, Features.DEFAULT);
    }

    /**
     * Assembles, decodes and validates a module in the text format; errors name {@code sourceName}.
     *
     * @param wat the module's text
     * @param sourceName what errors call the text (a file name), or null
     * @param features the proposals and optional features to accept
     * @return the module
     * @throws MalformedException when the text breaks the text format
     * @throws InvalidException when the module breaks a validation rule
     */
    public static WasmModule parseText(String wat, String sourceName, Features features) {
        return Diagnostics.text(wat, sourceName, features, bytes -> parse(bytes, features));
    }

    /**
     * Reads a module from a file with wasm4j's default features; see {@link #fromPath(Path, Features)}.
     *
     * @param path the file
     * @return the module
     * @throws ModuleException when the file holds no valid module (the message names the file)
     * @throws UncheckedIOException when the file cannot be read
     */
    public static WasmModule fromPath(Path path) {
        return fromPath(path, Features.DEFAULT);
    }

    /**
     * Reads a module from a file. What the file holds is told by its first bytes, never by its name: the Wasm
     * magic number {@code \0asm} means the binary format, wasm4j's {@code .w4j} header a module compiled ahead
     * of time by {@code wasm4j compile}, a jar with wasm4j's index one compiled by {@code wasm4j compile --jar}
     * (whose classes are found on the class path when it is there); anything else is read as text (WAT,
     * UTF-8) unless it holds bytes no text has, in which case it is reported as a binary module without its
     * magic number.
     *
     * @param path the file
     * @param features the proposals and optional features to accept
     * @return the module
     * @throws ModuleException when the file holds no valid module (the message names the file and, for
     *         text, the line and column)
     * @throws UncheckedIOException when the file cannot be read
     */
    public static WasmModule fromPath(Path path, Features features) {
        byte[] bytes;
        String source = path.toString();
        try {
            CodeImage.Opened opened = CodeImage.open(path);
            if (opened != null) {
                WasmModule m = Diagnostics.binary(source, () -> parse(opened.module(), features));
                m.opened = opened.fits() ? opened : null;
                return m;
            }
            dev.wasm4j.compiler.ClassJar jar = dev.wasm4j.compiler.ClassJar.read(path);
            if (jar != null) {
                WasmModule m = Diagnostics.binary(source, () -> parse(jar.module(), features));
                m.classJar = jar;
                return m;
            }
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (isBinary(bytes) || !Diagnostics.looksLikeText(bytes)) {
            return Diagnostics.binary(source, () -> parse(bytes, features));
        }
        return parseText(new String(bytes, StandardCharsets.UTF_8), source, features);
    }

    /**
     * Whether {@code bytes} start with the binary format's magic number {@code \0asm}.
     *
     * @param bytes a module's first bytes, or all of them
     * @return true for the binary format
     */
    public static boolean isBinary(byte[] bytes) {
        return bytes.length >= 4 && bytes[0] == 0 && bytes[1] == 'a' && bytes[2] == 's' && bytes[3] == 'm';
    }

    /** The validated module (engine side; reached by wasm4j's tools through {@code Internals}). */
    ValidModule valid() {
        return valid;
    }

    /** Nanoseconds spent decoding and validating the module: {decode, validate}. */
    long[] loadNanos() {
        return new long[] {decodeNanos, validateNanos};
    }

    /**
     * The module compiled to JVM bytecode (shared by its instances): the classes of a {@code .w4j} image, or
     * classes generated as the module's functions are first called.
     */
    synchronized CompiledModule compiled() {
        if (compiled == null && classJar != null) {
            try {
                compiled = ModuleCompiler.loadNamed(valid, classJar);
            } catch (RuntimeException | LinkageError e) {
                // classes that cannot be defined (a damaged jar) are generated again
            }
            classJar = null;
        }
        if (compiled == null && opened != null) {
            try {
                CodeImage image = opened.classes();
                if (image != null) {
                    compiled = ModuleCompiler.load(valid, image);
                }
            } catch (IOException | RuntimeException | LinkageError e) {
                // classes that cannot be read or defined (the file changed, or is damaged) are generated again
            }
            opened = null;
        }
        if (compiled == null) {
            compiled = ModuleCompiler.compileOnDemand(valid, false, jarModule);
        }
        return compiled;
    }

    /** The module's bytes when its classes are to be those of its class jar (see {@link #compileForClassJar}). */
    private byte[] jarModule;

    /** Names the classes compiled on demand as those of the class jar of {@code bytes} (the code cache's). */
    synchronized void compileForClassJar(byte[] bytes) {
        jarModule = bytes.clone();
    }

    /** The module compiled for metered instances: its code charges fuel (compiled once, on first use). */
    synchronized CompiledModule compiledMetered() {
        if (compiledMetered == null) {
            compiledMetered = ModuleCompiler.compileOnDemand(valid, true);
        }
        return compiledMetered;
    }

    /** The {@code auto} engine's state for metered instances of this module. */
    synchronized AutoTier autoMetered() {
        if (autoMetered == null) {
            autoMetered = new AutoTier(this::compiledMetered);
        }
        return autoMetered;
    }

    /**
     * What the compiler has done with this module so far, in lines for people (which functions were cut into
     * several JVM methods, which were left to the interpreter and why); a single line when nothing has been
     * compiled (yet: the {@code auto} engine compiles in the background).
     *
     * @return the report's lines
     */
    public synchronized List<String> compilationReport() {
        List<String> lines = new java.util.ArrayList<>();
        if (compiled == null) {
            lines.add("not compiled" + (auto != null && !auto.ready() ? " (yet: the auto engine compiles in the background)" : ""));
        } else {
            lines.addAll(dev.wasm4j.compiler.CompilationReport.of(compiled));
        }
        if (auto != null) {
            lines.addAll(auto.report());
        }
        return List.copyOf(lines);
    }

    /**
     * True when the module's classes are defined already, or come from a class jar, so that instances can run
     * compiled from the start.
     * Classes stored with it ({@code .w4j}) are not yet: the {@code auto} engine defines them in the background,
     * as it would compile them, so that a short run of a {@code .w4j} does the same work as one of its module.
     */
    synchronized boolean precompiled() {
        return compiled != null || classJar != null;
    }

    /** The {@code auto} engine's state for this module (its classes: compiled, or defined from the image). */
    synchronized AutoTier auto() {
        if (auto == null) {
            auto = new AutoTier(this::compiled, opened != null);
        }
        return auto;
    }

    /**
     * What the module imports, in order: module name, item name and the type it must have.
     *
     * @return the imports
     */
    public List<Import> imports() {
        return valid.module().imports();
    }

    /**
     * What the module exports, in order: name, kind and index.
     *
     * @return the exports
     */
    public List<Export> exports() {
        return valid.module().exports();
    }
}
