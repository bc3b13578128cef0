package dev.wasm4j;

/** The module breaks the binary format (spec chapter 5) or the text format (chapter 6). */
public final class MalformedException extends ModuleException {

    public MalformedException(String rule, long offset) {
        super(rule, offset);
    }
}
