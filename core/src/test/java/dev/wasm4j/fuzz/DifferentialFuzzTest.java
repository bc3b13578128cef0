package dev.wasm4j.fuzz;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The differential fuzzer's smoke run: a fixed set of seeds, so that every test run proves the same few
 * hundred random modules still run alike everywhere. {@code scripts/fuzz --minutes N} runs the same
 * campaign on fresh seeds for longer ({@code -Dfuzz.minutes}, {@code -Dfuzz.seed}, {@code -Dfuzz.count}; {@code -Dfuzz.seeds=3,17} reruns
 * those seeds alone).
 */
class DifferentialFuzzTest {

    @Test
    void binaryenModulesRunAlikeInEveryTierAndInBinaryen() throws Exception {
        String[] why = new String[1];
        Optional<Path> binaryen = BinaryenBatch.locate(why);
        assumeTrue(binaryen.isPresent(), () -> "differential fuzzing skipped: " + why[0]);
        long seed = Long.getLong("fuzz.seed", 1);
        long count = Long.getLong("fuzz.count", 150);
        long deadline = System.nanoTime() + Long.getLong("fuzz.minutes", 0) * 60_000_000_000L;
        boolean timed = Long.getLong("fuzz.minutes", 0) > 0;
        Path work = Files.createTempDirectory("wasm4j-fuzz");
        FuzzReport report = new FuzzReport();
        try (BinaryenBatch batch = BinaryenBatch.start(Path.of("..").toAbsolutePath().normalize(), binaryen.get())) {
            Differential d = new Differential(batch, work, report);
            String seeds = System.getProperty("fuzz.seeds", "");
            if (!seeds.isBlank()) {
                for (String s : seeds.split(",")) {
                    d.runSeed(Long.parseLong(s.trim()));
                }
            }
            for (long i = 0; seeds.isBlank() && (timed ? System.nanoTime() < deadline : i < count); i++) {
                d.runSeed(seed + i);
            }
        }
        System.out.println("[fuzz] binaryen: " + report);
        Files.writeString(Path.of("target/fuzz-binaryen.txt"), report + "\n" + String.join("\n", report.mismatches));
        assertTrue(report.modules > 0, "no module was generated");
        assertEquals(java.util.List.of(), report.mismatches);
    }
}
