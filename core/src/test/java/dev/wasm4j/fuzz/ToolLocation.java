package dev.wasm4j.fuzz;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** Where the fuzzers find an outside tool: the path an environment variable names, else usual places. */
final class ToolLocation {
    private ToolLocation() {
    }

    /**
     * The first usable path: the one {@code envVar} names if set (only it), else the first of {@code usual};
     * if none is usable, empty with {@code what} and the places looked at, then {@code hint}, in {@code why[0]}.
     */
    static Optional<Path> find(String envVar, List<Path> usual, Predicate<Path> usable, String what, String hint,
                               String[] why) {
        String env = System.getenv(envVar);
        List<Path> candidates = env != null ? List.of(Path.of(env)) : usual;
        for (Path p : candidates) {
            if (usable.test(p)) {
                return Optional.of(p);
            }
        }
        why[0] = what + " not found in " + candidates + " (" + hint + ")";
        return Optional.empty();
    }
}
