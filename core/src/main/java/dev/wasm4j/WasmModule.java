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
 * {@code module_decode}, {@code module_validate}). Immutable and thread-safe: parse once, share freely.
 *
 * <pre>{@code
 * WasmModule module = WasmModule.fromPath(Path.of("fac.wasm"));
 * try (Instance instance = new Linker().instantiate(module)) {
 *     Value[] r = instance.function("fac").call(Value.i64(10));
 * }
 * }</pre>
 */
public final class WasmModule {
    private final ValidModule valid;
    private CompiledModule compiled;
    private AutoTier auto;
    /** Classes generated earlier ({@code wasm4j compile}), defined instead of compiling again. */
    private CodeImage image;

    private WasmModule(ValidModule valid) {
        this.valid = valid;
    }

    /** Decodes and validates a binary module with wasm4j's default features. */
    public static WasmModule parse(byte[] bytes) {
        return parse(bytes, Features.DEFAULT);
    }

    /** Decodes and validates a binary module with the given features. */
    public static WasmModule parse(byte[] bytes, Features features) {
        Module m = ModuleDecoder.decode(bytes, features);
        return new WasmModule(Validator.validate(m, features));
    }

    /** Assembles, decodes and validates a module in the text format. */
    public static WasmModule parseText(String wat) {
        return parse(Wat.assemble(wat));
    }

    /**
     * Reads a module from a file: binary if it starts with the Wasm magic, a module compiled ahead of time
     * by {@code wasm4j compile} ({@code .w4j}: the module with its generated classes), text otherwise.
     */
    public static WasmModule fromPath(Path path) {
        return fromPath(path, Features.DEFAULT);
    }

    public static WasmModule fromPath(Path path, Features features) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (CodeImage.isImage(bytes)) {
            CodeImage.Stored stored = CodeImage.read(bytes);
            WasmModule m = parse(stored.module(), features);
            m.image = stored.image();
            return m;
        }
        if (isBinary(bytes)) {
            return parse(bytes, features);
        }
        return parse(Wat.assemble(new String(bytes, StandardCharsets.UTF_8)), features);
    }

    /** True when {@code bytes} start with the binary format's magic number {@code \0asm}. */
    public static boolean isBinary(byte[] bytes) {
        return bytes.length >= 4 && bytes[0] == 0 && bytes[1] == 'a' && bytes[2] == 's' && bytes[3] == 'm';
    }

    /** The validated module, for the engine's internals and tools. */
    public ValidModule valid() {
        return valid;
    }

    /** The module compiled to JVM bytecode, compiling it on first use (once; shared by its instances). */
    public synchronized CompiledModule compiled() {
        if (compiled == null && image != null) {
            try {
                compiled = ModuleCompiler.load(valid, image);
            } catch (RuntimeException | LinkageError e) {
                image = null;
            }
        }
        if (compiled == null) {
            compiled = ModuleCompiler.compile(valid);
        }
        return compiled;
    }

    /**
     * What the compiler has done with this module so far, in lines for people (which functions were cut into
     * several JVM methods, which were left to the interpreter and why); a single line when nothing has been
     * compiled (yet: the {@code auto} engine compiles in the background).
     */
    public synchronized List<String> compilationReport() {
        if (compiled == null) {
            return List.of("not compiled" + (auto != null && !auto.ready() ? " (yet: the auto engine compiles in the background)" : ""));
        }
        return dev.wasm4j.compiler.CompilationReport.of(compiled);
    }

    /**
     * True when the module's classes are defined already, so that instances can run compiled from the start.
     * Classes stored with it ({@code .w4j}) are not yet: the {@code auto} engine defines them in the background
     * while the first instance starts interpreted, so that a {@code .w4j} never starts slower than its module.
     */
    synchronized boolean precompiled() {
        return compiled != null;
    }

    /** The {@code auto} engine's state for this module: stored classes are defined at once, others compiled later. */
    synchronized AutoTier auto() {
        if (auto == null) {
            auto = image != null ? new AutoTier(this::compiled, 0) : new AutoTier(this::compiled);
        }
        return auto;
    }

    public List<Import> imports() {
        return valid.module().imports();
    }

    public List<Export> exports() {
        return valid.module().exports();
    }
}
