package dev.wasm4j.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The training run behind the launcher's ahead-of-time cache (JDK 25, JEPs 483, 514 and 515): the launcher
 * runs this class once per build of the jar with {@code -XX:AOTCacheOutput}, and the JVM stores every class it
 * loaded and linked here, with their method profiles, for later runs to start from.
 *
 * <p>It goes through what an ordinary {@code wasm4j run} goes through — a WASI hello world under the
 * default {@code auto} engine, the same under the compiler, a {@code .w4j} made by {@code wasm4j compile}, a
 * text module — so that the cache holds the decoder, validator, interpreter, WASI, compiler and picocli
 * classes, not only those of one path. The guest's output goes to a discarded stream.
 */
public final class StartupTraining {
    private static final String HELLO = "training-hello.wasm";
    private static final String ADD_WAT = "(module (func (export \"add\") (param i32 i32) (result i32) "
            + "local.get 0 local.get 1 i32.add))";

    private StartupTraining() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Files.createTempDirectory("wasm4j-training");
        PrintStream out = System.out;
        try (InputStream in = StartupTraining.class.getResourceAsStream(HELLO)) {
            if (in == null) {
                throw new IOException("resource " + HELLO + " missing from the jar");
            }
            Path hello = dir.resolve("hello.wasm");
            Files.copy(in, hello);
            Path wat = dir.resolve("add.wat");
            Files.writeString(wat, ADD_WAT);
            Path image = dir.resolve("hello.w4j");
            System.setOut(new PrintStream(OutputStream.nullOutputStream()));
            int failures = 0;
            failures += Main.execute("run", hello.toString()) == 0 ? 0 : 1;
            failures += Main.execute("run", "--engine=compiler", hello.toString()) == 0 ? 0 : 1;
            failures += Main.execute("compile", hello.toString(), "-o", image.toString()) == 0 ? 0 : 1;
            failures += Main.execute("run", image.toString()) == 0 ? 0 : 1;
            failures += Main.execute("run", "--invoke", "add", wat.toString(), "1", "2") == 0 ? 0 : 1;
            failures += Main.execute("validate", hello.toString()) == 0 ? 0 : 1;
            if (failures > 0) {
                throw new IllegalStateException(failures + " training commands failed");
            }
        } finally {
            System.setOut(out);
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
