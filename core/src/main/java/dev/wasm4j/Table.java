package dev.wasm4j;

import dev.wasm4j.exec.TableInstance;
import dev.wasm4j.model.TableType;

/** A table of references (spec 4.2.7): exported by an instance, or created by the host to be imported. */
public interface Table {

    TableType type();

    long size();

    /** Element {@code index} as a reference value; traps out of bounds. */
    Value get(long index);

    void set(long index, Value ref);

    /** Grows by {@code delta} elements set to {@code init}; returns the old size or -1. */
    long grow(long delta, Value init);

    /** A new host table of a type without concrete references, every element {@code init}. */
    static Table of(TableType type, Value init) {
        return new TableInstance(type, init instanceof Value.Ref r ? r.ref() : null);
    }
}
