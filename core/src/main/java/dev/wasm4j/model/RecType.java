package dev.wasm4j.model;

import java.util.List;

/** A recursive type group (spec 2.3.10); a lone type is a group of one. */
public record RecType(List<SubType> subtypes) {

    public RecType {
        subtypes = List.copyOf(subtypes);
    }
}
