package dev.wasm4j;

import dev.wasm4j.model.Features;
import dev.wasm4j.text.Wat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import java.util.function.Supplier;

/** Places module errors in their source: the file's name, and for text the line and column. */
final class Diagnostics {
    private Diagnostics() {
    }

    /** Runs {@code load} on a binary module from {@code source}; its errors name the source. */
    static WasmModule binary(String source, Supplier<WasmModule> load) {
        try {
            return load.get();
        } catch (ModuleException e) {
            throw e.at(source, -1, -1);
        }
    }

    /**
     * Assembles {@code wat} and loads the bytes with {@code load}. Errors of the text carry a character
     * offset; errors found later in the assembled binary are mapped back to the instruction or definition
     * that produced the bytes. Either way they get a line and column.
     */
    static WasmModule text(String wat, String source, Features features, Function<byte[], WasmModule> load) {
        Wat.Assembly assembly;
        try {
            assembly = Wat.assembleMapped(wat);
        } catch (ModuleException e) {
            throw e.inText(source, wat, -1);
        }
        try {
            return load.apply(assembly.bytes());
        } catch (ModuleException e) {
            int at = e.offset() >= 0 ? assembly.textOffset(e.offset()) : -1;
            if (at < 0) {
                throw source == null ? e : e.at(source, -1, -1);
            }
            throw e.inText(source, wat, at);
        }
    }

    /**
     * Whether a file without the binary magic number is text: empty files and files with NUL bytes, other
     * control characters than whitespace, or bytes that are not UTF-8 are binary (and then fail as binary
     * modules without their magic number, which is what they are).
     */
    static boolean looksLikeText(byte[] bytes) {
        if (bytes.length == 0) {
            return false;
        }
        for (byte b : bytes) {
            if ((b >= 0 && b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') || b == 0x7F) {
                return false;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
