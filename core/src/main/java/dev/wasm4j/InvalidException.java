package dev.wasm4j;

/** The module is well-formed but breaks a validation rule (spec chapter 3). */
public final class InvalidException extends ModuleException {

    public InvalidException(String rule, long offset) {
        super(rule, offset);
    }
}
