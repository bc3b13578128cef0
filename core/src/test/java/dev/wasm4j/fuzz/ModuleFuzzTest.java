package dev.wasm4j.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Tag;
import dev.wasm4j.Engine;
import dev.wasm4j.EngineConfig;
import dev.wasm4j.Function;
import dev.wasm4j.Instance;
import dev.wasm4j.Linker;
import dev.wasm4j.Value;
import dev.wasm4j.WasmException;
import dev.wasm4j.WasmModule;
import dev.wasm4j.model.Export;
import dev.wasm4j.model.ExternKind;
import dev.wasm4j.model.ValType;
import dev.wasm4j.text.Wat;
import dev.wasm4j.wast.WastParser;

import java.util.ArrayList;
import java.util.List;

/**
 * Coverage-guided fuzz tests (Jazzer) of everything that reads untrusted input: the binary decoder and the
 * validator, instantiation and a metered run of every export, and the text format (WAT and WAST). The only
 * failures allowed are wasm4j's own exceptions; anything else (a runtime exception, an error such as
 * OutOfMemoryError or StackOverflowError) fails the test. Their corpora (src/test/resources/dev/wasm4j/fuzz/
 * ModuleFuzzTestInputs/) replay in every test run; {@code JAZZER_FUZZ=1 mvn test -Dtest=ModuleFuzzTest#NAME}
 * fuzzes one of them (docs/robustness.md).
 */
@Tag("jazzer")
class ModuleFuzzTest {

    /** Enough fuel for a few hundred thousand instructions: a module that loops forever ends with a trap. */
    private static final long FUEL = 200_000;

    @FuzzTest(maxDuration = "3m")
    void decodeAndValidate(byte[] input) {
        try {
            WasmModule.parse(input);
        } catch (WasmException expected) {
            // malformed or invalid: the only failures allowed
        }
    }

    @FuzzTest(maxDuration = "3m")
    void instantiateAndRun(byte[] input) {
        WasmModule module;
        try {
            module = WasmModule.parse(input);
        } catch (WasmException expected) {
            return;
        }
        if (!module.imports().isEmpty()) {
            return;
        }
        try (Instance instance = new Linker(EngineConfig.of(Engine.INTERPRETER).withFuel(FUEL))
                .instantiate(module)) {
            for (Export e : module.exports()) {
                if (e.kind() == ExternKind.FUNC) {
                    call(instance.function(e.name()));
                }
            }
        } catch (WasmException expected) {
            // a trap, out of fuel, or an exception that escaped
        }
    }

    private static void call(Function f) {
        List<Value> args = new ArrayList<>();
        for (ValType t : f.type().params()) {
            Value zero = FuzzHost.zero(t);
            if (zero == null) {
                return;
            }
            args.add(zero);
        }
        try {
            f.call(args.toArray(Value[]::new));
        } catch (WasmException expected) {
            // traps and Wasm exceptions
        }
    }

    @FuzzTest(maxDuration = "3m")
    void text(String input) {
        try {
            Wat.assemble(input);
        } catch (WasmException expected) {
            // malformed text
        }
        try {
            WastParser.parse("fuzz.wast", input);
        } catch (WasmException expected) {
            // malformed script
        }
    }
}
