package dev.wasm4j;

/**
 * Which tier runs a module's functions.
 *
 * <ul>
 * <li>{@link #INTERPRETER}: the interpreter only; nothing is generated, the first call is fastest.</li>
 * <li>{@link #COMPILER}: every function is compiled to JVM bytecode at instantiation (once per module);
 *     HotSpot then makes native code of the hot ones. Slower to start, fastest in the long run.</li>
 * <li>{@link #AUTO}: starts in the interpreter while the module is compiled in the background; calls
 *     switch to the compiled code as soon as it is ready (a call already running finishes where it is).</li>
 * </ul>
 *
 * <p>Thread safety: immutable.
 */
public enum Engine {
    /** The interpreter only. */
    INTERPRETER,
    /** Compiled to JVM bytecode at first instantiation. */
    COMPILER,
    /** Interpreted while compiled in the background; the default. */
    AUTO;

    /**
     * The engine named {@code interpreter}, {@code compiler} or {@code auto}.
     *
     * @param name the name, in any case
     * @return the engine
     * @throws IllegalArgumentException for any other name
     */
    public static Engine of(String name) {
        for (Engine e : values()) {
            if (e.name().equalsIgnoreCase(name)) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown engine " + name + " (interpreter, compiler or auto)");
    }
}
