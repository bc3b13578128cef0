package dev.wasm4j.binary;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Test helper that writes small binary modules by hand: sections get their sizes, vectors their counts. */
public final class Bin {
    private Bin() {
    }

    /** The header followed by the given sections. */
    static byte[] module(byte[]... sections) {
        return cat(bytes(0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00), cat(sections));
    }

    /** A section: id, u32 size, content. */
    public static byte[] section(int id, byte[]... content) {
        byte[] c = cat(content);
        return cat(bytes(id), u32(c.length), c);
    }

    /** A vector: u32 count, then the items. */
    static byte[] vec(byte[]... items) {
        return cat(u32(items.length), cat(items));
    }

    static byte[] name(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return cat(u32(b.length), b);
    }

    static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    /** An unsigned LEB128. */
    public static byte[] u32(long v) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        do {
            int b = (int) (v & 0x7F);
            v >>>= 7;
            out.write(v != 0 ? b | 0x80 : b);
        } while (v != 0);
        return out.toByteArray();
    }

    public static byte[] cat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    static byte[] repeat(byte[] part, int times) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < times; i++) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** Type section with one {@code [] -> []} function type, function section with one function. */
    static byte[][] oneFunc() {
        return new byte[][] {
                section(1, vec(bytes(0x60, 0x00, 0x00))),
                section(3, vec(bytes(0x00))),
        };
    }

    /** A code section with one body (locals vector + instructions). */
    static byte[] code(byte[] body) {
        return section(10, vec(cat(u32(body.length), body)));
    }

    /** The module {@code (func <instructions>)}, with no locals; instructions must include the final end. */
    static byte[] func(int... instructions) {
        byte[][] f = oneFunc();
        return module(f[0], f[1], code(cat(bytes(0x00), bytes(instructions))));
    }
}
