package dev.wasm4j.fuzz;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs one module (.wasm, or .wat in wasm4j's text format) with the fuzz host in every tier and prints each
 * tier's events with details: {@code java -cp core/target/classes:core/target/test-classes
 * dev.wasm4j.fuzz.FuzzRepro module.wasm}. Exits 1 when the tiers disagree (for reducers such as
 * binaryen's wasm-reduce).
 */
public final class FuzzRepro {

    private FuzzRepro() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        byte[] bytes = file.toString().endsWith(".wat")
                ? dev.wasm4j.text.Wat.assemble(Files.readString(file)) : Files.readAllBytes(file);
        FuzzHost.Run first = null;
        boolean same = true;
        for (Tier tier : Tier.values()) {
            FuzzHost.Run run = tier.run(bytes, m -> FuzzHost.run(m, tier.linker()));
            System.out.println("== " + tier);
            run.details().forEach(System.out::println);
            if (first == null) {
                first = run;
            } else {
                same &= first.events().equals(run.events());
            }
        }
        System.out.println(same ? "== the tiers agree" : "== the tiers disagree");
        System.exit(same ? 0 : 1);
    }
}
