package dev.wasm4j.wast;

import dev.wasm4j.model.Feature;
import dev.wasm4j.model.Features;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where the .wast files are and which of them are skipped: the official testsuite (in
 * {@code $WASM_TESTSUITE}, else {@code ../shared/testsuite} beside the project root) and wasm4j's own
 * proposal tests in {@code tests/spec/}. Skips are by feature only, listed with a reason in
 * {@code tests/spec/skips.txt}.
 */
public final class Suite {
    private Suite() {
    }

    /** A skipped file: the feature it needs that is not implemented, and why. */
    public record Skip(String feature, String reason) {
    }

    /** The project root: the nearest directory upwards from the working directory with a tests/spec folder. */
    public static Path projectRoot() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.isDirectory(d.resolve("tests/spec")) && Files.exists(d.resolve("pom.xml"))) {
                return d;
            }
        }
        return dir;
    }

    /** The official testsuite directory, if present. */
    public static Optional<Path> officialSuite() {
        String env = System.getenv("WASM_TESTSUITE");
        Path p = env != null && !env.isBlank() ? Path.of(env) : projectRoot().resolve("../shared/testsuite").normalize();
        return Files.isDirectory(p) ? Optional.of(p) : Optional.empty();
    }

    /**
     * The threads proposal's concurrent tests (with {@code thread} and {@code wait} commands), if present:
     * {@code $WASM_THREADS_TESTSUITE}, else {@code ../shared/threads-testsuite} beside the project root.
     */
    public static Optional<Path> threadsSuite() {
        String env = System.getenv("WASM_THREADS_TESTSUITE");
        Path p = env != null && !env.isBlank() ? Path.of(env)
                : projectRoot().resolve("../shared/threads-testsuite").normalize();
        return Files.isDirectory(p) ? Optional.of(p) : Optional.empty();
    }

    /** wasm4j's own .wast files (proposals). */
    public static Path ownSuite() {
        return projectRoot().resolve("tests/spec");
    }

    /** The regression tests that fuzzing left behind: {@code tests/regress}. */
    public static Path regressSuite() {
        return projectRoot().resolve("tests/regress");
    }

    /** Every .wast file under {@code root}, sorted by relative path. */
    public static List<Path> wastFiles(Path root) {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.toString().endsWith(".wast")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The skip list: lines {@code path feature reason...}, paths relative to the suite root (own files
     * prefixed {@code tests/spec/}); {@code #} starts a comment.
     */
    public static Map<String, Skip> skips() {
        Path file = ownSuite().resolve("skips.txt");
        Map<String, Skip> skips = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return skips;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String l = line.strip();
                if (l.isEmpty() || l.startsWith("#")) {
                    continue;
                }
                String[] parts = l.split("\\s+", 3);
                skips.put(parts[0], new Skip(parts[1], parts.length > 2 ? parts[2] : ""));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return skips;
    }

    /** A file's name as reports and the skip list use it: relative to its suite root, with '/'. */
    public static String displayName(Path root, Path file, String prefix) {
        return prefix + root.relativize(file).toString().replace('\\', '/');
    }

    /**
     * The features a suite file is run with: the official core suite with standard Wasm 3.0 only (so that
     * encodings wasm4j's proposals claim stay malformed there, as the suite expects), a proposal's
     * directory with that proposal added, and wasm4j's own tests with everything wasm4j implements.
     */
    public static Features featuresFor(String displayName) {
        if (displayName.startsWith("tests/spec/") || displayName.startsWith("tests/regress/")) {
            return Features.DEFAULT;
        }
        if (displayName.startsWith("legacy/")) {
            return Features.STANDARD.with(Feature.LEGACY_EXCEPTIONS);
        }
        if (displayName.startsWith("proposals/wide-arithmetic/")) {
            return Features.STANDARD.with(Feature.WIDE_ARITHMETIC);
        }
        if (displayName.startsWith("proposals/custom-page-sizes/")) {
            return Features.STANDARD.with(Feature.CUSTOM_PAGE_SIZES);
        }
        return Features.STANDARD;
    }

    public static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
