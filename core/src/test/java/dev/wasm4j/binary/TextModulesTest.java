package dev.wasm4j.binary;

import dev.wasm4j.WasmException;
import dev.wasm4j.binary.WastModules.Kind;
import dev.wasm4j.binary.WastModules.ModuleForm;
import dev.wasm4j.model.Features;
import dev.wasm4j.text.Wat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assumptions.abort;

/**
 * The decoder on every text module of the spec testsuite (plain and {@code quote}d, outside
 * {@code assert_malformed}), assembled to binary by {@link Wat}: each must decode, and damaged versions of it
 * (a sample of truncations, seeded mutations) may only fail with a {@link WasmException}. A module the
 * assembler rejects is the text format's business and is reported as aborted, not failed.
 */
class TextModulesTest {
    private static final int PREFIXES = 48;
    private static final int MUTANTS = 48;
    private static final Map<String, Object> ASSEMBLED = new ConcurrentHashMap<>();
    private static final AtomicLong DECODES = new AtomicLong();

    private static boolean selected(ModuleForm m) {
        return (m.kind() == Kind.TEXT || m.kind() == Kind.QUOTE) && !m.command().equals("assert_malformed");
    }

    /** The module assembled by Wat, cached across the two factories; aborts the test if Wat rejects it. */
    private static byte[] assembled(ModuleForm m) {
        Object r = ASSEMBLED.computeIfAbsent(m.file() + ":" + m.line(), k -> {
            try {
                return Wat.assemble(m.text());
            } catch (WasmException e) {
                return e;
            }
        });
        if (r instanceof WasmException e) {
            abort("Wat does not assemble it: " + e.getMessage());
        }
        return (byte[]) r;
    }

    @TestFactory
    List<DynamicNode> textModulesDecode() {
        return BinarySuiteTest.perFile(TextModulesTest::selected, (m, features) -> {
            byte[] b = assembled(m);
            assertDoesNotThrow(() -> ModuleDecoder.decode(b, features), m::name);
        });
    }

    @TestFactory
    List<DynamicNode> damagedTextModules() {
        return BinarySuiteTest.perFile(TextModulesTest::selected, (m, features) -> {
            byte[] b = assembled(m);
            DecoderRobustnessTest.within(() -> {
                SplittableRandom random = new SplittableRandom((m.file() + ":" + m.line()).hashCode());
                for (int i = 0; i < PREFIXES; i++) {
                    decode(m, Arrays.copyOf(b, random.nextInt(b.length)), i % 2 == 0 ? features : Features.DEFAULT);
                }
                for (int i = 0; i < MUTANTS; i++) {
                    byte[] mutant = DecoderRobustnessTest.mutate(b, random);
                    decode(m, mutant, i % 2 == 0 ? features : Features.DEFAULT);
                }
            });
        }, Map.of());
    }

    private static void decode(ModuleForm m, byte[] bytes, Features features) {
        DECODES.incrementAndGet();
        DecoderRobustnessTest.decodeOnlyWasmException(m, bytes, features);
    }

    @AfterAll
    static void report() {
        System.out.println("TextModulesTest: " + ASSEMBLED.size() + " text modules assembled, "
                + ASSEMBLED.values().stream().filter(v -> v instanceof byte[]).count() + " by Wat, "
                + DECODES.get() + " damaged versions decoded");
    }
}
