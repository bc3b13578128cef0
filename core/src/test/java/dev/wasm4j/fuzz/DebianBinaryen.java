package dev.wasm4j.fuzz;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Debian's {@code binaryen} package (version 108, a native build) as a second source of random modules: its
 * {@code wasm-opt -ttf} is an older generator than npm's 132 and makes other programs. Where it is found:
 * {@code $WASM4J_DEBIAN_BINARYEN} (its {@code wasm-opt}), the package unpacked by {@code scripts/fuzz-tools
 * debian} into {@code ~/.cache/wasm4j/debian}, or an installed package's {@code /usr/bin/wasm-opt} (when
 * that is a native program, not npm's script of the same name).
 */
final class DebianBinaryen {

    private static final long TIMEOUT_SECONDS = 60;

    private final Path wasmOpt;

    private DebianBinaryen(Path wasmOpt) {
        this.wasmOpt = wasmOpt;
    }

    /** Debian's wasm-opt, or empty with the reason in {@code why[0]}. */
    static Optional<DebianBinaryen> locate(String[] why) {
        return ToolLocation.find("WASM4J_DEBIAN_BINARYEN", List.of(
                Path.of(System.getProperty("user.home"), ".cache/wasm4j/debian/usr/bin/wasm-opt"),
                Path.of("/usr/bin/wasm-opt")), DebianBinaryen::isNativeProgram, "Debian's binaryen",
                "scripts/fuzz-tools debian unpacks it; it needs apt", why).map(DebianBinaryen::new);
    }

    private static boolean isNativeProgram(Path p) {
        if (!Files.isRegularFile(p)) {
            return false;
        }
        try (var in = Files.newInputStream(p)) {
            byte[] head = in.readNBytes(4);
            return head.length == 4 && head[0] == 0x7F && head[1] == 'E' && head[2] == 'L' && head[3] == 'F';
        } catch (IOException e) {
            return false;
        }
    }

    /** Runs wasm-opt with {@code args}; true if it succeeded. */
    boolean run(List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of(wasmOpt.toString()));
        command.addAll(args);
        Process p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0;
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
