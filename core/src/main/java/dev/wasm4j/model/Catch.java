package dev.wasm4j.model;

/** A catch clause of {@code try_table} (exception handling): kind, tag (for CATCH, CATCH_REF) and label.
 *
 * <p>Part of the decoded module's structure, shared by the engine's packages; not API (see module-info).
 *
 * @hidden
 */
public record Catch(Kind kind, int tag, int label) {

    /** Catch clause kinds with their binary codes 0..3. */
    public enum Kind {
        CATCH, CATCH_REF, CATCH_ALL, CATCH_ALL_REF;

        public boolean hasTag() {
            return this == CATCH || this == CATCH_REF;
        }

        public boolean pushesExnRef() {
            return this == CATCH_REF || this == CATCH_ALL_REF;
        }
    }
}
