package dev.wasm4j.fuzz;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * binaryen's {@code wasm-opt} (the npm package, run by node) kept running for many jobs:
 * {@code fuzz/binaryen-batch.js} compiles the tool once and runs each job in a fresh instance of it.
 * Where the tool is found: {@code $WASM4J_BINARYEN} (the package's folder), the cache that
 * {@code scripts/fuzz-tools} installs into, or node's global packages.
 */
final class BinaryenBatch implements AutoCloseable {

    record Result(int code, String out) {
    }

    private final NodeProcess node;

    private BinaryenBatch(NodeProcess node) {
        this.node = node;
    }

    /** The binaryen package folder, or empty with the reason in {@code why[0]}. */
    static Optional<Path> locate(String[] why) {
        return ToolLocation.find("WASM4J_BINARYEN", List.of(
                Path.of(System.getProperty("user.home"), ".cache/wasm4j/npm/node_modules/binaryen"),
                Path.of("/usr/lib/node_modules/binaryen"), Path.of("/usr/local/lib/node_modules/binaryen")),
                p -> Files.isRegularFile(p.resolve("bin/wasm-opt")), "binaryen's npm package",
                "scripts/fuzz-tools installs it", why);
    }

    static BinaryenBatch start(Path repository, Path binaryen) throws IOException {
        return new BinaryenBatch(new NodeProcess(repository.resolve("fuzz/binaryen-batch.js").toString(),
                binaryen.resolve("bin/wasm-opt").toString()));
    }

    Result run(List<String> args) {
        node.send(args.stream().map(BinaryenBatch::quote).collect(Collectors.joining(",", "[", "]")));
        String line = node.receive();
        int codeAt = line.indexOf("\"code\":") + 7;
        int code = Integer.parseInt(line.substring(codeAt, line.indexOf(',', codeAt)).trim());
        int outAt = line.indexOf("\"out\":\"") + 7;
        return new Result(code, unquote(line.substring(outAt, line.lastIndexOf('"'))));
    }

    private static String quote(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    /** The body of a JSON string. */
    static String unquote(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\') {
                b.append(c);
                continue;
            }
            char e = s.charAt(++i);
            switch (e) {
                case 'n' -> b.append('\n');
                case 't' -> b.append('\t');
                case 'r' -> b.append('\r');
                case 'b' -> b.append('\b');
                case 'f' -> b.append('\f');
                case 'u' -> {
                    b.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> b.append(e);
            }
        }
        return b.toString();
    }

    @Override
    public void close() {
        node.close();
    }
}
