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
 */
public record EngineConfig(Engine engine) {

    /** The default: {@link Engine#AUTO}. */
    public static final EngineConfig DEFAULT = new EngineConfig(Engine.AUTO);

    public EngineConfig {
        Objects.requireNonNull(engine, "engine");
    }

    public static EngineConfig of(Engine engine) {
        return new EngineConfig(engine);
    }

    public EngineConfig withEngine(Engine e) {
        return new EngineConfig(e);
    }
}
