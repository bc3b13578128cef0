package dev.wasm4j;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Java examples of examples/java run as their comments say (the source launcher, core's classes) and print what they promise. */
class ExamplesTest {
    private static String run(String example) throws IOException, InterruptedException {
        Path root = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(root.resolve("examples/java"))) {
            root = root.getParent();
        }
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", root.resolve("core/target/classes").toString(),
                root.resolve("examples/java").resolve(example).toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), example + " did not end");
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    @Test
    void embed() throws Exception {
        assertEquals("""
                log: Hello from Wasm!
                log: Hello from Wasm!
                greet returned 2
                memory has 1 page(s)
                """, run("Embed.java"));
    }

    @Test
    void sharedThreadsCountExactlyAndWakeTheWaiter() throws Exception {
        assertEquals("""
                waiter: all 4 workers finished
                counter: 1000000 (expected 1000000)
                """, run("SharedThreads.java"));
    }
}
