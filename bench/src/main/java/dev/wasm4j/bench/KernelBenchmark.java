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

import java.util.concurrent.TimeUnit;

/**
 * Steady state: one kernel call ({@code run(n)} with the kernel's fixed size) per operation, per engine.
 * Parameters are overridden on the JMH command line ({@code -p kernel=fib,nbody -p engine=...}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-XX:-DontCompileHugeMethods", "-Xss64m", "--enable-native-access=ALL-UNNAMED",
        "--sun-misc-unsafe-memory-access=allow", "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED"})
public class KernelBenchmark {

    @Param({"fib", "sieve", "nbody", "matmul", "sha256", "crc32", "quicksort", "hashmap", "bigmem",
            "wat-fib", "wat-loop", "wat-sort"})
    public String kernel;

    @Param({"wasm4j-compiler", "chicory-compiler", "graalwasm"})
    public String engine;

    private Runner runner;
    private int n;

    @Setup(Level.Trial)
    public void setup() {
        // JMH's -jvmArgsAppend replaces @Fork's options instead of adding to them; without the Unsafe option
        // wasm4j's memory goes through the FFM segment, a different code path (stop 27 compared the memory
        // access forms on it by mistake). Only -Dwasm4j.memory.unsafe=false asks for that path on purpose.
        if (engine.startsWith("wasm4j") && !dev.wasm4j.memory.RawMemory.direct()
                && !"false".equals(System.getProperty("wasm4j.memory.unsafe"))) {
            throw new IllegalStateException("wasm4j's memory is not reached through Unsafe: a -jvmArgsAppend must "
                    + "repeat @Fork's options (--sun-misc-unsafe-memory-access=allow ...), or pass "
                    + "-Dwasm4j.memory.unsafe=false to measure the segment path");
        }
        Kernel k = Kernel.named(kernel);
        n = k.n();
        runner = Runner.create(engine, k.bytes());
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        runner.close();
    }

    @Benchmark
    public long run() {
        return runner.run(n);
    }
}
