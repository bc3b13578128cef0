package dev.wasm4j.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses and checks the limits and output files of {@code wasm4j run}, before anything runs. */
final class Limits {
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)?");

    private Limits() {
    }

    /** {@code --fuel N}: a positive number of units. */
    static long fuel(String text) {
        long units;
        try {
            units = Long.parseLong(text.strip().replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--fuel: \"" + text + "\" is not a number of fuel units");
        }
        if (units <= 0) {
            throw new IllegalArgumentException("--fuel must be a positive number of units, got " + units);
        }
        return units;
    }

    /** A positive duration: {@code 500ms}, {@code 10s}, {@code 1.5s}, {@code 2m}, {@code 1h}; a bare number is seconds. */
    static Duration duration(String option, String text) {
        Matcher m = DURATION.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException(option + ": \"" + text + "\" is not a duration (e.g. 500ms, 10s, 2m)");
        }
        double v = Double.parseDouble(m.group(1));
        double unitNanos = switch (m.group(2) == null ? "s" : m.group(2)) {
            case "ms" -> 1e6;
            case "m" -> 60e9;
            case "h" -> 3600e9;
            default -> 1e9;
        };
        long nanos = (long) (v * unitNanos);
        if (nanos <= 0) {
            throw new IllegalArgumentException(option + " must be positive, got " + text);
        }
        return Duration.ofNanos(nanos);
    }

    /**
     * What is left of a time limit counted from the start of this process (the JVM's start-up and the module's
     * loading count, as they do for a user timing the command); at least a millisecond.
     */
    static Duration leftOf(Duration limit) {
        // The launcher's start when it says (-Dwasm4j.launchMicros); the process's start time has only
        // whole-second precision on Linux, which ended --timeout 1s runs after 0.7 s.
        String launched = System.getProperty("wasm4j.launchMicros");
        long started = launched != null && launched.matches("[0-9]+") ? Long.parseLong(launched) / 1000
                : System.currentTimeMillis();
        Duration used = Duration.ofMillis(Math.max(0, System.currentTimeMillis() - started));
        Duration left = limit.minus(used);
        return left.compareTo(Duration.ofMillis(1)) < 0 ? Duration.ofMillis(1) : left;
    }

    /** {@code --memory-trace}: a .svg or .csv file that can be written, checked before the run. */
    static void checkTraceFile(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".svg") && !name.endsWith(".csv")) {
            throw new IllegalArgumentException("--memory-trace: " + file
                    + " must end with .svg (a chart) or .csv (the samples)");
        }
        Path dir = file.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new IOException("--memory-trace: " + file + ": no such directory " + dir);
        }
        if (Files.exists(file) ? !Files.isWritable(file) || Files.isDirectory(file) : !Files.isWritable(dir)) {
            throw new IOException("--memory-trace: " + file + ": permission denied");
        }
    }
}
