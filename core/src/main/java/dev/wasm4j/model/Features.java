package dev.wasm4j.model;

import java.util.EnumSet;
import java.util.Set;

/**
 * An immutable set of enabled {@link Feature}s.
 *
 * @param enabled the enabled
 */
public record Features(Set<Feature> enabled) {

    /** Wasm 3.0 with threads and wasm4j's proposals: what wasm4j's own tools use. */
    public static final Features DEFAULT = new Features(EnumSet.allOf(Feature.class));

    /** Wasm 3.0 and threads, without proposals that are not yet standard. */
    public static final Features STANDARD = new Features(EnumSet.complementOf(EnumSet.of(
            Feature.LEGACY_EXCEPTIONS, Feature.CUSTOM_PAGE_SIZES, Feature.WIDE_ARITHMETIC,
            Feature.MEMORY_CONTROL, Feature.FROZEN)));

    /**
     * Checks and normalizes the components.
     */
    public Features {
        enabled = Set.copyOf(enabled);
    }

    /**
     * The has.
     *
     * @param f the feature
     * @return the has
     */
    public boolean has(Feature f) {
        return enabled.contains(f);
    }

    /**
     * A copy with  changed.
     *
     * @param f the feature
     * @return a copy with that change
     */
    public Features with(Feature f) {
        EnumSet<Feature> s = EnumSet.noneOf(Feature.class);
        s.addAll(enabled);
        s.add(f);
        return new Features(s);
    }

    /**
     * A copy with out changed.
     *
     * @param f the feature
     * @return a copy with that change
     */
    public Features without(Feature f) {
        EnumSet<Feature> s = EnumSet.noneOf(Feature.class);
        s.addAll(enabled);
        s.remove(f);
        return new Features(s);
    }
}
