package dev.wasm4j.fuzz;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The differential campaign over binaryen's random modules: for each seed, {@code wasm-opt -ttf} (npm's
 * binaryen 132 or Debian's 108, {@link Source}) turns random bytes into a valid module, binaryen's
 * interpreter runs it ({@code --fuzz-exec-before}, the reference), node's V8 runs it too when it uses only
 * what node supports ({@link V8Batch}, the second reference), and wasm4j runs it in every {@link Tier}.
 * Results, traps, exceptions, every host call's arguments and the module's memory hash (binaryen adds a
 * {@code hashMemory} export whose result is compared) must agree. A mismatch is kept under
 * {@code target/fuzz-mismatches/} with the event logs.
 */
final class Differential {

    /** Features given to npm's binaryen: all that wasm4j implements and binaryen's interpreter runs deterministically. */
    static final List<String> FEATURES = List.of("--enable-sign-ext", "--enable-mutable-globals",
            "--enable-nontrapping-float-to-int", "--enable-simd", "--enable-bulk-memory",
            "--enable-bulk-memory-opt", "--enable-exception-handling", "--enable-tail-call",
            "--enable-reference-types", "--enable-multivalue", "--enable-gc", "--enable-memory64",
            "--enable-extended-const", "--enable-multimemory");

    /**
     * What node 20's V8 runs without flags, as binaryen 132 emits it: no exceptions (132 emits exnref, which V8
     * 11 lacks), no GC, memory64, multi-memory or extended-const.
     */
    static final List<String> V8_FEATURES = List.of("--enable-sign-ext", "--enable-mutable-globals",
            "--enable-nontrapping-float-to-int", "--enable-simd", "--enable-bulk-memory",
            "--enable-bulk-memory-opt", "--enable-tail-call", "--enable-reference-types", "--enable-multivalue");

    /**
     * Debian's binaryen 108: V8's features and exceptions (of which its generator writes only tags); not its
     * reference types, whose {@code anyref} above {@code funcref} is not the standard's.
     */
    static final List<String> DEBIAN_FEATURES = List.of("--enable-sign-ext", "--enable-mutable-globals",
            "--enable-nontrapping-float-to-int", "--enable-simd", "--enable-bulk-memory", "--enable-tail-call",
            "--enable-multivalue", "--enable-exception-handling");

    /** Where a campaign's modules come from. */
    enum Source {
        NPM("binaryen"), DEBIAN("debian-binaryen");

        final String label;

        Source(String label) {
            this.label = label;
        }
    }

    /** How a seed's module is made and what it is compared with. */
    record Recipe(List<String> features, boolean denan, boolean withV8) {

        /**
         * An odd seed keeps its NaNs and is compared among wasm4j's tiers only. An even seed is made NaN-free
         * and compared with binaryen's interpreter; npm's even seeds alternate between all features and V8's
         * subset (compared with V8 too), Debian's are all in V8's subset.
         */
        static Recipe of(Source source, long seed) {
            List<String> all = source == Source.DEBIAN ? DEBIAN_FEATURES : FEATURES;
            if (seed % 2 != 0) {
                return new Recipe(all, false, false);
            }
            if (source == Source.NPM && seed % 4 == 0) {
                return new Recipe(FEATURES, true, false);
            }
            return new Recipe(source == Source.DEBIAN ? DEBIAN_FEATURES : V8_FEATURES, true, true);
        }
    }

    final FuzzReport report;
    private final BinaryenBatch binaryen;
    private final V8Batch v8;
    private final DebianBinaryen debian;
    private final Path work;

    Differential(BinaryenBatch binaryen, V8Batch v8, DebianBinaryen debian, Path work, FuzzReport report) {
        this.binaryen = binaryen;
        this.v8 = v8;
        this.debian = debian;
        this.work = work;
        this.report = report;
    }

    /**
     * One module. NaN payloads are nondeterministic (spec 4.3.3) and integer operations, reinterpretations
     * and memory hashes make them observable, so a module compared across engines goes through binaryen's
     * {@code --denan} (every float that could be a NaN is replaced); wasm4j's tiers, which share their
     * numerics, are compared with each other bit for bit on modules that keep their NaNs. A module compared
     * with V8 first loses the exports JavaScript cannot call ({@link JsBoundary}), everywhere alike.
     */
    void runSeed(long seed, Source source) throws IOException {
        Recipe recipe = Recipe.of(source, seed);
        Random random = new Random(seed);
        byte[] input = new byte[1024 + random.nextInt(15 * 1024)];
        random.nextBytes(input);
        Path in = work.resolve("input.dat");
        Path wasm = work.resolve("module.wasm");
        Files.write(in, input);
        Files.deleteIfExists(wasm);
        boolean generated = source == Source.DEBIAN ? generateWithDebian(in, wasm, recipe)
                : binaryen.run(ttf(in, wasm, recipe.features(), recipe.denan())).code() == 0;
        if (!generated || !Files.exists(wasm)) {
            report.generatorFailures++;
            return;
        }
        byte[] bytes = Files.readAllBytes(wasm);
        if (recipe.withV8()) {
            bytes = JsBoundary.withoutUncallableExports(bytes);
            Files.write(wasm, bytes);
        }
        List<String> reference = null;
        if (recipe.denan()) {
            List<String> execute = new ArrayList<>(List.of(wasm.toString()));
            execute.addAll(recipe.features());
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
        String name = source.label + " seed " + seed;
        compare(name, bytes, reference);
        if (reference != null && recipe.withV8() && v8 != null) {
            compareWithV8(name, wasm, reference);
        }
    }

    private static List<String> ttf(Path in, Path out, List<String> features, boolean denan) {
        List<String> args = new ArrayList<>(List.of(in.toString(), "-ttf"));
        args.addAll(features);
        args.addAll(denan ? List.of("--denan", "-o", out.toString()) : List.of("-o", out.toString()));
        return args;
    }

    /**
     * A module from Debian's binaryen. Its {@code --denan} (version 108) leaves NaNs in {@code v128} values
     * (two mismatches of the first campaign were such NaNs' signs, spec 4.3.3), so npm's binaryen replaces the
     * NaNs instead.
     */
    private boolean generateWithDebian(Path in, Path wasm, Recipe recipe) throws IOException {
        if (!recipe.denan()) {
            return debian.run(ttf(in, wasm, recipe.features(), false));
        }
        Path generated = work.resolve("generated.wasm");
        Files.deleteIfExists(generated);
        if (!debian.run(ttf(in, generated, recipe.features(), false))) {
            return false;
        }
        List<String> denan = new ArrayList<>(List.of(generated.toString()));
        denan.addAll(recipe.features());
        denan.addAll(List.of("--denan", "-o", wasm.toString()));
        return binaryen.run(denan).code() == 0;
    }

    /**
     * V8's events against binaryen's (which wasm4j's were compared with already): a difference between the two
     * references is listed apart, explained by {@link V8Differences} or left for a person to explain.
     */
    private void compareWithV8(String name, Path wasm, List<String> reference) throws IOException {
        V8Batch.Result r = v8.run(wasm);
        if (r.unsupported() != null) {
            report.v8Unsupported++;
            report.v8UnsupportedReasons.merge(r.unsupported().replaceAll("@\\+[0-9]+", "").replaceAll(
                    "#[0-9]+", "#N"), 1L, Long::sum);
            return;
        }
        report.withV8++;
        V8Differences.Verdict verdict = V8Differences.compare(reference, r.events());
        verdict.explained().forEach(why -> report.v8Explained.merge(why, 1L, Long::sum));
        if (verdict.unexplained() != null) {
            report.v8Disagreements.add(name + " V8 " + verdict.unexplained());
            Path dir = Path.of("target/fuzz-mismatches", name.replace(' ', '-'));
            Files.createDirectories(dir);
            Files.write(dir.resolve("module.wasm"), Files.readAllBytes(wasm));
            Files.write(dir.resolve("binaryen.txt"), reference);
            Files.write(dir.resolve("v8.txt"), r.events());
        }
    }

    /** Runs {@code bytes} in every tier and compares them with each other and with {@code reference}, if any. */
    void compare(String name, byte[] bytes, List<String> reference) throws IOException {
        report.modules++;
        List<String> first = null;
        for (Tier tier : Tier.values()) {
            long entriesBefore = Tier.loopEntriesCompiled();
            FuzzHost.Run run = tier.run(bytes, m -> FuzzHost.run(m, tier.linker()));
            if (Tier.loopEntriesCompiled() > entriesBefore) {
                report.loopEntryModules++;
            }
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
