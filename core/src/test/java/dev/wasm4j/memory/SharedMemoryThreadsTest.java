package dev.wasm4j.memory;

import dev.wasm4j.Engine;
import dev.wasm4j.EngineConfig;
import dev.wasm4j.Instance;
import dev.wasm4j.Linker;
import dev.wasm4j.TrapException;
import dev.wasm4j.Value;
import dev.wasm4j.WasmModule;
import dev.wasm4j.model.AddrType;
import dev.wasm4j.model.Limits;
import dev.wasm4j.model.MemoryType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * One shared memory used by several Java threads at once, each with its own instance of the same module: the
 * Wasm memory model's guarantees checked by exact counts (atomic increments, wait/notify wake counts, growth
 * seen by every thread), on both engines and on native and heap storage. Correctness only: speed is measured
 * in bench/ (docs/performance.md).
 */
class SharedMemoryThreadsTest {
    private static final int THREADS = 8;
    private static final int ROUNDS = 1000;
    private static final int INCREMENTS = 50;

    /**
     * A counter at 0, and a barrier: generation at 8, arrivals at 12. The tallies that prove no wake-up was
     * lost or counted twice: at 16 the sum of what notify returned, at 20 the waits that returned "ok", at 24
     * those that timed out (none may: they wait forever).
     */
    private static final String COUNTER = """
            (module
              (import "env" "memory" (memory 1 1 shared))
              (func (export "increment") (param $n i32)
                (loop $l
                  (drop (i32.atomic.rmw.add (i32.const 0) (i32.const 1)))
                  (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1))))))
              (func (export "add8") (param $n i32)
                (loop $l
                  (drop (i32.atomic.rmw8.add_u (i32.const 4) (i32.const 1)))
                  (drop (i64.atomic.rmw.add (i32.const 32) (i64.const 0x100000001)))
                  (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1))))))
              (func (export "counter") (result i32) (i32.atomic.load (i32.const 0)))
              (func (export "barrier") (param $threads i32)
                (local $gen i32) (local $r i32)
                (local.set $gen (i32.atomic.load (i32.const 8)))
                (if (i32.eq (i32.add (i32.atomic.rmw.add (i32.const 12) (i32.const 1)) (i32.const 1))
                            (local.get $threads))
                  (then
                    (i32.atomic.store (i32.const 12) (i32.const 0))
                    (drop (i32.atomic.rmw.add (i32.const 8) (i32.const 1)))
                    (drop (i32.atomic.rmw.add (i32.const 16)
                      (memory.atomic.notify (i32.const 8) (local.get $threads)))))
                  (else
                    (loop $wait
                      (if (i32.eq (i32.atomic.load (i32.const 8)) (local.get $gen))
                        (then
                          (local.set $r (memory.atomic.wait32 (i32.const 8) (local.get $gen) (i64.const -1)))
                          (if (i32.eqz (local.get $r))
                            (then (drop (i32.atomic.rmw.add (i32.const 20) (i32.const 1)))))
                          (if (i32.eq (local.get $r) (i32.const 2))
                            (then (drop (i32.atomic.rmw.add (i32.const 24) (i32.const 1)))))
                          (br $wait)))))))
              (func (export "wait") (param $addr i32) (param $timeout i64) (result i32)
                (memory.atomic.wait32 (local.get $addr) (i32.const 0) (local.get $timeout)))
              (func (export "notify") (param $addr i32) (param $n i32) (result i32)
                (memory.atomic.notify (local.get $addr) (local.get $n)))
              (func (export "load") (param $addr i32) (result i32) (i32.atomic.load (local.get $addr)))
            )
            """;

    static Stream<Arguments> configurations() {
        return Stream.of(Engine.INTERPRETER, Engine.COMPILER).flatMap(e ->
                Stream.of(Arguments.of(e, false), Arguments.of(e, true)));
    }

    private static LinearMemory sharedMemory(long min, long max, boolean heap) {
        return LinearMemory.allocate(MemoryType.of(AddrType.I32, Limits.of(min, max), true), heap);
    }

    /** Runs {@code body(i)} on {@code n} threads at once; fails on a hang (after {@code seconds}) or an error. */
    private static void onThreads(int n, int seconds, IntFunction<Runnable> body) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(body.apply(i)));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            for (Future<?> f : futures) {
                try {
                    f.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (TimeoutException e) {
                    fail("hang: threads still running after " + seconds + " s (a lost wake-up?)");
                } catch (ExecutionException e) {
                    throw new AssertionError("a thread failed: " + e.getCause(), e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
            assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS), "threads did not end");
        }
    }

    private static Instance instance(WasmModule module, Engine engine, LinearMemory memory) {
        return new Linker(EngineConfig.of(engine)).define("env", "memory", memory).instantiate(module);
    }

    @ParameterizedTest(name = "{0}, heap {1}")
    @MethodSource("configurations")
    void eightThreadsCountExactlyThroughAThousandBarriers(Engine engine, boolean heap) throws Exception {
        WasmModule module = WasmModule.parseText(COUNTER);
        LinearMemory memory = sharedMemory(1, 1, heap);
        onThreads(THREADS, 120, t -> () -> {
            Instance inst = instance(module, engine, memory);
            for (int round = 1; round <= ROUNDS; round++) {
                inst.call("increment", Value.i32(INCREMENTS));
                inst.call("add8", Value.i32(1));
                inst.call("barrier", Value.i32(THREADS));
                // every thread is past its increments of this round, and none has started the next one's
                int counter = inst.call("counter")[0].asInt();
                if (counter != round * THREADS * INCREMENTS) {
                    throw new AssertionError("round " + round + ": counter " + counter);
                }
                inst.call("barrier", Value.i32(THREADS));
            }
        });
        assertEquals(ROUNDS * THREADS * INCREMENTS, memory.loadI32(0));
        assertEquals((byte) (ROUNDS * THREADS), memory.loadI8(4), "8-bit adds wrap in their byte");
        assertEquals(0, memory.loadI8(5), "and never carry into the next byte");
        assertEquals((long) ROUNDS * THREADS * 0x100000001L, memory.loadI64(32));
        assertEquals(2 * ROUNDS, memory.loadI32(8), "one generation per barrier");
        assertEquals(memory.loadI32(16), memory.loadI32(20), "every woken waiter was counted by one notify");
        assertEquals(0, memory.loadI32(24), "no wait timed out");
        assertEquals(0, memory.atomics().waiting());
    }

    @ParameterizedTest(name = "{0}, heap {1}")
    @MethodSource("configurations")
    void notifyWakesExactlyAsManyAsAskedOldestFirst(Engine engine, boolean heap) throws Exception {
        WasmModule module = WasmModule.parseText(COUNTER);
        LinearMemory memory = sharedMemory(1, 1, heap);
        Instance main = instance(module, engine, memory);
        int waiters = 6;
        int[] results = new int[waiters];
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < waiters; i++) {
            int k = i;
            Thread t = Thread.ofPlatform().daemon().start(() ->
                    results[k] = instance(module, engine, memory).call("wait", Value.i32(64), Value.i64(-1))[0].asInt());
            threads.add(t);
            while (memory.atomics().waiting() < i + 1) {
                Thread.onSpinWait();
            }
        }
        assertEquals(0, main.call("notify", Value.i32(68), Value.i32(10))[0].asInt(), "another address");
        assertEquals(2, main.call("notify", Value.i32(64), Value.i32(2))[0].asInt());
        threads.get(0).join(10_000);
        threads.get(1).join(10_000);
        assertEquals(waiters - 2, memory.atomics().waiting(), "the two oldest woke");
        assertEquals(0, main.call("notify", Value.i32(64), Value.i32(0))[0].asInt(), "a count of 0 wakes none");
        assertEquals(waiters - 2, main.call("notify", Value.i32(64), Value.i32(-1))[0].asInt(), "u32 max: all");
        for (Thread t : threads) {
            t.join(10_000);
        }
        for (int r : results) {
            assertEquals(0, r, "ok");
        }
        assertEquals(0, memory.atomics().waiting());
        assertEquals(2, main.call("wait", Value.i32(64), Value.i64(1_000_000))[0].asInt(), "timed out after 1 ms");
        assertEquals(2, main.call("wait", Value.i32(64), Value.i64(0))[0].asInt(), "timeout 0: at once");
        memory.storeI32(64, 5);
        assertEquals(1, main.call("wait", Value.i32(64), Value.i64(-1))[0].asInt(), "not-equal");
        assertEquals(0, memory.atomics().waiting(), "timed-out waiters left their queue");
    }

    @ParameterizedTest(name = "{0}, heap {1}")
    @MethodSource("configurations")
    void anInterruptedWaitTraps(Engine engine, boolean heap) throws Exception {
        WasmModule module = WasmModule.parseText(COUNTER);
        LinearMemory memory = sharedMemory(1, 1, heap);
        Throwable[] thrown = new Throwable[1];
        Thread t = Thread.ofPlatform().daemon().start(() -> {
            try {
                instance(module, engine, memory).call("wait", Value.i32(0), Value.i64(-1));
            } catch (Throwable e) {
                thrown[0] = e;
            }
        });
        while (memory.atomics().waiting() < 1) {
            Thread.onSpinWait();
        }
        t.interrupt();
        t.join(10_000);
        assertTrue(thrown[0] instanceof TrapException trap && trap.trapMessage().equals("interrupt"), "" + thrown[0]);
        assertEquals(0, memory.atomics().waiting());
    }

    /**
     * One thread grows the memory a page at a time and publishes each new size with an atomic store; the
     * others, as soon as they see it, write and read back the newest page: growth must be visible to them
     * without a copy (their stores survive later growth) and without a trap.
     */
    @ParameterizedTest(name = "{0}, heap {1}")
    @MethodSource("configurations")
    void growthIsSeenByEveryThreadAndLosesNoStore(Engine engine, boolean heap) throws Exception {
        WasmModule module = WasmModule.parseText("""
                (module
                  (import "env" "memory" (memory 1 64 shared))
                  (func (export "grow") (result i32)
                    (local $old i32)
                    (local.set $old (memory.grow (i32.const 1)))
                    (i32.atomic.store (i32.const 0) (i32.add (local.get $old) (i32.const 1)))
                    (memory.atomic.notify (i32.const 0) (i32.const -1)))
                  (func (export "follow") (param $t i32) (param $pages i32) (result i32)
                    (local $seen i32) (local $addr i32)
                    (loop $next
                      (loop $wait
                        (br_if $wait (i32.eq (i32.atomic.load (i32.const 0)) (local.get $seen))))
                      (local.set $seen (i32.atomic.load (i32.const 0)))
                      ;; this thread's slot in the newest page, then a check that the store is there
                      (local.set $addr (i32.add (i32.mul (i32.sub (local.get $seen) (i32.const 1)) (i32.const 65536))
                                                (i32.mul (local.get $t) (i32.const 8))))
                      (i64.store (local.get $addr) (i64.extend_i32_u (local.get $seen)))
                      (if (i64.ne (i64.load (local.get $addr)) (i64.extend_i32_u (local.get $seen)))
                        (then (return (i32.const 0))))
                      (br_if $next (i32.lt_u (local.get $seen) (local.get $pages))))
                    (memory.size))
                )
                """);
        LinearMemory memory = sharedMemory(1, 64, heap);
        memory.storeI32(0, 1);
        int followers = 3;
        int pages = 40;
        onThreads(followers + 1, 60, t -> () -> {
            Instance inst = instance(module, engine, memory);
            if (t == followers) {
                for (int p = 2; p <= pages; p++) {
                    inst.call("grow");
                    // let the followers catch up now and then, so that some growth happens under their feet
                    if (p % 8 == 0) {
                        Thread.yield();
                    }
                }
            } else {
                assertEquals(pages, inst.call("follow", Value.i32(t + 1), Value.i32(pages))[0].asInt());
            }
        });
        assertEquals(pages, memory.pages());
        for (int t = 1; t <= followers; t++) {
            // a follower may skip pages when growth outruns it, but the pages it wrote keep its store
            for (int page = 2; page <= pages; page++) {
                long v = memory.loadI64((long) (page - 1) * 65536 + t * 8);
                assertTrue(v == 0 || v == page, "page " + page + " slot " + t + ": " + v);
            }
            assertEquals(pages, memory.loadI64((long) (pages - 1) * 65536 + t * 8), "the last page, follower " + t);
        }
    }

    @ParameterizedTest(name = "{0}, heap {1}")
    @MethodSource("configurations")
    void atomicsTrapInTheAccessingThreadOnly(Engine engine, boolean heap) {
        WasmModule module = WasmModule.parseText(COUNTER);
        LinearMemory memory = sharedMemory(1, 1, heap);
        Instance inst = instance(module, engine, memory);
        TrapException e = assertThrows(TrapException.class, () -> inst.call("load", Value.i32(2)));
        assertEquals(Atomics.UNALIGNED, e.trapMessage());
        e = assertThrows(TrapException.class, () -> inst.call("load", Value.i32(65536)));
        assertEquals(LinearMemory.OUT_OF_BOUNDS, e.trapMessage());
    }
}
