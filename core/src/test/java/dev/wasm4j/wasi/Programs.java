package dev.wasm4j.wasi;

import dev.wasm4j.Instance;
import dev.wasm4j.Linker;
import dev.wasm4j.TrapException;
import dev.wasm4j.WasmModule;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Test support: finds tests/programs, runs a .wasm with WASI (and wasi-threads when it imports thread-spawn),
 * lists work trees.
 */
final class Programs {
    private static final Map<Path, WasmModule> MODULES = new ConcurrentHashMap<>();

    private Programs() {
    }

    /** {@code tests/programs} of the project (tests run in {@code core/}). */
    static Path dir() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("tests/programs");
            if (Files.isDirectory(candidate.resolve("wasm"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("tests/programs not found");
    }

    static WasmModule module(Path wasm) {
        return MODULES.computeIfAbsent(wasm, WasmModule::fromPath);
    }

    /**
     * What a run produced; {@code exit} is "trap" after a trap, whose message and backtrace are kept. Stdout
     * is decoded as ISO-8859-1 (one char per byte, so binary output compares exactly), stderr as UTF-8.
     */
    record Outcome(String stdout, String stderr, String exit, TrapException trap) {
    }

    static Outcome run(Path wasm, WasiConfig config) {
        return run(wasm, config, dev.wasm4j.EngineConfig.DEFAULT);
    }

    /** A run on the engine {@code engine} chooses. */
    static Outcome run(Path wasm, WasiConfig config, dev.wasm4j.EngineConfig engine) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        WasiConfig c = config.withStdout(out).withStderr(err);
        String exit;
        TrapException trap = null;
        WasmModule module = module(wasm);
        try (Wasi wasi = new Wasi(c); InputStream in = config.stdin()) {
            Linker linker = wasi.define(new Linker(engine));
            // a program built for wasm32-wasi-threads runs with its threads (scripts/build-threads-programs)
            WasiThreads threads = WasiThreads.uses(module) ? new WasiThreads(module, 16) : null;
            if (threads != null) {
                threads.define(linker);
            }
            try (Instance instance = linker.instantiate(module)) {
                exit = Integer.toString(threads != null ? threads.run(wasi, instance) : wasi.run(instance));
            } catch (TrapException t) {
                exit = "trap";
                trap = t;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Outcome(out.toString(java.nio.charset.StandardCharsets.ISO_8859_1),
                err.toString(java.nio.charset.StandardCharsets.UTF_8), exit, trap);
    }

    static InputStream stdin(Path file) {
        try {
            return file == null ? InputStream.nullInputStream() : Files.newInputStream(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies a tree, keeping symbolic links as links. */
    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isSymbolicLink(p)) {
                    Files.createSymbolicLink(t, Files.readSymbolicLink(p));
                } else if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** The listing scripts/list-files makes: "d PATH", "f PATH SHA256", "l PATH TARGET", sorted bytewise. */
    static String listing(Path root) throws IOException {
        List<String> paths = new ArrayList<>();
        try (Stream<Path> s = Files.walk(root)) {
            s.filter(p -> !p.equals(root)).forEach(p -> paths.add(root.relativize(p).toString()));
        }
        paths.sort(java.util.Comparator.comparing(p -> p.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                java.util.Arrays::compareUnsigned));
        StringBuilder sb = new StringBuilder();
        for (String rel : paths) {
            Path p = root.resolve(rel);
            if (Files.isSymbolicLink(p)) {
                sb.append("l ").append(rel).append(' ').append(Files.readSymbolicLink(p)).append('\n');
            } else if (Files.isDirectory(p)) {
                sb.append("d ").append(rel).append('\n');
            } else {
                sb.append("f ").append(rel).append(' ').append(sha256(Files.readAllBytes(p))).append('\n');
            }
        }
        return sb.toString();
    }

    private static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
