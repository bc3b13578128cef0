package dev.wasm4j;

/**
 * The module is well-formed but breaks a validation rule (spec chapter 3).
 *
 * <p>Thread safety: immutable.
 */
public final class InvalidException extends ModuleException {

    /**
     * An invalid module.
     *
     * @param rule the rule broken, in the spec testsuite's words
     * @param offset the byte offset (character offset for text), or -1 when unknown
     */
    public InvalidException(String rule, long offset) {
        super(rule, offset);
    }

    /**
     * An invalid module from a named source.
     *
     * @param rule the rule broken, in the spec testsuite's words
     * @param offset the byte offset (character offset for text), or -1 when unknown
     * @param source the file the module came from, or null
     * @param line the 1-based line in a text source, or -1
     * @param column the 1-based column in a text source, or -1
     */
    public InvalidException(String rule, long offset, String source, int line, int column) {
        super(rule, offset, source, line, column);
    }
}
