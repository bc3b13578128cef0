import dev.wasm4j.Engine;
import dev.wasm4j.EngineConfig;
import dev.wasm4j.Function;
import dev.wasm4j.Linker;
import dev.wasm4j.Value;
import dev.wasm4j.WasmModule;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs the bench/frozen programs named on the command line in one JVM, compiled, taking turns: each round
 * calls every program's {@code run(1 000 000)} once and times it. A load that comes and goes on a shared
 * machine then hits all programs alike. Prints, per program, the best and the median time of the rounds of
 * the second half (the first half is warm-up), in ms. Used by scripts/bench-frozen.
 */
public class Interleaved {
    public static void main(String[] args) throws Exception {
        int rounds = Integer.parseInt(args[0]);
        List<String> names = Arrays.asList(args).subList(1, args.length);
        List<Function> runs = new ArrayList<>();
        for (String name : names) {
            String wat = Files.readString(Path.of("bench/frozen/" + name + ".wat"));
            runs.add(new Linker(EngineConfig.of(Engine.COMPILER)).instantiate(WasmModule.parseText(wat)).function("run"));
        }
        long[][] times = new long[runs.size()][rounds];
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < runs.size(); i++) {
                long t = System.nanoTime();
                runs.get(i).call(Value.i32(1_000_000));
                times[i][r] = System.nanoTime() - t;
            }
        }
        for (int i = 0; i < runs.size(); i++) {
            long[] measured = Arrays.copyOfRange(times[i], rounds / 2, rounds);
            Arrays.sort(measured);
            System.out.printf("%s %.3f %.3f%n", names.get(i), measured[0] / 1e6, measured[measured.length / 2] / 1e6);
        }
    }
}
