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

    @Override
    public String toString() {
        return params + " -> " + results;
    }
}
