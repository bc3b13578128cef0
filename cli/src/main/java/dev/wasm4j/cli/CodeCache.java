package dev.wasm4j.cli;

import dev.wasm4j.WasmModule;
import dev.wasm4j.compiler.ClassJar;
import dev.wasm4j.compiler.ModuleCompiler;
import dev.wasm4j.internal.Internals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code wasm4j run}'s side of the code cache, which the launcher runs (scripts/class-jar): a binary module's
 * class jar ({@link ClassJar}), kept in a folder named by the digest of the module's bytes, that later runs of
 * the same module start from, with the JDK's ahead-of-time cache beside it. wasmtime's command line caches
 * what it compiles in the same way. The launcher chooses the folder and tells {@code run} through two system
 * properties:
 * <ul>
 * <li>{@code wasm4j.run.cachedClassJar}: the folder's jar. {@link #load} uses it only when it holds the very
 * bytes of the file being run, so the file still names the program (argv[0], messages).</li>
 * <li>{@code wasm4j.run.fillCache}: the folder, still without a jar. After a run of at least
 * {@code wasm4j.run.fillCacheMinSeconds}, {@link #fill} writes the jar there (a short program gains
 * nothing from it), made of the classes the run generated ({@link #load} has them named for it), and keeps
 * only the {@value #KEPT} folders used last.</li>
 * </ul>
 * Nothing here fails a run: a cache that cannot be used or written is left alone.
 */
final class CodeCache {
    /** Folders kept: each holds a class jar and an ahead-of-time cache of 20-25 MB for a large program. */
    static final int KEPT = 8;
    private static final String JAR = "module.jar";

    private CodeCache() {
    }

    /**
     * The module of {@code file}: from the cached class jar when the launcher gave one that holds the file's
     * bytes, else from the file itself.
     */
    static WasmModule load(Path file, List<String> wasmOptions) {
        String cached = System.getProperty("wasm4j.run.cachedClassJar");
        if (cached != null) {
            try {
                byte[] module = ClassJar.moduleOf(Path.of(cached));
                if (module != null && Arrays.equals(module, Files.readAllBytes(file))) {
                    return WasmOptions.load(Path.of(cached), wasmOptions);
                }
            } catch (IOException | RuntimeException e) {
                // not usable: the file itself, whose errors name it
            }
        }
        WasmModule module = WasmOptions.load(file, wasmOptions);
        if (System.getProperty("wasm4j.run.fillCache") != null) {
            // the classes this run generates become the jar's (fill), which generates only the others
            try {
                byte[] bytes = Files.readAllBytes(file);
                if (WasmModule.isBinary(bytes)) {
                    Internals.compileForClassJar(module, bytes);
                }
            } catch (IOException | RuntimeException e) {
                // the jar is compiled whole after the run, as without this
            }
        }
        return module;
    }

    /**
     * After a run of {@code runNanos}: the class jar of {@code module} (read from {@code file}) written into
     * the folder the launcher chose, if any, if the run was long enough and the file still holds the bytes the
     * folder is named by. A module that does not compile leaves a {@code failed} mark, which the launcher
     * reads: it is not tried again until wasm4j changes. True when a jar was written.
     */
    static boolean fill(WasmModule module, Path file, long runNanos) {
        String folder = System.getProperty("wasm4j.run.fillCache");
        double minSeconds;
        try {
            minSeconds = Double.parseDouble(System.getProperty("wasm4j.run.fillCacheMinSeconds", "1"));
        } catch (NumberFormatException e) {
            minSeconds = 1;
        }
        if (folder == null || runNanos < minSeconds * 1e9) {
            return false;
        }
        Path dir = Path.of(folder);
        try {
            byte[] bytes = Files.readAllBytes(file);
            // The launcher named the folder by the bytes it saw. Different bytes now (the file was rebuilt
            // while the program ran) may not be what this run's module was made of: nothing is kept then.
            if (!WasmModule.isBinary(bytes) || !digest(bytes).startsWith(dir.getFileName().toString())) {
                return false;
            }
            Files.createDirectories(dir);
            boolean written = false;
            try {
                // made of the classes the run generated, or compiled whole when it generated none for the jar
                ClassJar jar = Internals.compiled(module).classJar(bytes);
                if (jar == null) {
                    jar = ModuleCompiler.compileNamed(Internals.valid(module), bytes);
                }
                jar.writeTo(dir.resolve(JAR));
                Files.deleteIfExists(dir.resolve("failed"));
                written = true;
            } catch (RuntimeException | IOException e) {
                Files.writeString(dir.resolve("failed"), String.valueOf(e) + System.lineSeparator());
            }
            keepLatest(dir.getParent());
            return written;
        } catch (IOException | RuntimeException e) {
            // a cache folder that cannot be written: the run is what counts
            return false;
        }
    }

    /** The SHA-256 of {@code bytes} in hex, as {@code sha256sum} prints it. */
    static String digest(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);   // every JDK has SHA-256
        }
    }

    /**
     * Removes all but the {@value #KEPT} folders used last (the launcher touches a folder when it uses it).
     * Only the cache's own folders count, named by a digest as the launcher names them: anything else in a
     * folder that {@code WASM4J_CODE_CACHE_DIR} points at is left alone.
     */
    private static void keepLatest(Path cache) throws IOException {
        if (cache == null) {
            return;
        }
        List<Path> folders = new ArrayList<>();
        try (Stream<Path> s = Files.list(cache)) {
            s.filter(p -> Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                    && p.getFileName().toString().matches("[0-9a-f]{40}")).forEach(folders::add);
        }
        if (folders.size() <= KEPT) {
            return;
        }
        folders.sort(Comparator.comparing(CodeCache::lastUsed).reversed());
        for (Path old : folders.subList(KEPT, folders.size())) {
            try (Stream<Path> files = Files.walk(old)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static long lastUsed(Path folder) {
        try {
            return Files.getLastModifiedTime(folder).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }
}
