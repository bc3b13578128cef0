package dev.wasm4j.memory;

import dev.wasm4j.Engine;
import dev.wasm4j.EngineConfig;
import dev.wasm4j.Instance;
import dev.wasm4j.Linker;
import dev.wasm4j.Memory;
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
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Memory control under concurrency (docs/proposals/memory-control.md, "Under concurrency"): one thread
 * discards, protects, unmaps and maps pages of a shared memory while three others store, load and add to the
 * same pages. What may happen, and is checked: a thread's slot reads as its own last store or as zero (a
 * discard or an unmap got there first), never as another value, and a slot of another thread as zero or a
 * value of that thread, never torn; an access to a page that is protected or unmapped at that moment traps
 * with "out of bounds memory access" in the accessing thread only, which then goes on; nothing else is
 * thrown, and the JVM does not crash. It runs {@code -Dwasm4j.stress.seconds} seconds (2 by default; the
 * stress script {@code scripts/stress-threads} runs 10) per engine and memory kind.
 */
class MemoryControlConcurrencyTest {
    private static final long SECONDS = Long.getLong("wasm4j.stress.seconds", 2);
    private static final int PAGES = 8;
    private static final int WORKERS = 3;

    /**
     * {@code work(t, n)}: n rounds over the pages, each storing a value tagged with the thread (t << 24) into
     * the thread's slot and checking the slot, a slot of the next thread and an atomic counter; returns 0, or
     * the round's code of what it saw that is not allowed (1 own slot, 2 other slot).
     */
    private static String module(String memory, String control) {
        return """
                (module
                  (import "env" "memory" (memory %s))
                  (func (export "work") (param $t i32) (param $n i32) (result i32)
                    (local $i i32) (local $page i32) (local $addr i32) (local $v i32) (local $r i32) (local $o i32)
                    (loop $round
                      (local.set $page (i32.mul (i32.rem_u (i32.add (i32.mul (local.get $i) (i32.const 7))
                                                                    (local.get $t)) (i32.const %d)) (i32.const 65536)))
                      (local.set $addr (i32.add (local.get $page)
                                         (i32.add (i32.mul (local.get $t) (i32.const 64))
                                                  (i32.mul (i32.and (local.get $i) (i32.const 7)) (i32.const 4)))))
                      (local.set $v (i32.or (i32.shl (local.get $t) (i32.const 24))
                                            (i32.and (local.get $i) (i32.const 0xffffff))))
                      (i32.store (local.get $addr) (local.get $v))
                      (local.set $r (i32.load (local.get $addr)))
                      (if (i32.and (i32.ne (local.get $r) (local.get $v)) (i32.ne (local.get $r) (i32.const 0)))
                        (then (return (i32.const 1))))
                      ;; the same slot of the next thread: zero or that thread's tag
                      (local.set $o (i32.load (i32.add (local.get $addr) (i32.const 64))))
                      (if (i32.and (i32.ne (local.get $o) (i32.const 0))
                                   (i32.ne (i32.shr_u (local.get $o) (i32.const 24))
                                           (i32.add (local.get $t) (i32.const 1))))
                        (then (if (i32.ne (local.get $t) (i32.const %d)) (then (return (i32.const 2))))))
                      (drop (i32.atomic.rmw.add (i32.add (local.get $page) (i32.const 4096)) (i32.const 1)))
                      (i64.store (i32.add (local.get $page) (i32.const 8192)) (i64.const -1))
                      (memory.fill (i32.add (local.get $page) (i32.add (i32.const 12288) (i32.mul (local.get $t) (i32.const 256))))
                                   (local.get $t) (i32.const 256))
                      (br_if $round (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1))) (local.get $n))))
                    (i32.const 0))
                  (func (export "control") (param $i i32)
                    (local $page i32)
                    (local.set $page (i32.mul (i32.rem_u (local.get $i) (i32.const %d)) (i32.const 65536)))
                    %s)
                )
                """.formatted(memory, PAGES, WORKERS, PAGES, control);
    }

    /** A plain shared memory: discard only. */
    private static final String PLAIN = module("8 8 shared", """
            (memory.discard (local.get $page) (i32.const 65536))
            (memory.discard (i32.add (local.get $page) (i32.const 100)) (i32.const 8))""");

    /** A shared virtual memory: discard, protect (read, none, read-write), unmap and map again. */
    private static final String VIRTUAL = module("virtual 8 8 shared", """
            (block $done
              (block $map (block $rw (block $none (block $read (block $discard
                (br_table $discard $read $none $rw $map (i32.rem_u (i32.div_u (local.get $i) (i32.const 8)) (i32.const 5))))
                (memory.discard (local.get $page) (i32.const 65536)) (br $done))
                (memory.protect read (local.get $page) (i32.const 65536)) (br $done))
                (memory.protect none (local.get $page) (i32.const 65536)) (br $done))
                (memory.protect readwrite (local.get $page) (i32.const 65536)) (br $done))
              (memory.unmap (local.get $page) (i32.const 65536))
              (drop (memory.map readwrite (local.get $page) (i32.const 65536))))""");

    static Stream<Arguments> configurations() {
        return Stream.of(Engine.INTERPRETER, Engine.COMPILER).flatMap(e ->
                Stream.of(Arguments.of(e, "plain"), Arguments.of(e, "virtual")));
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("configurations")
    void controlRacingWithLoadsAndStoresHasOnlyAllowedOutcomes(Engine engine, String kind) throws Exception {
        boolean virtual = kind.equals("virtual");
        WasmModule module = WasmModule.parseText(virtual ? VIRTUAL : PLAIN);
        MemoryType type = new MemoryType(AddrType.I32, Limits.of(PAGES, PAGES), true,
                MemoryType.DEFAULT_PAGE_SIZE_LOG2, MemoryType.StaticProtection.NONE, virtual);
        LinearMemory memory = LinearMemory.allocate(type);
        if (virtual) {
            memory.map(0, (long) PAGES * 65536, Memory.Protection.READ_WRITE);
        }
        AtomicBoolean stop = new AtomicBoolean();
        ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
        AtomicLong rounds = new AtomicLong();
        AtomicLong traps = new AtomicLong();
        AtomicLong controls = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int t = 1; t <= WORKERS; t++) {
            int tid = t;
            threads.add(Thread.ofPlatform().start(() -> {
                Instance inst = instance(module, engine, memory);
                while (!stop.get()) {
                    try {
                        int r = inst.call("work", Value.i32(tid), Value.i32(1000))[0].asInt();
                        if (r != 0) {
                            problems.add("thread " + tid + " saw a value it may not see (" + r + ")");
                        }
                        rounds.addAndGet(1000);
                    } catch (TrapException e) {
                        if (!virtual || !e.trapMessage().equals(LinearMemory.OUT_OF_BOUNDS)) {
                            problems.add("thread " + tid + ": " + e.getMessage());
                        }
                        traps.incrementAndGet();
                    } catch (Throwable e) {
                        problems.add("thread " + tid + ": " + e);
                    }
                }
            }));
        }
        threads.add(Thread.ofPlatform().start(() -> {
            Instance inst = instance(module, engine, memory);
            for (int i = 0; !stop.get(); i++) {
                try {
                    inst.call("control", Value.i32(i));
                    controls.incrementAndGet();
                } catch (Throwable e) {
                    problems.add("control: " + e);
                }
            }
        }));
        Thread.sleep(SECONDS * 1000);
        stop.set(true);
        for (Thread t : threads) {
            t.join(30_000);
            assertTrue(!t.isAlive(), "a thread hangs");
        }
        assertEquals(List.of(), List.copyOf(problems));
        System.out.println("STRESS " + engine + " " + kind + ": " + rounds + " rounds, " + controls + " controls, " + traps + " traps");
        assertTrue(rounds.get() > 0 && controls.get() > 0, "both sides ran: " + rounds + " rounds, " + controls
                + " control operations, " + traps + " traps");
    }

    private static Instance instance(WasmModule module, Engine engine, LinearMemory memory) {
        return new Linker(EngineConfig.of(engine)).define("env", "memory", memory).instantiate(module);
    }
}
