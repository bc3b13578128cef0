package dev.wasm4j.memory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** This process's memory as Linux reports it in /proc/self/status, in bytes. */
final class ProcStatus {
    private ProcStatus() {
    }

    static boolean available() {
        return Files.isReadable(Path.of("/proc/self/status"));
    }

    /** Resident set size (VmRSS). */
    static long rss() {
        return field("VmRSS:");
    }

    /** Mapped virtual memory (VmSize). */
    static long mapped() {
        return field("VmSize:");
    }

    private static long field(String name) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(name)) {
                    return Long.parseLong(line.substring(name.length()).strip().split("\\s+")[0]) * 1024;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException(name + " not in /proc/self/status");
    }
}
