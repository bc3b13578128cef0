package dev.wasm4j;

import java.util.Objects;

/**
 * How instances are executed: given to a {@link Linker}. Immutable.
 *
 * <pre>{@code
 * Linker linker = new Linker(EngineConfig.of(Engine.COMPILER));
 * }</pre>
 *
 * @param engine the tier that runs functions (see {@link Engine})
 * @param fuel a fuel budget for the linker's instances (about one unit per instruction; exhausting it traps),
 *             or -1 for none; metered execution runs on the interpreter
 */
public record EngineConfig(Engine engine, long fuel) {

    /** The default: {@link Engine#AUTO}, no fuel limit. */
    public static final EngineConfig DEFAULT = new EngineConfig(Engine.AUTO, -1);

    public EngineConfig {
        Objects.requireNonNull(engine, "engine");
    }

    public static EngineConfig of(Engine engine) {
        return new EngineConfig(engine, -1);
    }

    public EngineConfig withEngine(Engine e) {
        return new EngineConfig(e, fuel);
    }

    /** The same configuration with a fuel budget of {@code units} (or -1 for none). */
    public EngineConfig withFuel(long units) {
        return new EngineConfig(engine, units);
    }

    /** True when execution is metered. */
    public boolean metered() {
        return fuel >= 0;
    }
}
