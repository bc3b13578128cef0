import dev.wasm4j.Engine;
import dev.wasm4j.EngineConfig;
import dev.wasm4j.Instance;
import dev.wasm4j.Linker;
import dev.wasm4j.Memory;
import dev.wasm4j.Value;
import dev.wasm4j.WasmModule;
import dev.wasm4j.model.AddrType;
import dev.wasm4j.model.Limits;
import dev.wasm4j.model.MemoryType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CyclicBarrier;

/**
 * Atomic throughput and wait/notify latency on one shared memory, each Java thread with its own instance
 * (docs/performance.md, "Threads"). Run by bench/threads/run.sh:
 *
 * - atomic throughput: i32.atomic.rmw.add in a loop, by 1 and 2 threads, on one shared counter (every
 *   thread on the same cache line) and on a counter per thread (256 bytes apart); sequentially
 *   consistent i32.atomic.store and i32.atomic.load in a loop on a word per thread; millions of operations
 *   per second, all threads together;
 * - wait/notify latency: two threads hand a token back and forth (each waits in memory.atomic.wait32 until
 *   the other has stored its turn and notified); the time of one hand-over, i.e. a notify that wakes a
 *   parked thread plus that thread's store and notify back, halved.
 *
 * Medians of REPS runs (-Dreps=N, default 7) per engine, after 3 warm-up runs.
 */
public class Atomics {
    static final int REPS = Integer.getInteger("reps", 7);
    static final int OPS = 20_000_000;
    static final int HANDOVERS = 100_000;
    /** Distance between the threads' own words: 256 bytes, past the cache line and its prefetched neighbour. */
    static final int OWN = 256;
    static final int WARMUPS = 3;

    static final String WAT = """
        (module
          (import "env" "memory" (memory 1 1 shared))
          (func (export "atomic_add") (param $addr i32) (param $n i32)
            (loop $next
              (if (local.get $n)
                (then
                  (drop (i32.atomic.rmw.add (local.get $addr) (i32.const 1)))
                  (local.set $n (i32.sub (local.get $n) (i32.const 1)))
                  (br $next)))))
          (func (export "atomic_store") (param $addr i32) (param $n i32)
            (loop $next
              (if (local.get $n)
                (then
                  (i32.atomic.store (local.get $addr) (local.get $n))
                  (local.set $n (i32.sub (local.get $n) (i32.const 1)))
                  (br $next)))))
          (func (export "atomic_load") (param $addr i32) (param $n i32) (result i32)
            (local $sum i32)
            (loop $next
              (if (local.get $n)
                (then
                  (local.set $sum (i32.add (local.get $sum) (i32.atomic.load (local.get $addr))))
                  (local.set $n (i32.sub (local.get $n) (i32.const 1)))
                  (br $next))))
            (local.get $sum))
          ;; the token at address 0 counts hand-overs; a thread plays when it has its parity
          (func (export "play") (param $parity i32) (param $last i32)
            (local $t i32)
            (loop $turn
              (local.set $t (i32.atomic.load (i32.const 0)))
              (if (i32.lt_u (local.get $t) (local.get $last))
                (then
                  (if (i32.eq (i32.and (local.get $t) (i32.const 1)) (local.get $parity))
                    (then
                      (i32.atomic.store (i32.const 0) (i32.add (local.get $t) (i32.const 1)))
                      (drop (memory.atomic.notify (i32.const 0) (i32.const 1))))
                    (else
                      (drop (memory.atomic.wait32 (i32.const 0) (local.get $t) (i64.const -1)))))
                  (br $turn))))))
        """;

    interface Work {
        void run(Instance instance, int thread);
    }

    /** Runs {@code work} on {@code threads} threads at once (an instance each); the wall time in seconds. */
    static double timed(WasmModule module, Linker linker, int threads, Work work) throws Exception {
        CyclicBarrier start = new CyclicBarrier(threads + 1);
        CyclicBarrier end = new CyclicBarrier(threads + 1);
        List<Thread> all = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            all.add(Thread.ofPlatform().start(() -> {
                try (Instance instance = linker.instantiate(module)) {
                    start.await();
                    work.run(instance, id);
                    end.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        start.await();
        long t0 = System.nanoTime();
        end.await();
        long t1 = System.nanoTime();
        for (Thread t : all) {
            t.join();
        }
        return (t1 - t0) / 1e9;
    }

    static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    /** Median seconds of REPS runs after the warm-up runs. */
    static double measure(WasmModule module, Linker linker, Memory memory, int threads, Work work) throws Exception {
        double[] times = new double[REPS];
        for (int r = -WARMUPS; r < REPS; r++) {
            memory.write(0, new byte[4096]);
            double s = timed(module, linker, threads, work);
            if (r >= 0) {
                times[r] = s;
            }
        }
        return median(times);
    }

    public static void main(String[] args) throws Exception {
        System.out.println("| engine | measure | 1 thread | 2 threads |");
        System.out.println("|---|---|---|---|");
        for (Engine engine : List.of(Engine.COMPILER, Engine.INTERPRETER)) {
            WasmModule module = WasmModule.parseText(WAT);
            Memory memory = Memory.allocate(MemoryType.of(AddrType.I32, Limits.of(1, 1), true));
            Linker linker = new Linker(EngineConfig.of(engine)).define("env", "memory", memory);
            int ops = engine == Engine.COMPILER ? OPS : OPS / 10;
            String name = engine.name().toLowerCase();
            String[][] loops = {
                {"i32.atomic.rmw.add, one shared counter", "atomic_add", "shared"},
                {"i32.atomic.rmw.add, a counter per thread", "atomic_add", "own"},
                {"i32.atomic.store, a word per thread", "atomic_store", "own"},
                {"i32.atomic.load, a word per thread", "atomic_load", "own"},
            };
            for (String[] loop : loops) {
                StringBuilder row = new StringBuilder("| " + name + " | " + loop[0] + " (M ops/s) |");
                for (int threads = 1; threads <= 2; threads++) {
                    double s = measure(module, linker, memory, threads, (instance, t) ->
                            instance.call(loop[1], Value.i32(loop[2].equals("shared") ? 0 : OWN + OWN * t), Value.i32(ops)));
                    int expected = loop[2].equals("shared") ? ops * threads : ops;
                    int got = memory.readInt(loop[2].equals("shared") ? 0 : OWN);
                    if (loop[1].equals("atomic_add") && got != expected) {
                        throw new AssertionError(loop[0] + ": counted " + got + ", expected " + expected);
                    }
                    row.append(String.format(" %.0f |", ops * (double) threads / s / 1e6));
                }
                System.out.println(row);
            }
            double s = measure(module, linker, memory, 2, (instance, t) ->
                    instance.call("play", Value.i32(t), Value.i32(HANDOVERS)));
            if (memory.readInt(0) != HANDOVERS) {
                throw new AssertionError("token at " + memory.readInt(0) + ", expected " + HANDOVERS);
            }
            System.out.printf("| %s | wait/notify hand-over (µs) | | %.1f |%n", name, s / HANDOVERS * 1e6);
            memory.close();
        }
    }
}
