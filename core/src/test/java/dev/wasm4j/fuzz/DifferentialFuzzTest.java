package dev.wasm4j.fuzz;

import dev.wasm4j.text.Wat;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The differential fuzzer's smoke run: fixed seeds, so that every test run proves the same random modules
 * still run alike everywhere; {@code scripts/fuzz --minutes N} runs the same campaigns on fresh seeds for
 * longer ({@link Campaign}). Each campaign writes its counts to {@code target/fuzz-*.txt}.
 */
class DifferentialFuzzTest {

    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

    @Test
    void binaryenModulesRunAlikeInEveryTierInBinaryenAndInV8() throws Exception {
        Path binaryen = assumeBinaryen();
        FuzzReport report = new FuzzReport();
        try (BinaryenBatch batch = BinaryenBatch.start(REPOSITORY, binaryen); V8Batch v8 = V8Batch.start(REPOSITORY)) {
            Differential d = new Differential(batch, v8, null, Files.createTempDirectory("wasm4j-fuzz"), report);
            Campaign.configured(150).forEachSeed(seed -> d.runSeed(seed, Differential.Source.NPM));
        }
        finish("binaryen", report);
        assertTrue(report.withV8 > 0, "no module was compared with V8");
    }

    /** Debian's binaryen 108 generates, binaryen 132's interpreter and V8 are the references. */
    @Test
    void debianBinaryenModulesRunAlikeInEveryTierInBinaryenAndInV8() throws Exception {
        Path binaryen = assumeBinaryen();
        String[] why = new String[1];
        Optional<DebianBinaryen> debian = DebianBinaryen.locate(why);
        assumeTrue(debian.isPresent(), () -> "differential fuzzing of Debian's binaryen modules skipped: " + why[0]);
        FuzzReport report = new FuzzReport();
        try (BinaryenBatch batch = BinaryenBatch.start(REPOSITORY, binaryen); V8Batch v8 = V8Batch.start(REPOSITORY)) {
            Differential d = new Differential(batch, v8, debian.get(), Files.createTempDirectory("wasm4j-fuzz"),
                    report);
            Campaign.configured(60).forEachSeed(seed -> d.runSeed(seed, Differential.Source.DEBIAN));
        }
        finish("binaryen-debian", report);
        assertTrue(report.withV8 > 0, "no module was compared with V8");
    }

    private static Path assumeBinaryen() {
        String[] why = new String[1];
        Optional<Path> binaryen = BinaryenBatch.locate(why);
        assumeTrue(binaryen.isPresent(), () -> "differential fuzzing skipped: " + why[0]);
        return binaryen.get();
    }

    @Test
    void memoryControlModulesRunAlikeInEveryTier() throws Exception {
        FuzzReport report = new FuzzReport();
        Differential d = new Differential(null, null, null, null, report);
        Campaign.configured(300).forEachSeed(seed -> d.compare("memory-control seed " + seed,
                Wat.assemble(MemoryControlModules.generate(seed)), null));
        finish("memory-control", report);
    }

    private static void finish(String campaign, FuzzReport report) throws Exception {
        System.out.println("[fuzz] " + campaign + ": " + report);
        Files.writeString(Path.of("target/fuzz-" + campaign + ".txt"),
                report + "\n" + String.join("\n", report.mismatches) + "\n");
        assertTrue(report.modules > 0, "no module was generated");
        assertEquals(List.of(), report.mismatches);
        assertEquals(List.of(), report.v8Disagreements);
    }
}
