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

    @Test
    void binaryenModulesRunAlikeInEveryTierAndInBinaryen() throws Exception {
        String[] why = new String[1];
        Optional<Path> binaryen = BinaryenBatch.locate(why);
        assumeTrue(binaryen.isPresent(), () -> "differential fuzzing skipped: " + why[0]);
        FuzzReport report = new FuzzReport();
        Path work = Files.createTempDirectory("wasm4j-fuzz");
        try (BinaryenBatch batch = BinaryenBatch.start(Path.of("..").toAbsolutePath().normalize(), binaryen.get())) {
            Differential d = new Differential(batch, work, report);
            Campaign.configured(150).forEachSeed(d::runSeed);
        }
        finish("binaryen", report);
    }

    @Test
    void memoryControlModulesRunAlikeInEveryTier() throws Exception {
        FuzzReport report = new FuzzReport();
        Differential d = new Differential(null, null, report);
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
    }
}
