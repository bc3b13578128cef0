package dev.wasm4j.cli;

import dev.wasm4j.ModuleException;
import dev.wasm4j.WasmModule;
import dev.wasm4j.model.Feature;
import dev.wasm4j.model.Features;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Parses {@code -W name[=y|n]} options into {@link Features}; names are the features' in kebab case. */
final class WasmOptions {
    /** The {@code -W} settings of {@code wasm4j run} that are not features. */
    static final String RUN_SETTINGS = "max-memory=SIZE, fuel=N, timeout=DURATION";

    private WasmOptions() {
    }

    static Features features(List<String> options) {
        Features f = Features.DEFAULT;
        for (String o : options) {
            String[] kv = o.split("=", 2);
            String name = kv[0].strip();
            Feature feature = feature(name);
            boolean on = kv.length == 1 || switch (kv[1].strip().toLowerCase(Locale.ROOT)) {
                case "y", "yes", "true", "on", "1" -> true;
                case "n", "no", "false", "off", "0" -> false;
                default -> throw new IllegalArgumentException("-W " + o + ": \"" + kv[1] + "\" is not y or n");
            };
            f = on ? f.with(feature) : f.without(feature);
        }
        return f;
    }

    /**
     * Loads {@code file} with the features of {@code options}. When the module fails only because a feature is
     * turned off, the error says which {@code -W} option would accept it.
     */
    static WasmModule load(Path file, List<String> options) {
        Features features = features(options);
        try {
            return WasmModule.fromPath(file, features);
        } catch (ModuleException e) {
            for (Feature f : Feature.values()) {
                if (!features.has(f)) {
                    try {
                        WasmModule.fromPath(file, features.with(f));
                    } catch (ModuleException | java.io.UncheckedIOException other) {
                        continue;
                    }
                    throw new Hinted(e, "the module uses " + name(f) + ", which -W " + name(f)
                            + "=n turned off; drop that option or use -W " + name(f) + "=y");
                }
            }
            throw e;
        }
    }

    static String name(Feature f) {
        return f.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static Feature feature(String name) {
        for (Feature f : Feature.values()) {
            if (name(f).equals(name)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown -W option " + name + "; valid: "
                + Arrays.stream(Feature.values()).map(f -> name(f) + "[=y|n]").collect(Collectors.joining(", "))
                + " (and for run: " + RUN_SETTINGS + ")");
    }

    /** An error with a hint for the user, printed on its own line after the error. */
    static final class Hinted extends RuntimeException {
        final RuntimeException error;
        final String hint;

        Hinted(RuntimeException error, String hint) {
            super(error.getMessage(), error, false, false);
            this.error = error;
            this.hint = hint;
        }
    }
}
