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
 * The training run behind the launcher's ahead-of-time cache (JDK 25, JEPs 483 and 514): the launcher runs
 * this class once per build of the jar with {@code -XX:AOTCacheOutput}, and the JVM stores every class it
 * loaded and linked here for later runs to start from.
 *
 * <p>It goes through what a short {@code wasm4j run} goes through — a WASI hello world under the default
 * {@code auto} engine, the same as a {@code .w4j}, a text module with {@code --invoke}, {@code validate} — and
 * nothing more: a JDK 25 cache loads every class it holds when the JVM starts, so classes a short run does not
 * need (the compiler, the class-file API it drives) would slow every start. They load from the jar when a
 * long run starts compiling, on the background thread. The files are made beforehand ({@code --prepare DIR},
 * in a JVM of its own), because making the {@code .w4j} runs the compiler. The guest's output is discarded.
 *
 * <pre>
 *   java -cp wasm4j.jar dev.wasm4j.cli.StartupTraining --prepare DIR   # hello.wasm, hello.w4j, add.wat
 *   java -XX:AOTCacheOutput=... -cp wasm4j.jar dev.wasm4j.cli.StartupTraining DIR
 *   java -cp wasm4j.jar dev.wasm4j.cli.StartupTraining                  # both, in a temporary folder
 * </pre>
 */
public final class StartupTraining {
    private static final String HELLO = "training-hello.wasm";
    private static final String COMPILE_DELAY = "wasm4j.auto.compileDelayMillis";
    private static final String ADD_WAT = "(module (func (export \"add\") (param i32 i32) (result i32) "
            + "local.get 0 local.get 1 i32.add))";

    private StartupTraining() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 2 && args[0].equals("--prepare")) {
            prepare(Path.of(args[1]));
        } else if (args.length == 1) {
            train(Path.of(args[0]));
        } else {
            Path dir = Files.createTempDirectory("wasm4j-training");
            try {
                prepare(dir);
                train(dir);
            } finally {
                try (Stream<Path> files = Files.walk(dir)) {
                    for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        }
    }

    /** Writes the training's files into {@code dir}: the hello world, its {@code .w4j}, a text module. */
    static void prepare(Path dir) throws IOException {
        try (InputStream in = StartupTraining.class.getResourceAsStream(HELLO)) {
            if (in == null) {
                throw new IOException("resource " + HELLO + " missing from the jar");
            }
            Files.copy(in, dir.resolve("hello.wasm"));
        }
        Files.writeString(dir.resolve("add.wat"), ADD_WAT);
        String hello = dir.resolve("hello.wasm").toString();
        if (Main.execute("compile", hello, "-o", dir.resolve("hello.w4j").toString()) != 0) {
            throw new IllegalStateException("compiling the training's .w4j failed");
        }
    }

    /** Runs the training commands on the files {@link #prepare} wrote. */
    static void train(Path dir) {
        String hello = dir.resolve("hello.wasm").toString();
        PrintStream out = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        // `auto` never starts compiling here, however slow the machine: the compiler stays out of the cache
        String delay = System.setProperty(COMPILE_DELAY, "3600000");
        int failures = 0;
        try {
            failures += Main.execute("run", hello) == 0 ? 0 : 1;
            failures += Main.execute("run", dir.resolve("hello.w4j").toString()) == 0 ? 0 : 1;
            failures += Main.execute("run", "--invoke", "add", dir.resolve("add.wat").toString(), "1", "2") == 0 ? 0 : 1;
            failures += Main.execute("validate", hello) == 0 ? 0 : 1;
        } finally {
            System.setOut(out);
            if (delay == null) {
                System.clearProperty(COMPILE_DELAY);
            } else {
                System.setProperty(COMPILE_DELAY, delay);
            }
        }
        if (failures > 0) {
            throw new IllegalStateException(failures + " training commands failed");
        }
    }
}
