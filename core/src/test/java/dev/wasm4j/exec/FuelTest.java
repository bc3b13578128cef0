package dev.wasm4j.exec;

import dev.wasm4j.Engine;
import dev.wasm4j.EngineConfig;
import dev.wasm4j.Instance;
import dev.wasm4j.Linker;
import dev.wasm4j.TrapException;
import dev.wasm4j.Value;
import dev.wasm4j.WasmModule;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Fuel metering: an endless loop ends with a trap, a bounded one runs, and the budget is shared and visible. */
class FuelTest {
    private static final WasmModule LOOPS = WasmModule.parseText("""
            (module
              (func (export "forever") (loop $l (br $l)))
              (func (export "count") (param $n i32) (result i32)
                (local $i i32)
                (block $done
                  (loop $l
                    (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
                    (local.set $i (i32.add (local.get $i) (i32.const 1)))
                    (br $l)))
                (local.get $i)))
            """);

    @Test
    void anEndlessLoopRunsOutOfFuel() {
        for (Engine engine : Engine.values()) {
            Linker linker = new Linker(EngineConfig.of(engine).withFuel(1_000_000));
            try (Instance i = linker.instantiate(LOOPS)) {
                TrapException t = assertThrows(TrapException.class, () -> i.call("forever"));
                assertEquals(Fuel.EXHAUSTED, t.trapMessage());
                assertEquals(0, linker.remainingFuel());
            }
        }
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(Engine.class)
    void theBudgetIsSpentAboutOneUnitPerInstructionInEveryEngine(Engine engine) {
        Linker linker = new Linker(EngineConfig.of(engine).withFuel(1_000_000));
        try (Instance i = linker.instantiate(LOOPS)) {
            assertEquals(1000, i.call("count", Value.i32(1000))[0].asInt());
            long used = 1_000_000 - linker.remainingFuel();
            // 10 instructions per iteration: about 10,000 units, give or take the loop's exit path.
            assertTrue(used >= 9_000 && used <= 13_000, engine + " used " + used);
            assertThrows(TrapException.class, () -> i.call("count", Value.i32(1_000_000)));
        }
    }

    @Test
    void compiledMeteredCodeChargesCallsAndLoops() {
        Linker linker = new Linker(EngineConfig.of(Engine.COMPILER).withFuel(1_000_000));
        try (Instance i = linker.instantiate(LOOPS)) {
            var f = (WasmFunction) i.function("count");
            org.junit.jupiter.api.Assertions.assertNotNull(f.compiled(), "metered code runs compiled");
            i.call("count", Value.i32(0));
            long once = 1_000_000 - linker.remainingFuel();
            assertTrue(once > 0 && once < 40, "a call with no iteration costs its body once: " + once);
        }
    }

    @Test
    void unmeteredLinkersReportNoBudget() {
        assertEquals(-1, new Linker().remainingFuel());
    }
}
