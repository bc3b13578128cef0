package dev.wasm4j.wast;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Locates the spec testsuite: {@code $WASM_TESTSUITE}, else {@code <project root>/../shared/testsuite}. */
public final class Testsuite {

    private Testsuite() {
    }

    public static Path root() {
        String env = System.getenv("WASM_TESTSUITE");
        if (env != null && !env.isEmpty()) {
            return Path.of(env);
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p.resolve("pom.xml")) && Files.isDirectory(p.resolve("core"))) {
                return p.resolve("../shared/testsuite").normalize();
            }
        }
        throw new IllegalStateException("spec testsuite not found; set WASM_TESTSUITE");
    }

    /** Every .wast file under the testsuite, sorted by path. */
    public static List<Path> files() {
        Path root = root();
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.toString().endsWith(".wast")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String name(Path file) {
        return root().relativize(file).toString();
    }

    public static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
