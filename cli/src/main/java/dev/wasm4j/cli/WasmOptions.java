package dev.wasm4j.cli;

import dev.wasm4j.model.Feature;
import dev.wasm4j.model.Features;

import java.util.List;
import java.util.Locale;

/** Parses {@code -W name[=y|n]} options into {@link Features}; names are the features' in kebab case. */
final class WasmOptions {
    private WasmOptions() {
    }

    static Features features(List<String> options) {
        Features f = Features.DEFAULT;
        for (String o : options) {
            String[] kv = o.split("=", 2);
            String name = kv[0].strip();
            boolean on = kv.length == 1 || switch (kv[1].strip().toLowerCase(Locale.ROOT)) {
                case "y", "yes", "true", "on", "1" -> true;
                case "n", "no", "false", "off", "0" -> false;
                default -> throw new IllegalArgumentException("bad value in -W " + o + " (use y or n)");
            };
            Feature feature = feature(name);
            f = on ? f.with(feature) : f.without(feature);
        }
        return f;
    }

    private static Feature feature(String name) {
        for (Feature f : Feature.values()) {
            if (f.name().toLowerCase(Locale.ROOT).replace('_', '-').equals(name)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown -W option " + name);
    }
}
