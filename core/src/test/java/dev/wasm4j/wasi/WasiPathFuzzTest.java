package dev.wasm4j.wasi;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Coverage-guided fuzz test (Jazzer) of WASI's path handling: fuzzed paths (with "..", links, absolute
 * paths, odd bytes) given to every path function of a guest whose only preopen is "sandbox". Each call
 * must answer with an errno (never a Java exception), and nothing outside the sandbox may change.
 * The corpus is in src/test/resources/dev/wasm4j/wasi/WasiPathFuzzTestInputs/.
 */
@Tag("jazzer")
class WasiPathFuzzTest {
    private static final int DIR = 3;
    private static final String[] FUNCTIONS = {"path_open", "path_create_directory", "path_filestat_get",
        "path_unlink_file", "path_remove_directory", "path_rename", "path_symlink", "path_readlink", "path_link"};
    private static Path temp;
    private static Path sandbox;
    private static Path outside;

    @BeforeAll
    static void setUp() throws IOException {
        temp = Files.createTempDirectory("wasm4j-wasi-fuzz");
        sandbox = Files.createDirectories(temp.resolve("sandbox"));
        outside = Files.createDirectories(temp.resolve("outside"));
        Files.writeString(outside.resolve("secret.txt"), "secret");
        Files.createDirectories(sandbox.resolve("sub"));
        Files.createSymbolicLink(sandbox.resolve("link_out"), Path.of("../outside"));
        Files.createSymbolicLink(sandbox.resolve("sub/up"), Path.of(".."));
    }

    @AfterAll
    static void tearDown() throws IOException {
        try (Stream<Path> s = Files.walk(temp)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @FuzzTest(maxDuration = "3m")
    void pathFunctions(FuzzedDataProvider data) throws IOException {
        try (Harness h = new Harness(WasiConfig.of("t").withPreopen(sandbox, "."))) {
            while (data.remainingBytes() > 0) {
                String function = data.pickValue(FUNCTIONS);
                int a = h.string(2048, data.consumeString(200));
                int b = h.string(4096, data.consumeString(200));
                int flags = data.consumeInt();
                int errno = switch (function) {
                    case "path_open" -> h.call(function, DIR, flags & 1, 2048, a, (flags >>> 1) & 0xF, Rights.ALL,
                            Rights.ALL, 0, 512);
                    case "path_filestat_get" -> h.call(function, DIR, flags & 1, 2048, a, 8192);
                    case "path_rename" -> h.call(function, DIR, 2048, a, DIR, 4096, b);
                    case "path_symlink" -> h.call(function, 2048, a, DIR, 4096, b);
                    case "path_readlink" -> h.call(function, DIR, 2048, a, 8192, 100, 8300);
                    case "path_link" -> h.call(function, DIR, flags & 1, 2048, a, DIR, 4096, b);
                    default -> h.call(function, DIR, 2048, a);
                };
                assertTrue(errno >= 0 && errno < Errno.values().length, () -> function + " gave " + errno);
            }
        }
        assertEquals("secret", Files.readString(outside.resolve("secret.txt")), "outside file changed");
        try (Stream<Path> s = Files.list(outside)) {
            assertEquals(1, s.count(), "something was created outside the sandbox");
        }
        try (Stream<Path> s = Files.list(temp)) {
            assertEquals(2, s.count(), "something was created next to the sandbox");
        }
    }
}
