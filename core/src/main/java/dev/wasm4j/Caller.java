package dev.wasm4j;

import java.util.Optional;

/** What a {@link HostFunction} can see of the instance that called it. */
public interface Caller {

    /** The calling instance's export with this name if it is a memory. */
    Optional<Memory> memory(String exportName);

    /** The calling instance's memory exported as "memory", else its memory 0. */
    Optional<Memory> memory();
}
