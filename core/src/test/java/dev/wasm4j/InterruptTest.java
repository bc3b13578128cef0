package dev.wasm4j;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Stopping runaway guests in every engine: Instance.interrupt(), deadlines, Thread.interrupt(), fuel. */
class InterruptTest {
    private static final String SPIN = """
            (module
              (func $spin (export "spin") (loop $l (br $l)))
              (func $recurse (export "recurse") (return_call $recurse))
              (func (export "nested") (param i32) (result i32)
                (local $i i32)
                (loop $outer
                  (local.set $i (i32.add (local.get $i) (i32.const 1)))
                  (block $b (loop $inner (br_if $b (i32.eqz (local.get 0))) (br $inner)))
                  (br $outer))
                (local.get $i))
              (func (export "once") (result i32) (loop $l) (i32.const 7))
              (func (export "add") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1))))
            """;

    private static Instance instance(Engine engine) {
        return new Linker(EngineConfig.of(engine)).instantiate(WasmModule.parseText(SPIN));
    }

    /**
     * Runs {@code call} on a new daemon thread; returns the trap it ended with. (Not the common pool: a loop
     * that an interrupt failed to stop would keep its only worker, on two cores, and hang the next test
     * instead of failing this one.)
     */
    private static CompletableFuture<TrapException> running(Runnable call, CountDownLatch started) {
        return CompletableFuture.supplyAsync(() -> {
            started.countDown();
            try {
                call.run();
                return null;
            } catch (TrapException t) {
                return t;
            }
        }, r -> Thread.ofPlatform().daemon().start(r));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void interruptFromAnotherThreadStopsAnInfiniteLoop(Engine engine) throws Exception {
        for (String f : new String[] {"spin", "recurse"}) {
            try (Instance i = instance(engine)) {
                CountDownLatch started = new CountDownLatch(1);
                var result = running(() -> i.call(f), started);
                started.await();
                Thread.sleep(50);
                long t0 = System.nanoTime();
                i.interrupt();
                TrapException trap = result.get(5, TimeUnit.SECONDS);
                assertEquals("interrupt", trap.trapMessage(), f);
                assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(1), "stopped promptly");
                assertEquals(Value.i32(5).asInt(), i.call("add", Value.i32(2), Value.i32(3))[0].asInt(),
                        "the instance works after the trap");
            }
        }
    }

    /**
     * Each run lasts long enough for C2 to compile the loop, whose check it compiles to nothing: every
     * request must deoptimise that code again, and every trap make the check quiet again.
     */
    @ParameterizedTest
    @EnumSource(value = Engine.class, names = {"COMPILER", "AUTO"})
    void aLoopThatC2CompiledStopsAtEveryInterrupt(Engine engine) throws Exception {
        try (Instance i = instance(engine)) {
            for (int round = 0; round < 3; round++) {
                CountDownLatch started = new CountDownLatch(1);
                var result = running(() -> i.call("spin"), started);
                started.await();
                Thread.sleep(400);
                i.interrupt();
                TrapException trap = result.get(5, TimeUnit.SECONDS);
                assertEquals("interrupt", trap != null ? trap.trapMessage() : null, "round " + round);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void deadlineStopsAnInfiniteLoopInTime(Engine engine) {
        try (Instance i = instance(engine)) {
            long t0 = System.nanoTime();
            Future<?> deadline = i.interruptAfter(Duration.ofMillis(300));
            TrapException trap = assertThrows(TrapException.class, () -> i.call("nested", Value.i32(1)));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertEquals("interrupt", trap.trapMessage());
            assertTrue(ms >= 250 && ms < 1500, ms + " ms");
            // the timer's task sets the flag first and then points compiled code's checks at the full check, so it
            // may still be finishing when an interpreted loop has already trapped
            assertDoesNotThrow(() -> deadline.get(1, java.util.concurrent.TimeUnit.SECONDS));
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void threadInterruptStopsTheGuestRunningOnIt(Engine engine) throws Exception {
        try (Instance i = instance(engine)) {
            Thread[] runner = new Thread[1];
            TrapException[] trap = new TrapException[1];
            boolean[] stillInterrupted = new boolean[1];
            runner[0] = Thread.ofPlatform().start(() -> {
                try {
                    i.call("spin");
                } catch (TrapException t) {
                    trap[0] = t;
                    stillInterrupted[0] = Thread.interrupted();
                }
            });
            Thread.sleep(50);
            runner[0].interrupt();
            runner[0].join(5000);
            assertEquals("interrupt", trap[0].trapMessage());
            assertTrue(stillInterrupted[0], "the thread's interrupt status is left set");
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void anInterruptWhileIdleStopsTheNextCallThatLoopsOrCalls(Engine engine) {
        try (Instance i = instance(engine)) {
            i.interrupt();
            assertThrows(TrapException.class, () -> i.call("once"));
            assertEquals(7, i.call("once")[0].asInt());
        }
    }

    @Test
    void limitsMustBePositive() {
        try (Instance i = instance(Engine.INTERPRETER)) {
            assertThrows(IllegalArgumentException.class, () -> i.interruptAfter(Duration.ZERO));
            assertThrows(IllegalArgumentException.class, () -> i.interruptAfter(Duration.ofSeconds(-1)));
        }
        var e = assertThrows(IllegalArgumentException.class, () -> EngineConfig.DEFAULT.withFuel(-5));
        assertEquals("fuel must be a positive number of units, got -5", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> EngineConfig.DEFAULT.withFuel(0));
        assertThrows(IllegalArgumentException.class, () -> new EngineConfig(Engine.AUTO, -5));
    }

    @Test
    void callsAfterCloseSayTheInstanceIsClosed() {
        Instance i = instance(Engine.COMPILER);
        Function add = i.function("add");
        i.close();
        var e = assertThrows(IllegalStateException.class, () -> add.call(Value.i32(1), Value.i32(2)));
        assertEquals("instance is closed", e.getMessage());
        assertThrows(IllegalStateException.class, () -> i.function("add"));
    }
}
