package dev.wasm4j;

import java.util.Optional;

/**
 * What a {@link HostFunction} can see of the instance that called it.
 *
 * <p>Thread safety: valid during the host function's call, on the calling thread.
 */
public interface Caller {

    /**
     * The calling instance's export with this name, if it is a memory.
     *
     * @param exportName the export's name
     * @return the memory, or empty when there is no such memory export (or the host called the function)
     */
    Optional<Memory> memory(String exportName);

    /**
     * The calling instance's memory exported as "memory", else its memory 0.
     *
     * @return the memory, or empty when the instance has none (or the host called the function)
     */
    Optional<Memory> memory();
}
