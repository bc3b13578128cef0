package dev.wasm4j.fuzz;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The differential campaign over binaryen's random modules: for each seed, {@code wasm-opt -ttf} turns
 * random bytes into a valid module with the newest features wasm4j and binaryen share, binaryen's
 * interpreter runs it ({@code --fuzz-exec-before}, the reference), and wasm4j runs it in every {@link Tier}.
 * Results, traps, exceptions, every host call's arguments and the module's memory hash (binaryen adds a
 * {@code hashMemory} export whose result is compared) must agree. A mismatch is kept under
 * {@code target/fuzz-mismatches/} with both event logs.
 */
final class Differential {

    /** Features given to binaryen: all that wasm4j implements and binaryen's interpreter runs deterministically. */
    static final List<String> FEATURES = List.of("--enable-sign-ext", "--enable-mutable-globals",
            "--enable-nontrapping-float-to-int", "--enable-simd", "--enable-bulk-memory",
            "--enable-bulk-memory-opt", "--enable-exception-handling", "--enable-tail-call",
            "--enable-reference-types", "--enable-multivalue", "--enable-gc", "--enable-memory64",
            "--enable-extended-const", "--enable-multimemory");

    final FuzzReport report;
    private final BinaryenBatch binaryen;
    private final Path work;

    Differential(BinaryenBatch binaryen, Path work, FuzzReport report) {
        this.binaryen = binaryen;
        this.work = work;
        this.report = report;
    }

    /**
     * One module. An even seed's module goes through binaryen's {@code --denan} (every float that could be a
     * NaN is replaced), and is compared with binaryen's interpreter: NaN payloads are nondeterministic
     * (spec 4.3.3) and integer operations, reinterpretations and memory hashes make them observable, so a
     * module with NaNs cannot be compared across engines. An odd seed's module keeps its NaNs and wasm4j's
     * tiers, which share their numerics, are compared with each other bit for bit.
     */
    void runSeed(long seed) throws IOException {
        Random random = new Random(seed);
        byte[] input = new byte[1024 + random.nextInt(15 * 1024)];
        random.nextBytes(input);
        Path in = work.resolve("input.dat");
        Path wasm = work.resolve("module.wasm");
        Files.write(in, input);
        Files.deleteIfExists(wasm);
        boolean withReference = seed % 2 == 0;
        List<String> generate = new ArrayList<>(List.of(in.toString(), "-ttf"));
        generate.addAll(FEATURES);
        generate.addAll(withReference ? List.of("--denan", "-o", wasm.toString()) : List.of("-o", wasm.toString()));
        if (binaryen.run(generate).code() != 0 || !Files.exists(wasm)) {
            report.generatorFailures++;
            return;
        }
        List<String> reference = null;
        if (withReference) {
            List<String> execute = new ArrayList<>(List.of(wasm.toString()));
            execute.addAll(FEATURES);
            execute.add("--fuzz-exec-before");
            BinaryenBatch.Result r = binaryen.run(execute);
            BinaryenOutput output = BinaryenOutput.parse(r.out());
            if (r.code() != 0 || output.hostLimited()) {
                report.hostLimited++;
            } else {
                reference = output.events();
                report.withReference++;
            }
        }
        compare("binaryen seed " + seed, Files.readAllBytes(wasm), reference);
    }

    /** Runs {@code bytes} in every tier and compares them with each other and with {@code reference}, if any. */
    void compare(String name, byte[] bytes, List<String> reference) throws IOException {
        report.modules++;
        List<String> first = null;
        for (Tier tier : Tier.values()) {
            FuzzHost.Run run = tier.run(bytes, m -> FuzzHost.run(m, tier.linker()));
            List<String> events = run.events();
            List<String> expected = reference != null ? reference : first;
            if (expected != null && !events.equals(expected)) {
                mismatch(name, tier, bytes, expected, run);
                return;
            }
            if (first == null) {
                first = events;
                report.exportsCalled += events.stream().filter(e -> e.startsWith("export ")).count();
            }
        }
    }

    private void mismatch(String name, Tier tier, byte[] bytes, List<String> expected, FuzzHost.Run run)
            throws IOException {
        List<String> actual = run.events();
        int at = 0;
        while (at < expected.size() && at < actual.size() && expected.get(at).equals(actual.get(at))) {
            at++;
        }
        String what = name + " " + tier + " event " + at + ": expected "
                + (at < expected.size() ? expected.get(at) : "(end)") + ", got "
                + (at < actual.size() ? actual.get(at) : "(end)");
        report.mismatches.add(what);
        Path dir = Path.of("target/fuzz-mismatches", name.replace(' ', '-'));
        Files.createDirectories(dir);
        Files.write(dir.resolve("module.wasm"), bytes);
        Files.write(dir.resolve("expected.txt"), expected);
        Files.write(dir.resolve(tier.name().toLowerCase() + ".txt"), run.details());
    }
}
