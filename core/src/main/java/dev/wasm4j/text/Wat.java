package dev.wasm4j.text;

/** STUB placeholder until the text format lands. */
public final class Wat {
    private Wat() {
    }

    public static byte[] assemble(String text) {
        throw new UnsupportedOperationException();
    }
}
