package dev.wasm4j;

import java.util.Objects;

/**
 * How instances are executed: given to a {@link Linker}.
 *
 * <pre>{@code
 * Linker linker = new Linker(EngineConfig.of(Engine.COMPILER).withFuel(50_000_000));
 * }</pre>
 *
 * <p>Thread safety: immutable.
 *
 * @param engine the tier that runs functions (see {@link Engine})
 * @param fuel a fuel budget shared by the linker's instances, or -1 for none. Execution consumes fuel as it
 *             goes (a call is charged for its function's instructions once, a loop iteration for the loop's),
 *             about one unit per instruction in either engine, and traps with
 *             {@code all fuel consumed by WebAssembly} when the budget is spent, as wasmtime's fuel does
 */
public record EngineConfig(Engine engine, long fuel) {

    /** The default: {@link Engine#AUTO}, no fuel limit. */
    public static final EngineConfig DEFAULT = new EngineConfig(Engine.AUTO, -1);

    /**
     * Checks the configuration.
     *
     * @throws IllegalArgumentException when {@code fuel} is neither -1 nor positive
     */
    public EngineConfig {
        Objects.requireNonNull(engine, "engine");
        if (fuel != -1 && fuel <= 0) {
            throw new IllegalArgumentException("fuel must be a positive number of units, got " + fuel);
        }
    }

    /**
     * A configuration with {@code engine} and no fuel limit.
     *
     * @param engine the tier that runs functions
     * @return the configuration
     */
    public static EngineConfig of(Engine engine) {
        return new EngineConfig(engine, -1);
    }

    /**
     * The same configuration with another engine.
     *
     * @param e the tier that runs functions
     * @return the configuration
     */
    public EngineConfig withEngine(Engine e) {
        return new EngineConfig(e, fuel);
    }

    /**
     * The same configuration with a fuel budget.
     *
     * @param units the budget; must be positive
     * @return the configuration
     * @throws IllegalArgumentException when {@code units} is zero or negative
     */
    public EngineConfig withFuel(long units) {
        if (units <= 0) {
            throw new IllegalArgumentException("fuel must be a positive number of units, got " + units);
        }
        return new EngineConfig(engine, units);
    }

    /**
     * The same configuration without a fuel budget.
     *
     * @return the configuration
     */
    public EngineConfig withoutFuel() {
        return new EngineConfig(engine, -1);
    }

    /**
     * Whether execution is metered.
     *
     * @return true when there is a fuel budget
     */
    public boolean metered() {
        return fuel > 0;
    }
}
