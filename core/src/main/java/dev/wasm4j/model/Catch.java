package dev.wasm4j.model;

/** A catch clause of {@code try_table} (exception handling): kind, tag (for CATCH, CATCH_REF) and label.
 *
 * <p>Part of the decoded module's structure, shared by the engine's packages; not API (see module-info).
 *
 * @hidden
 *
 * @param kind the kind
 * @param tag the tag
 * @param label the label
 */
public record Catch(Kind kind, int tag, int label) {

    /** Catch clause kinds with their binary codes 0..3. */
    public enum Kind {
        /** {@code catch}. */
        CATCH,
        /** {@code catch_ref}. */
        CATCH_REF,
        /** {@code catch_all}. */
        CATCH_ALL,
        /** {@code catch_all_ref}. */
        CATCH_ALL_REF;

        /**
         * Whether the clause names a tag.
         *
         * @return whether there is tag
         */
        public boolean hasTag() {
            return this == CATCH || this == CATCH_REF;
        }

        /**
         * The pushes exn ref.
         *
         * @return the pushes exn ref
         */
        public boolean pushesExnRef() {
            return this == CATCH_REF || this == CATCH_ALL_REF;
        }
    }
}
