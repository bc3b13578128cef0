package dev.wasm4j.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;

/**
 * What freezing buys in the compiler (frozen proposal): the programs of bench/frozen, each a pair, frozen
 * and with mutable nullable fields ({@code walk-*}: walking a cyclic ring; {@code env-*}: a loop reading a
 * closure environment; {@code vt-*}: a loop calling through a vtable global), and {@code plain}, struct and
 * cast instructions on types that are not freezable.
 * One operation is {@code run(10 000 000)}. scripts/bench-frozen runs it and writes docs/performance.md's
 * numbers.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-XX:-DontCompileHugeMethods", "-Xss64m", "--enable-native-access=ALL-UNNAMED"})
public class FrozenBenchmark {
    /** Steps (walk), iterations (env, plain) per call. */
    static final int N = 10_000_000;

    @Param({"walk-frozen", "walk-mutable", "env-frozen", "env-mutable", "vt-frozen", "vt-mutable", "plain"})
    public String program;

    @Param({"wasm4j-compiler"})
    public String engine;

    private Runner runner;

    @Setup(Level.Trial)
    public void setup() throws IOException {
        String wat = Files.readString(Kernel.root().resolve("bench/frozen/" + program + ".wat"));
        runner = Runner.create(engine, dev.wasm4j.text.Wat.assemble(wat));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        runner.close();
    }

    @Benchmark
    public long run() {
        return runner.run(N);
    }
}
