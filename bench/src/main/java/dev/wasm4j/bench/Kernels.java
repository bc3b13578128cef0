package dev.wasm4j.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/** {@code Kernels DIR}: writes every kernel's binary module (WAT examples assembled) to DIR/NAME.wasm. */
public final class Kernels {
    private Kernels() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Files.createDirectories(dir);
        for (Kernel k : Kernel.all().values()) {
            Files.write(dir.resolve(k.name() + ".wasm"), k.bytes());
            System.out.println(k.name() + " " + k.n());
        }
    }
}
