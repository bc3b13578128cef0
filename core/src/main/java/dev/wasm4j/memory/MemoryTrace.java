package dev.wasm4j.memory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Records, while a program runs, how much memory each linear memory has reserved (address space),
 * committed (its current size) and resident (pages in physical memory, from {@code mincore}), and writes
 * the samples as CSV or draws them as an SVG chart: what {@code wasm4j run --memory-trace} shows, so that a
 * user sees {@code memory.discard} give pages back.
 */
public final class MemoryTrace implements AutoCloseable {
    /** One sample: time since start and, per memory, reserved/committed/resident bytes. */
    public record Sample(double seconds, long[] reserved, long[] committed, long[] resident) {
    }

    private final List<LinearMemory> memories;
    private final List<Sample> samples = new ArrayList<>();
    private final long start = System.nanoTime();
    private final Thread sampler;
    private volatile boolean running = true;

    /** Starts sampling {@code memories} every {@code intervalMillis} on a daemon thread. */
    public MemoryTrace(List<LinearMemory> memories, long intervalMillis) {
        this.memories = List.copyOf(memories);
        sample();
        sampler = Thread.ofPlatform().daemon().name("wasm4j-memory-trace").start(() -> {
            while (running) {
                try {
                    Thread.sleep(intervalMillis);
                } catch (InterruptedException e) {
                    return;
                }
                sample();
            }
        });
    }

    /** Takes a sample now (also called at the end of a run). */
    public void sample() {
        int n = memories.size();
        long[] reserved = new long[n];
        long[] committed = new long[n];
        long[] resident = new long[n];
        for (int i = 0; i < n; i++) {
            LinearMemory m = memories.get(i);
            try {
                reserved[i] = m.reservedBytes();
                committed[i] = m.byteSize();
                resident[i] = m.residentBytes();
            } catch (RuntimeException closed) {
                // the memory was closed meanwhile: it holds nothing
            }
        }
        synchronized (samples) {
            samples.add(new Sample((System.nanoTime() - start) / 1e9, reserved, committed, resident));
        }
    }

    public List<Sample> samples() {
        synchronized (samples) {
            return List.copyOf(samples);
        }
    }

    /** Stops sampling after a last sample. */
    @Override
    public void close() {
        if (running) {
            running = false;
            sampler.interrupt();
            try {
                sampler.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            sample();
        }
    }

    /** Writes the samples to {@code file}: SVG when it ends with .svg, CSV otherwise. */
    public void write(Path file) throws IOException {
        String s = file.toString().toLowerCase(Locale.ROOT).endsWith(".svg") ? svg() : csv();
        Files.writeString(file, s);
    }

    /** {@code seconds,memory,reserved_bytes,committed_bytes,resident_bytes}, one row per memory per sample. */
    public String csv() {
        StringBuilder b = new StringBuilder("seconds,memory,reserved_bytes,committed_bytes,resident_bytes\n");
        for (Sample s : samples()) {
            for (int i = 0; i < s.reserved().length; i++) {
                b.append(String.format(Locale.ROOT, "%.3f,%d,%d,%d,%d%n", s.seconds(), i, s.reserved()[i],
                        s.committed()[i], s.resident()[i]));
            }
        }
        return b.toString();
    }

    /** A line chart of committed and resident MiB over time, one pair of lines per memory. */
    public String svg() {
        List<Sample> ss = samples();
        int w = 800;
        int h = 400;
        int left = 70;
        int right = 20;
        int top = 40;
        int bottom = 50;
        double tMax = Math.max(ss.isEmpty() ? 1 : ss.getLast().seconds(), 1e-3);
        long yMaxBytes = 1;
        for (Sample s : ss) {
            for (int i = 0; i < s.committed().length; i++) {
                yMaxBytes = Math.max(yMaxBytes, Math.max(s.committed()[i], s.resident()[i]));
            }
        }
        double yMax = niceCeiling(yMaxBytes / 1048576.0);
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"12\">%n",
                w, h));
        b.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"20\" font-size=\"14\">wasm4j memory trace: committed and resident MiB per linear memory</text>%n", left));
        int plotW = w - left - right;
        int plotH = h - top - bottom;
        for (int k = 0; k <= 4; k++) {
            double y = top + plotH - plotH * k / 4.0;
            b.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>%n", left, y, w - right, y));
            b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%.0f MiB</text>%n", left - 6, y + 4, yMax * k / 4));
            double x = left + plotW * k / 4.0;
            b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%.2f s</text>%n", x, h - bottom + 18, tMax * k / 4));
        }
        b.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#888\"/>%n", left, top, plotW, plotH));
        String[] colours = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd"};
        int memoriesCount = ss.isEmpty() ? 0 : ss.getFirst().committed().length;
        for (int i = 0; i < memoriesCount; i++) {
            String c = colours[i % colours.length];
            b.append(polyline(ss, i, false, tMax, yMax, left, top, plotW, plotH, c, "6,4"));
            b.append(polyline(ss, i, true, tMax, yMax, left, top, plotW, plotH, c, null));
            long reserved = ss.getFirst().reserved()[i];
            b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"%s\">memory %d: resident (solid), committed (dashed); %d MiB reserved</text>%n",
                    left, h - 12 - 14 * (memoriesCount - 1 - i), c, i, reserved >> 20));
        }
        b.append("</svg>\n");
        return b.toString();
    }

    private static String polyline(List<Sample> ss, int memory, boolean resident, double tMax, double yMax,
                                   int left, int top, int plotW, int plotH, String colour, String dash) {
        StringBuilder pts = new StringBuilder();
        for (Sample s : ss) {
            double mib = (resident ? s.resident()[memory] : s.committed()[memory]) / 1048576.0;
            double x = left + plotW * s.seconds() / tMax;
            double y = top + plotH - plotH * mib / yMax;
            pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
        }
        return String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\"%s points=\"%s\"/>%n",
                colour, dash == null ? "" : " stroke-dasharray=\"" + dash + "\"", pts.toString().strip());
    }

    private static double niceCeiling(double v) {
        double p = Math.pow(10, Math.floor(Math.log10(Math.max(v, 1))));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * p >= v) {
                return m * p;
            }
        }
        return 10 * p;
    }
}
