package dev.wasm4j.fuzz;

import java.util.Random;

/**
 * A generator of random modules for what binaryen does not emit: memory control (memory.discard, static
 * protection, virtual memories with memory.map, memory.unmap and memory.protect; docs/proposals). Each
 * module has one memory of a random kind and exports functions that each do a few random accesses and
 * memory control operations at addresses near the interesting bounds (pages, protected sections), logging
 * every value read and every result. wasm4j's tiers are compared with each other on them.
 */
final class MemoryControlModules {

    private static final int PAGE = 65536;
    private static final String[] PROTECTIONS = {"none", "read", "readwrite"};

    private final Random random;
    private final boolean virtual;
    private final boolean wide;
    private final int pages;
    /** The read-write section at instantiation: where most accesses go, so that most of them succeed. */
    private final long writableStart;
    private final long writableBytes;
    /** A few addresses that accesses come back to, so that loads see what stores and fills wrote. */
    private final long[] hot = new long[4];

    private MemoryControlModules(Random random, boolean virtual, boolean wide, int pages, long writableStart,
                                 long writableBytes) {
        this.random = random;
        this.virtual = virtual;
        this.wide = wide;
        this.pages = pages;
        this.writableStart = writableStart;
        this.writableBytes = writableBytes;
        for (int i = 0; i < hot.length; i++) {
            hot[i] = writableBytes > 64 ? writableStart + random.nextLong(writableBytes - 32)
                    : (long) random.nextInt(pages + 1) * PAGE;
        }
    }

    /** The text of module number {@code seed}. */
    static String generate(long seed) {
        Random r = new Random(seed);
        boolean virtual = r.nextInt(3) == 0;
        boolean protect = r.nextBoolean();
        boolean wide = r.nextInt(4) == 0;
        int noAccess = protect ? r.nextInt(3) : 0;
        int readOnly = protect ? r.nextInt(3) : 0;
        int min = (virtual ? 1 : 0) + r.nextInt(3);
        int max = min + r.nextInt(3);
        MemoryControlModules g = new MemoryControlModules(r, virtual, wide, noAccess + readOnly + max,
                (long) (noAccess + readOnly) * PAGE, (long) min * PAGE);
        StringBuilder m = new StringBuilder("(module\n");
        m.append("  (import \"fuzzing-support\" \"log-i32\" (func $log32 (param i32)))\n");
        m.append("  (import \"fuzzing-support\" \"log-i64\" (func $log64 (param i64)))\n");
        m.append("  (memory ").append(wide ? "i64 " : "").append(virtual ? "virtual " : "").append(min).append(' ')
                .append(max);
        if (protect) {
            m.append(" (no-access ").append(noAccess).append(") (read-only ").append(readOnly).append(')');
        }
        m.append(")\n");
        if (!virtual && min > 0 && r.nextBoolean()) {
            m.append("  (data (").append(wide ? "i64" : "i32").append(".const ")
                    .append((long) (noAccess + readOnly) * PAGE + r.nextInt(64)).append(") \"\\01\\02\\03\\04\\fe\\ff\")\n");
        }
        int functions = 3 + r.nextInt(10);
        for (int f = 0; f < functions; f++) {
            m.append("  (func (export \"f").append(f).append("\")\n");
            int ops = 1 + r.nextInt(10);
            for (int i = 0; i < ops; i++) {
                m.append("    ").append(g.operation()).append('\n');
            }
            m.append("  )\n");
        }
        return m.append(")\n").toString();
    }

    private String operation() {
        int kind = random.nextInt(virtual ? 14 : 11);
        return switch (kind) {
            case 0 -> log32("(i32.load" + offset() + " " + address() + ")");
            case 1 -> log32("(i32.load8_u" + offset() + " " + address() + ")");
            case 2 -> log32("(i32.load16_s" + offset() + " " + address() + ")");
            case 3 -> "(call $log64 (i64.load" + offset() + " " + address() + "))";
            case 4 -> log32("(i32x4.extract_lane " + random.nextInt(4) + " (v128.load" + offset() + " "
                    + address() + "))");
            case 5 -> "(i32." + (random.nextBoolean() ? "store" : "store8") + offset() + " " + address()
                    + " (i32.const " + random.nextInt() + "))";
            case 6 -> "(v128.store" + offset() + " " + address() + " (v128.const i64x2 " + random.nextLong() + " "
                    + random.nextLong() + "))";
            case 7 -> "(memory.fill " + address() + " (i32.const " + random.nextInt(256) + ") " + length() + ")";
            case 8 -> "(memory.copy " + address() + " " + address() + " " + length() + ")";
            case 9 -> "(memory.discard " + address() + " " + length() + ")";
            case 10 -> random.nextBoolean() ? logAddress("(memory.size)")
                    : logAddress("(memory.grow " + constant(random.nextInt(3)) + ")");
            case 11 -> logAddress("(memory.map " + protection() + " " + address() + " " + length() + ")");
            case 12 -> "(memory.unmap " + address() + " " + length() + ")";
            default -> "(memory.protect " + protection() + " " + address() + " " + length() + ")";
        };
    }

    private static String log32(String value) {
        return "(call $log32 " + value + ")";
    }

    private String logAddress(String value) {
        return wide ? "(call $log64 " + value + ")" : log32(value);
    }

    private String protection() {
        return PROTECTIONS[random.nextInt(PROTECTIONS.length)];
    }

    private String offset() {
        return switch (random.nextInt(10)) {
            case 0 -> " offset=" + random.nextInt(16);
            case 1 -> " offset=" + PAGE;
            default -> "";
        };
    }

    /**
     * An address in the read-write section (half the time, so that most accesses succeed; often one of a
     * few that the module comes back to), near a page bound, anywhere in the memory, or far out.
     */
    private String address() {
        long a = switch (random.nextInt(10)) {
            case 0 -> random.nextLong(0, (long) (pages + 1) * PAGE);
            case 1 -> -1 - random.nextInt(16);
            case 2, 3, 4 -> Math.max(0, (long) random.nextInt(pages + 2) * PAGE + random.nextInt(33) - 16);
            case 5, 6 -> hot[random.nextInt(hot.length)] + random.nextInt(8);
            default -> writableBytes > 64 && !virtual ? writableStart + random.nextLong(writableBytes - 32)
                    : (long) random.nextInt(pages + 1) * PAGE + random.nextInt(64);
        };
        return constant(a);
    }

    private String length() {
        long n = switch (random.nextInt(8)) {
            case 0 -> 0;
            case 1, 2, 3 -> random.nextInt(64) + 1;
            case 4 -> PAGE;
            case 5 -> (long) (random.nextInt(3) + 1) * PAGE + random.nextInt(33) - 16;
            default -> random.nextInt(3 * PAGE);
        };
        return constant(n);
    }

    private String constant(long v) {
        return wide ? "(i64.const " + v + ")" : "(i32.const " + (int) v + ")";
    }
}
