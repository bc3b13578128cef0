package dev.wasm4j.model;

/**
 * One entry of the phase section (frozen proposal, docs/proposals/frozen.md): the initialization phase of a
 * function or a global, or the start function of a phase. Anything the section does not name is in phase 0,
 * except frozen globals, which default to the phase after their freezable global's.
 *
 * <p>Part of the decoded module's structure, shared by the engine's packages; not API (see module-info).
 *
 * @hidden
 *
 * @param kind the kind
 * @param index the index
 * @param phase the phase
 */
public record PhaseEntry(Kind kind, int index, int phase) {

    /** What an entry names; {@link #code} is its byte in the binary format. */
    public enum Kind {
        /** {@code function}. */
        FUNCTION(0),
        /** {@code global}. */
        GLOBAL(1),
        /** {@code start}. */
        START(2);

        /**
         * The binary encoding byte.
         */
        public final int code;

        Kind(int code) {
            this.code = code;
        }

        /**
         * The kind with this byte, or null.
         *
         * @param code the code
         * @return the kind
         */
        public static Kind of(int code) {
            for (Kind k : values()) {
                if (k.code == code) {
                    return k;
                }
            }
            return null;
        }
    }
}
