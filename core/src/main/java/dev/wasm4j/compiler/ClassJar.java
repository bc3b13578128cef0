package dev.wasm4j.compiler;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A module compiled ahead of time into a jar of named classes ({@code wasm4j compile --jar}): the module's
 * bytes, one class per range of functions, and what wasm4j needs to link them. Unlike the hidden classes of
 * a {@code .w4j} image, the classes are ordinary ones: on the class path, the class loader finds them by
 * name, they call each other with plain {@code invokestatic}, and the JDK's ahead-of-time cache can hold them,
 * linked and with the method profiles of a training run (JEP 483, 515), so that a later run starts with
 * C2 compiling from complete profiles instead of warming up again. The launcher puts a jar given to
 * {@code wasm4j run} on the class path and keeps that cache beside it (docs/ARCHITECTURE.md, "Class jars").
 *
 * <p>Class names are {@link #prefix} plus {@code _} and the class's ordinal ({@link #className}); the
 * prefix is a digest of the module and of the wasm4j build ({@link #thisBuild}), so that classes of another
 * module or of another build of wasm4j can never be taken for these.
 *
 * @param module the module's bytes (binary format)
 * @param prefix the binary name every class's name starts with
 * @param stamp the wasm4j build that made the classes ({@link #thisBuild}); a jar of another is not used
 * @param classes the classes, in the order of their functions
 * @param interpreted the functions left to wasm4j's interpreter, with the reason
 */
public record ClassJar(byte[] module, String prefix, String stamp, List<Named> classes,
                       Map<Integer, String> interpreted) {

    /** The entry that tells a class jar from any other jar, and holds its description. */
    static final String INDEX = "META-INF/wasm4j/classes.txt";
    private static final String MODULE = "META-INF/wasm4j/module.wasm";
    private static final String HEADER = "wasm4j class jar 1";

    /**
     * One named class.
     *
     * @param name its binary name
     * @param first the first function it holds
     * @param end one past the last
     * @param bytes the class file
     */
    public record Named(String name, int first, int end, byte[] bytes) {
    }

    /** The binary name of class {@code n} of the jar whose names start with {@code prefix}. */
    static String className(String prefix, int n) {
        return prefix + "_" + n;
    }

    /** The {@code n} of a name made by {@link #className} with {@code prefix}; -1 for any other name. */
    static int ordinalOf(String className, String prefix) {
        if (className.length() < prefix.length() + 2 || !className.startsWith(prefix)
                || className.charAt(prefix.length()) != '_') {
            return -1;
        }
        try {
            int n = Integer.parseInt(className, prefix.length() + 1, className.length(), 10);
            return n >= 0 && className.equals(className(prefix, n)) ? n : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The prefix of a name made by {@link #className}. */
    static String prefixOf(String className) {
        return className.substring(0, className.lastIndexOf('_'));
    }

    /** The class-name prefix of {@code module}'s classes, made by this build of wasm4j. */
    static String prefix(byte[] module) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(module);
            sha.update(thisBuild().getBytes(StandardCharsets.UTF_8));
            return "dev.wasm4j.compiler.W" + HexFormat.of().formatHex(sha.digest(), 0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * This build of wasm4j, and how this JVM's generated code reaches memory: a digest of wasm4j's engine
     * classes ({@link #engineDigest}) and whether raw accesses go through {@code sun.misc.Unsafe} ({@link
     * FastAccess#UNSAFE}, which a JVM without {@code --sun-misc-unsafe-memory-access=allow} does not have).
     * Generated classes call wasm4j's helpers, whose signatures another build may have changed.
     */
    static String thisBuild() {
        String engine = engineDigest;
        if (engine == null) {
            engine = engineDigest();
            engineDigest = engine;
        }
        return engine + "-" + (FastAccess.UNSAFE != null ? "unsafe" : "segment");
    }

    /** The digest of this JVM's engine classes, once computed. */
    private static volatile String engineDigest;

    /**
     * A digest of the names and CRC-32s of wasm4j's engine classes ({@code dev/wasm4j/**} but the command
     * line's), read from the jar or folder they were loaded from: the same for every jar that holds the same
     * engine (wasm4j-core's, and the command line's that includes it), built again or not, and another for
     * any change. A jar's CRCs are in its central directory, so nothing is decompressed.
     */
    private static String engineDigest() {
        try {
            Path root = Path.of(ModuleCompiler.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            TreeMap<String, Long> crcs = new TreeMap<>();
            if (Files.isDirectory(root)) {
                try (var files = Files.walk(root.resolve("dev/wasm4j"))) {
                    for (Path f : files.filter(Files::isRegularFile).toList()) {
                        CRC32 crc = new CRC32();
                        crc.update(Files.readAllBytes(f));
                        String name = root.relativize(f).toString().replace(java.io.File.separatorChar, '/');
                        crcs.put(name, crc.getValue());
                    }
                }
            } else {
                try (ZipFile zip = new ZipFile(root.toFile())) {
                    zip.stream().filter(e -> !e.isDirectory() && e.getName().startsWith("dev/wasm4j/"))
                            .forEach(e -> crcs.put(e.getName(), e.getCrc()));
                }
            }
            crcs.forEach((name, crc) -> {
                if (!name.startsWith("dev/wasm4j/cli/")) {
                    sha.update((name + ' ' + crc + '\n').getBytes(StandardCharsets.UTF_8));
                }
            });
            return HexFormat.of().formatHex(sha.digest(), 0, 8);
        } catch (Exception e) {
            return "unknown";
        }
    }

    /** Whether this jar's classes were made by this build of wasm4j. */
    public boolean current() {
        return stamp.equals(thisBuild()) && prefix.equals(prefix(module));
    }

    /** Writes the jar. */
    public void write(OutputStream out) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Created-By", "wasm4j compile --jar");
        try (JarOutputStream jar = new JarOutputStream(out, manifest)) {
            StringBuilder index = new StringBuilder(HEADER).append('\n');
            index.append("prefix ").append(prefix).append('\n').append("stamp ").append(stamp).append('\n');
            for (Named c : classes) {
                index.append("class ").append(c.name()).append(' ').append(c.first()).append(' ').append(c.end())
                        .append('\n');
            }
            interpreted.forEach((f, why) -> index.append("interpreted ").append(f).append(' ')
                    .append(why.replace('\n', ' ')).append('\n'));
            put(jar, INDEX, index.toString().getBytes(StandardCharsets.UTF_8));
            put(jar, MODULE, module);
            for (Named c : classes) {
                put(jar, c.name().replace('.', '/') + ".class", c.bytes());
            }
        }
    }

    /**
     * Writes the jar to {@code file} under a temporary name beside it (one per process), then renames it, so
     * that a run reading the file, or another process writing it, never sees half a jar.
     *
     * @param file where the jar goes
     * @throws IOException when it cannot be written (the temporary file is removed)
     */
    public void writeTo(Path file) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                write(out);
            }
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * One entry, stored without compression: deflating SQLite's classes took 140-190 ms of the 200-280 that the
     * code cache spent after the program, for a jar of 1.1 MB instead of a few; the cache's folder holds the
     * JDK's ahead-of-time cache beside it, some 20 MB.
     */
    private static void put(JarOutputStream jar, String name, byte[] bytes) throws IOException {
        JarEntry e = new JarEntry(name);
        CRC32 crc = new CRC32();
        crc.update(bytes);
        e.setMethod(ZipEntry.STORED);
        e.setSize(bytes.length);
        e.setCompressedSize(bytes.length);
        e.setCrc(crc.getValue());
        jar.putNextEntry(e);
        jar.write(bytes);
        jar.closeEntry();
    }

    /**
     * Reads the class jar at {@code path}; null when the file is no class jar (not a regular file, not a zip
     * file, or a zip file without wasm4j's index).
     *
     * @throws IOException when the file cannot be read, or is a damaged class jar
     */
    public static ClassJar read(Path path) throws IOException {
        if (!Files.isRegularFile(path) || Files.size(path) < 4) {
            return null;    // not even read: a pipe's bytes (run <(...)) are the module's
        }
        try (InputStream in = Files.newInputStream(path)) {
            byte[] magic = in.readNBytes(4);
            if (magic.length < 4 || magic[0] != 'P' || magic[1] != 'K' || magic[2] != 3 || magic[3] != 4) {
                return null;
            }
        }
        try (ZipFile zip = new ZipFile(path.toFile())) {
            ZipEntry index = zip.getEntry(INDEX);
            if (index == null) {
                return null;
            }
            String prefix = null;
            String stamp = null;
            List<Named> classes = new ArrayList<>();
            Map<Integer, String> interpreted = new TreeMap<>();
            List<String> lines = new String(bytes(zip, index), StandardCharsets.UTF_8).lines().toList();
            if (lines.isEmpty() || !lines.getFirst().equals(HEADER)) {
                throw new IOException(path + ": not a class jar of this version of wasm4j");
            }
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split(" ", 3);
                try {
                    switch (f[0]) {
                        case "prefix" -> prefix = f[1];
                        case "stamp" -> stamp = f[1];
                        case "class" -> {
                            String[] r = f[2].split(" ");
                            ZipEntry e = zip.getEntry(f[1].replace('.', '/') + ".class");
                            if (e == null) {
                                throw new IOException(path + ": class " + f[1] + " is missing");
                            }
                            classes.add(new Named(f[1], Integer.parseInt(r[0]), Integer.parseInt(r[1]), bytes(zip, e)));
                        }
                        case "interpreted" -> interpreted.put(Integer.parseInt(f[1]), f.length > 2 ? f[2] : "");
                        default -> throw new IOException(path + ": unknown line in " + INDEX + ": " + line);
                    }
                } catch (RuntimeException e) {
                    throw new IOException(path + ": damaged line in " + INDEX + ": " + line, e);
                }
            }
            ZipEntry module = zip.getEntry(MODULE);
            if (prefix == null || stamp == null || module == null) {
                throw new IOException(path + ": damaged class jar (no prefix, stamp or module)");
            }
            return new ClassJar(bytes(zip, module), prefix, stamp, List.copyOf(classes), interpreted);
        }
    }

    /**
     * The module that the class jar at {@code path} holds, read without its classes, or null when the file is
     * no class jar.
     *
     * @param path a file
     * @return the module's bytes, or null
     * @throws IOException when the file cannot be read
     */
    public static byte[] moduleOf(Path path) throws IOException {
        if (!Files.isRegularFile(path)) {
            return null;
        }
        try (ZipFile zip = new ZipFile(path.toFile())) {
            ZipEntry module = zip.getEntry(MODULE);
            return zip.getEntry(INDEX) == null || module == null ? null : bytes(zip, module);
        } catch (java.util.zip.ZipException e) {
            return null;
        }
    }

    private static byte[] bytes(ZipFile zip, ZipEntry e) throws IOException {
        try (InputStream in = zip.getInputStream(e)) {
            return in.readAllBytes();
        }
    }
}
