package dev.wasm4j.fuzz;

/**
 * How long a fuzzing test runs: {@code -Dfuzz.count} seeds from {@code -Dfuzz.seed} (the smoke run's fixed
 * defaults), or {@code -Dfuzz.seconds} of fresh seeds ({@code scripts/fuzz}), or exactly the seeds listed in
 * {@code -Dfuzz.seeds=3,17} (to rerun a mismatch).
 */
record Campaign(long firstSeed, long count, long deadline, long[] seeds) {

    static Campaign configured(long defaultCount) {
        long seconds = Long.getLong("fuzz.seconds", 0);
        String listed = System.getProperty("fuzz.seeds", "").trim();
        long[] seeds = listed.isEmpty() ? null
                : java.util.Arrays.stream(listed.split(",")).mapToLong(s -> Long.parseLong(s.trim())).toArray();
        return new Campaign(Long.getLong("fuzz.seed", 1), Long.getLong("fuzz.count", defaultCount),
                seconds > 0 ? System.nanoTime() + seconds * 1_000_000_000L : 0, seeds);
    }

    interface SeedRunner {
        void run(long seed) throws Exception;
    }

    void forEachSeed(SeedRunner runner) throws Exception {
        if (seeds != null) {
            for (long s : seeds) {
                runner.run(s);
            }
            return;
        }
        for (long i = 0; deadline != 0 ? System.nanoTime() < deadline : i < count; i++) {
            runner.run(firstSeed + i);
        }
    }
}
