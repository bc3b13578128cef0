package dev.wasm4j.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where start-up went ({@code wasm4j run --verbose}): the launcher and JVM until {@code main}, then each phase
 * of the run until the program's first instruction (the call of {@code _start}), then the program itself.
 *
 * <p>The launcher passes the wall-clock time it started at ({@code -Dwasm4j.launchMicros}, bash's
 * {@code EPOCHREALTIME}); without it (a JVM started some other way) the JVM's start is the process's start
 * time as the OS reports it, which is coarser.
 */
final class StartupTimes {
    /** When {@code main} was entered, as a monotonic and as a wall-clock time. */
    private static long mainNanos = System.nanoTime();
    private static long mainWallMicros = wallMicros();

    private final List<String> phases = new ArrayList<>();
    private final List<Long> nanos = new ArrayList<>();
    private long last = mainNanos;

    /** Called first thing in {@code main}. */
    static void mainEntered() {
        mainNanos = System.nanoTime();
        mainWallMicros = wallMicros();
    }

    /** Ends the current phase, naming it. */
    void mark(String phase) {
        mark(phase, 0);
    }

    /**
     * Ends the current phase, naming it, less {@code nestedNanos} spent in phases inside it that are recorded
     * on their own ({@link #record}): each moment of start-up is counted once.
     */
    void mark(String phase, long nestedNanos) {
        long now = System.nanoTime();
        record(phase, Math.max(0, now - last - nestedNanos));
        last = now;
    }

    /** Records a phase measured elsewhere (decode and validate inside the engine). */
    void record(String phase, long durationNanos) {
        phases.add(phase);
        nanos.add(durationNanos);
    }

    /** One line: the JVM, the phases, the first instruction's time since launch, the program's run time. */
    String describe(long programNanos) {
        StringBuilder line = new StringBuilder("wasm4j: start-up: ");
        long jvmMicros = jvmMicros();
        long total = 0;
        if (jvmMicros >= 0) {
            line.append("launcher+JVM ").append(ms(jvmMicros * 1000)).append(", ");
            total += jvmMicros * 1000;
        }
        for (int i = 0; i < phases.size(); i++) {
            line.append(phases.get(i)).append(' ').append(ms(nanos.get(i))).append(", ");
            total += nanos.get(i);
        }
        line.append("first instruction at ").append(ms(total)).append(jvmMicros >= 0 ? "" : " after main");
        line.append("; program ").append(ms(programNanos));
        return line.toString();
    }

    /** Microseconds from the launcher's start (or the process's) to {@code main}, or -1 when unknown. */
    private static long jvmMicros() {
        String launched = System.getProperty("wasm4j.launchMicros");
        if (launched != null && launched.matches("[0-9]+")) {
            return Math.max(0, mainWallMicros - Long.parseLong(launched));
        }
        return ProcessHandle.current().info().startInstant()
                .map(i -> Math.max(0, mainWallMicros - (i.getEpochSecond() * 1_000_000 + i.getNano() / 1000)))
                .orElse(-1L);
    }

    private static long wallMicros() {
        java.time.Instant now = java.time.Instant.now();
        return now.getEpochSecond() * 1_000_000 + now.getNano() / 1000;
    }

    private static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
    }
}
