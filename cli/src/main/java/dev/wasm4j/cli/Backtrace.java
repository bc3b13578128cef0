package dev.wasm4j.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A Wasm backtrace as the CLI prints it: numbered frames, innermost first, with runs of one function (deep
 * recursion: {@code call stack exhausted} has 200,000 frames) folded into one line, and at most
 * {@link #MAX_LINES} lines in all.
 */
final class Backtrace {
    /** Frames of a run shown before it is folded. */
    static final int RUN_SHOWN = 3;
    /** Most lines printed; beyond, the middle is left out with a count. */
    static final int MAX_LINES = 60;

    private Backtrace() {
    }

    static List<String> folded(List<String> frames) {
        List<String> lines = new ArrayList<>();
        int i = 0;
        while (i < frames.size()) {
            String f = frames.get(i);
            int end = i;
            while (end < frames.size() && frames.get(end).equals(f)) {
                end++;
            }
            int run = end - i;
            for (int k = 0; k < Math.min(run, RUN_SHOWN); k++) {
                lines.add((i + k) + ": " + f);
            }
            if (run > RUN_SHOWN) {
                lines.add(String.format(Locale.ROOT, "... %,d more frames of %s ...", run - RUN_SHOWN, f));
            }
            i = end;
        }
        if (lines.size() > MAX_LINES) {
            int head = MAX_LINES - 10;
            List<String> cut = new ArrayList<>(lines.subList(0, head));
            cut.add(String.format(Locale.ROOT, "... %,d more lines ...", lines.size() - MAX_LINES));
            cut.addAll(lines.subList(lines.size() - 10, lines.size()));
            return cut;
        }
        return lines;
    }
}
