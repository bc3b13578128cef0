package dev.wasm4j;

import dev.wasm4j.exec.TableInstance;
import dev.wasm4j.model.TableType;

/**
 * A table of references (spec 4.2.7): exported by an instance, or created by the host to be imported.
 *
 * <p>Thread safety: accesses are not synchronized, as the guest's own are not.
 */
public interface Table {

    /**
     * The table's type.
     *
     * @return its address type, limits and element type
     */
    TableType type();

    /**
     * The current number of elements.
     *
     * @return the size
     */
    long size();

    /**
     * Element {@code index} as a reference value.
     *
     * @param index the element's index
     * @return the reference
     * @throws TrapException when {@code index} is out of bounds
     */
    Value get(long index);

    /**
     * Sets element {@code index}.
     *
     * @param index the element's index
     * @param ref a reference of the table's element type
     * @throws TrapException when {@code index} is out of bounds
     */
    void set(long index, Value ref);

    /**
     * Grows the table, as {@code table.grow} does.
     *
     * @param delta the number of elements to add
     * @param init the reference they hold
     * @return the old size, or -1 when the table cannot grow that much
     */
    long grow(long delta, Value init);

    /**
     * A new host table of a type without concrete references.
     *
     * @param type the table's type
     * @param init the reference every element holds
     * @return the table, to give a {@link Linker}
     */
    static Table of(TableType type, Value init) {
        return new TableInstance(type, init instanceof Value.Ref r ? r.ref() : null);
    }
}
