package dev.wasm4j.model;

import java.util.List;

/**
 * A recursive type group (spec 2.3.10); a lone type is a group of one.
 *
 * @param subtypes the subtypes
 */
public record RecType(List<SubType> subtypes) {

    /**
     * Checks and normalizes the components.
     */
    public RecType {
        subtypes = List.copyOf(subtypes);
    }
}
