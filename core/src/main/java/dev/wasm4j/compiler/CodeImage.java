package dev.wasm4j.compiler;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The generated classes of a module, as bytes: what {@link ModuleCompiler#load} defines without generating
 * the functions' code again (only the small shared dispatchers of {@code call_indirect}, on first use), and
 * what {@code wasm4j compile} stores in a {@code .w4j} file together with the module itself.
 * Class data is stored as specs ({@link ChunkCompiler#resolve}) since it holds run-time objects.
 *
 * <p>File format (big-endian): magic {@code W4JC}, format version, the JDK feature version it was made
 * with, how its raw memory accesses are made (1 through {@code sun.misc.Unsafe}, 0 through the segment: see
 * {@link FastAccess#UNSAFE}), the module's bytes, the interpreted functions (index, reason), then per class its function range,
 * class data specs and class bytes. A file from another format or JDK, or whose accesses differ from this
 * JVM's, is ignored.
 */
public record CodeImage(List<Chunk> chunks, Map<Integer, String> interpreted) {
    private static final int MAGIC = 0x57344A43;
    private static final int FORMAT = 2;

    /** One generated class: functions {@code [first, end)}, its bytes and class data specs. */
    public record Chunk(int first, int end, byte[] bytes, List<String> specs) {
    }

    /** How this JVM's generated classes access memory, as stored in the file. */
    private static int accessMode() {
        return FastAccess.UNSAFE != null ? 1 : 0;
    }

    /** A {@code .w4j} file: the module's bytes and this image. */
    public byte[] write(byte[] module) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(FORMAT);
            out.writeInt(Runtime.version().feature());
            out.writeInt(accessMode());
            out.writeInt(module.length);
            out.write(module);
            out.writeInt(interpreted.size());
            for (Map.Entry<Integer, String> e : interpreted.entrySet()) {
                out.writeInt(e.getKey());
                out.writeUTF(e.getValue());
            }
            out.writeInt(chunks.size());
            for (Chunk c : chunks) {
                out.writeInt(c.first());
                out.writeInt(c.end());
                out.writeInt(c.specs().size());
                for (String s : c.specs()) {
                    out.writeUTF(s);
                }
                out.writeInt(c.bytes().length);
                out.write(c.bytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A {@code .w4j} file read back: the module's bytes, and the image if it fits this JDK and format. */
    public record Stored(byte[] module, CodeImage image) {
    }

    /**
     * The start of a {@code .w4j} file on disk, read without its classes: a large module's classes (5.7 MB for
     * SQLite) would otherwise be read onto the heap, copied and collected before the first instruction, for a
     * run that may end before they are used. {@link #classes} reads them when they are, provided the file
     * has not changed since.
     */
    public record Opened(byte[] module, Path file, long classesAt, long size,
                         java.nio.file.attribute.FileTime modified, boolean fits) {
        /** The image, read from the file now; null when it does not fit this JVM or the file changed. */
        public CodeImage classes() throws IOException {
            if (!fits || Files.size(file) != size || !Files.getLastModifiedTime(file).equals(modified)) {
                return null;
            }
            try (InputStream in = Files.newInputStream(file)) {
                in.skipNBytes(classesAt);
                return readClasses(new DataInputStream(new java.io.BufferedInputStream(in, 1 << 16)));
            }
        }
    }

    /** The file's module and where its classes start, or null when {@code file} does not start like an image. */
    public static Opened open(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return null;    // not opened: a named pipe's bytes are the module's, and its writer may wait for one open
        }
        java.nio.file.attribute.FileTime modified = Files.getLastModifiedTime(file);
        long size = Files.size(file);
        try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(file)))) {
            if (size < 4 || in.readInt() != MAGIC) {
                return null;
            }
            Head head = readHead(in);
            return new Opened(head.module, file, 5L * Integer.BYTES + head.module.length, size, modified, head.fits);
        }
    }

    public static Stored read(byte[] file) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(file))) {
            if (in.readInt() != MAGIC) {
                throw new IllegalArgumentException("not a wasm4j compiled module");
            }
            Head head = readHead(in);
            return new Stored(head.module, head.fits ? readClasses(in) : null);
        } catch (IOException e) {
            throw new IllegalArgumentException("damaged wasm4j compiled module: " + e.getMessage(), e);
        }
    }

    /** What follows the magic number: the module, and whether the classes fit this JDK, format and accesses. */
    private record Head(byte[] module, boolean fits) {
    }

    private static Head readHead(DataInputStream in) throws IOException {
        int format = in.readInt();
        int jdk = in.readInt();
        int access = format >= 2 ? in.readInt() : -1;
        int length = in.readInt();
        byte[] module = in.readNBytes(length);
        if (module.length != length) {
            throw new IllegalArgumentException("damaged wasm4j compiled module: the module is cut short");
        }
        return new Head(module, format == FORMAT && jdk == Runtime.version().feature() && access == accessMode());
    }

    /** The interpreted functions and the classes, which follow the module in the file. */
    private static CodeImage readClasses(DataInputStream in) throws IOException {
        Map<Integer, String> interpreted = new LinkedHashMap<>();
        for (int i = in.readInt(); i > 0; i--) {
            interpreted.put(in.readInt(), in.readUTF());
        }
        List<Chunk> chunks = new ArrayList<>();
        for (int i = in.readInt(); i > 0; i--) {
            int first = in.readInt();
            int end = in.readInt();
            List<String> specs = new ArrayList<>();
            for (int k = in.readInt(); k > 0; k--) {
                specs.add(in.readUTF());
            }
            int length = in.readInt();
            byte[] bytes = in.readNBytes(length);
            if (bytes.length != length) {
                throw new IOException("a class is cut short");
            }
            chunks.add(new Chunk(first, end, bytes, List.copyOf(specs)));
        }
        return new CodeImage(List.copyOf(chunks), interpreted);
    }
}
