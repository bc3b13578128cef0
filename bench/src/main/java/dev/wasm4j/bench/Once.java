package dev.wasm4j.bench;

/**
 * Whole-process measurement: {@code Once ENGINE KERNEL [N]} loads, instantiates and runs the kernel once,
 * then prints the checksum. The caller times the whole process (JVM start included): time to first result.
 * {@code Once ENGINE KERNEL N REPEATS} prints the best in-process time of REPEATS calls instead (seconds).
 */
public final class Once {
    private Once() {
    }

    public static void main(String[] args) throws Exception {
        Kernel k = Kernel.named(args[1]);
        int n = args.length > 2 ? Integer.parseInt(args[2]) : k.n();
        int repeats = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        try (Runner r = Runner.create(args[0], k.bytes())) {
            if (repeats == 0) {
                System.out.println(r.run(n));
            } else {
                long best = Long.MAX_VALUE;
                long result = 0;
                for (int i = 0; i < repeats; i++) {
                    long t = System.nanoTime();
                    result = r.run(n);
                    best = Math.min(best, System.nanoTime() - t);
                }
                System.out.println(result + " " + best / 1e9);
            }
        }
        System.exit(0);
    }
}
