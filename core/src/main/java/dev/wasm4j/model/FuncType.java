package dev.wasm4j.model;

import java.util.List;

/**
 * A function type {@code [params] -> [results]} (spec 2.3.6).
 *
 * @param params the params
 * @param results the results
 */
public record FuncType(List<ValType> params, List<ValType> results) implements CompositeType {

    /**
     * Copies the lists, which may not be changed afterwards.
     */
    public FuncType {
        params = List.copyOf(params);
        results = List.copyOf(results);
    }

    /**
     * A function type.
     *
     * @return the type
     */
    public static FuncType of(List<ValType> params, List<ValType> results) {
        return new FuncType(params, results);
    }

    // Written out: a record's generated equals and hashCode are bootstrapped on first use (method handles spun
    // at run time), and every module's types are interned by them at start-up.
    @Override
    public boolean equals(Object o) {
        return o instanceof FuncType f && f.params.equals(params) && f.results.equals(results);
    }

    @Override
    public int hashCode() {
        return params.hashCode() * 31 + results.hashCode();
    }

    @Override
    public String toString() {
        return params + " -> " + results;
    }
}
