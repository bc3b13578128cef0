package dev.wasm4j.model;

import java.util.List;

/** A function type {@code [params] -> [results]} (spec 2.3.6). */
public record FuncType(List<ValType> params, List<ValType> results) implements CompositeType {

    public FuncType {
        params = List.copyOf(params);
        results = List.copyOf(results);
    }

    public static FuncType of(List<ValType> params, List<ValType> results) {
        return new FuncType(params, results);
    }

    @Override
    public String toString() {
        return params + " -> " + results;
    }
}
