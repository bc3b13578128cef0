package dev.wasm4j.cli;

import dev.wasm4j.Instance;
import dev.wasm4j.Memory;
import dev.wasm4j.memory.LinearMemory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code --map-file GUESTADDR=PATH[:ro|rw]}: maps a whole file into the instance's memory before it runs. */
final class FileMapOption {
    private FileMapOption() {
    }

    static void apply(String option, Instance instance) throws IOException {
        int eq = option.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("--map-file wants GUESTADDR=PATH[:ro|rw], got " + option);
        }
        long address = parseAddress(option.substring(0, eq));
        String rest = option.substring(eq + 1);
        Memory.Protection access = Memory.Protection.READ;
        if (rest.endsWith(":rw") || rest.endsWith(":ro")) {
            access = rest.endsWith(":rw") ? Memory.Protection.READ_WRITE : Memory.Protection.READ;
            rest = rest.substring(0, rest.length() - 3);
        }
        Path path = Path.of(rest);
        long size = Files.size(path);
        LinearMemory memory = memoryOf(instance);
        long end = address + size;
        if (end > memory.byteSize()) {
            long pages = (end - memory.byteSize() + memory.pageSize() - 1) / memory.pageSize();
            if (memory.grow(pages) < 0) {
                throw new IllegalArgumentException("memory cannot grow to hold " + path + " at " + address);
            }
        }
        memory.map(path, 0, size, address, access);
    }

    private static LinearMemory memoryOf(Instance instance) {
        if (instance.exportNames().contains("memory")) {
            return (LinearMemory) instance.memory("memory");
        }
        LinearMemory[] all = dev.wasm4j.internal.Internals.instance(instance).memories;
        if (all.length == 0) {
            throw new IllegalArgumentException("--map-file: the module has no memory");
        }
        return all[0];
    }

    private static long parseAddress(String s) {
        String t = s.strip().replace("_", "");
        try {
            return t.startsWith("0x") || t.startsWith("0X") ? Long.parseUnsignedLong(t.substring(2), 16) : Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad guest address in --map-file: " + s);
        }
    }
}
