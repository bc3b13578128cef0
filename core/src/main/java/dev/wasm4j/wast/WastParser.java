package dev.wasm4j.wast;

/** STUB placeholder until the text format lands. */
public final class WastParser {
    private WastParser() {
    }

    public static Script parse(String fileName, String text) {
        throw new UnsupportedOperationException();
    }
}
