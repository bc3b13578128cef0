package dev.wasm4j.wast;

/**
 * How a script writes a module. Text modules are assembled to binary when the script is parsed
 * ({@link Binary}, with {@code fromText} set); {@code (module binary ...)} gives bytes directly; a
 * {@code (module quote ...)} keeps its text, which is only parsed when the command runs, so that
 * {@code assert_malformed} can observe the failure.
 */
public sealed interface ModuleSource {

    /** Module bytes, from {@code (module binary ...)} or assembled from {@code (module ...)} text. */
    record Binary(byte[] bytes, boolean fromText) implements ModuleSource {
    }

    /** The concatenated strings of {@code (module quote ...)}: WAT text of a module's fields or whole module. */
    record Quote(String text) implements ModuleSource {
    }

    /**
     * A text module whose assembly failed while the script was parsed. Only valid inside
     * {@code assert_malformed} or {@code assert_invalid} (some text-level errors are reported there); the
     * runner reports {@code error} as the module's failure.
     */
    record Failed(dev.wasm4j.ModuleException error) implements ModuleSource {
    }
}
