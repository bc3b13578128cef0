package dev.wasm4j.model;

import java.util.EnumSet;
import java.util.Set;

/** An immutable set of enabled {@link Feature}s. */
public record Features(Set<Feature> enabled) {

    /** Wasm 3.0 with threads and wasm4j's proposals: what wasm4j's own tools use. */
    public static final Features DEFAULT = new Features(EnumSet.allOf(Feature.class));

    /** Wasm 3.0 and threads, without proposals that are not yet standard. */
    public static final Features STANDARD = new Features(EnumSet.complementOf(EnumSet.of(
            Feature.LEGACY_EXCEPTIONS, Feature.CUSTOM_PAGE_SIZES, Feature.WIDE_ARITHMETIC,
            Feature.MEMORY_CONTROL, Feature.FROZEN)));

    public Features {
        enabled = Set.copyOf(enabled);
    }

    public boolean has(Feature f) {
        return enabled.contains(f);
    }

    public Features with(Feature f) {
        EnumSet<Feature> s = EnumSet.noneOf(Feature.class);
        s.addAll(enabled);
        s.add(f);
        return new Features(s);
    }

    public Features without(Feature f) {
        EnumSet<Feature> s = EnumSet.noneOf(Feature.class);
        s.addAll(enabled);
        s.remove(f);
        return new Features(s);
    }
}
