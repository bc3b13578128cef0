package dev.wasm4j.binary;

import dev.wasm4j.WasmException;
import dev.wasm4j.binary.WastModules.Kind;
import dev.wasm4j.binary.WastModules.ModuleForm;
import dev.wasm4j.model.Features;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Feeds damaged versions of every binary module of the spec testsuite to the decoder: every truncation (a
 * sample of them for big modules) and seeded random mutations (bit flips, interesting bytes, inserted
 * over-long or huge LEB128 values, deleted runs). Whatever the input, only a {@link WasmException} may come
 * out: no runtime exception, no error, no hang.
 */
class DecoderRobustnessTest {
    /** Modules up to this size get every truncation; bigger ones a sample of this many. */
    private static final int ALL_PREFIXES_UP_TO = 4096;
    private static final int MUTANTS_PER_MODULE = 256;
    private static final AtomicLong DECODES = new AtomicLong();

    /** Interesting LEB128 runs: over-long zero, 2^32 - 1, 2^31, and a value too large for 32 bits. */
    private static final byte[][] INSERTS = {
            {(byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x00},
            {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x0F},
            {(byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x08},
            {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x7F},
            {0x02, 0x02, 0x02, 0x02, 0x02, 0x02, 0x02, 0x02},       // nested blocks
            {0x0B}, {0x05}, {0x40}, {0x63, 0x00}, {0x4E, 0x7F},
    };
    private static final int[] INTERESTING = {0x00, 0x01, 0x0B, 0x40, 0x60, 0x7F, 0x80, 0xFF};

    @TestFactory
    List<DynamicNode> truncations() {
        return BinarySuiteTest.perFile(m -> m.kind() == Kind.BINARY, (m, features) -> within(() -> {
            byte[] b = m.binary();
            int step = Math.max(1, b.length / ALL_PREFIXES_UP_TO);
            for (int len = 0; len < b.length; len += step) {
                byte[] prefix = Arrays.copyOf(b, len);
                decode(m, prefix, features);
                decode(m, prefix, Features.DEFAULT);
            }
        }), Map.of());
    }

    @TestFactory
    List<DynamicNode> mutations() {
        return BinarySuiteTest.perFile(m -> m.kind() == Kind.BINARY, (m, features) -> within(() -> {
            SplittableRandom random = new SplittableRandom((m.file() + ":" + m.line()).hashCode());
            for (int i = 0; i < MUTANTS_PER_MODULE; i++) {
                byte[] mutant = mutate(m.binary(), random);
                decode(m, mutant, i % 2 == 0 ? features : Features.DEFAULT);
            }
        }), Map.of());
    }

    /** Runs {@code work} with a generous time limit, so that a decoder that loops fails instead of hanging. */
    static void within(Executable work) {
        assertTimeoutPreemptively(Duration.ofSeconds(30), work);
    }

    @AfterAll
    static void report() {
        System.out.println("DecoderRobustnessTest: " + DECODES.get() + " damaged modules decoded");
    }

    static byte[] mutate(byte[] original, SplittableRandom random) {
        byte[] b = original.clone();
        if (b.length <= 8) {
            return b;
        }
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits; e++) {
            // Keep the header most of the time, so that mutations reach the sections.
            int at = 8 + random.nextInt(b.length - 8);
            switch (random.nextInt(5)) {
                case 0 -> b[at] ^= (byte) (1 << random.nextInt(8));
                case 1 -> b[at] = (byte) INTERESTING[random.nextInt(INTERESTING.length)];
                case 2 -> b[at] = (byte) random.nextInt(256);
                case 3 -> {
                    byte[] ins = INSERTS[random.nextInt(INSERTS.length)];
                    byte[] n = new byte[b.length + ins.length];
                    System.arraycopy(b, 0, n, 0, at);
                    System.arraycopy(ins, 0, n, at, ins.length);
                    System.arraycopy(b, at, n, at + ins.length, b.length - at);
                    b = n;
                }
                default -> {
                    int len = Math.min(1 + random.nextInt(8), b.length - at);
                    byte[] n = new byte[b.length - len];
                    System.arraycopy(b, 0, n, 0, at);
                    System.arraycopy(b, at + len, n, at, b.length - at - len);
                    b = n;
                    if (b.length <= 8) {
                        return b;
                    }
                }
            }
        }
        return b;
    }

    private static void decode(ModuleForm m, byte[] bytes, Features features) {
        DECODES.incrementAndGet();
        decodeOnlyWasmException(m, bytes, features);
    }

    /** Decodes {@code bytes}, failing the test if anything but a {@link WasmException} comes out. */
    static void decodeOnlyWasmException(ModuleForm m, byte[] bytes, Features features) {
        try {
            ModuleDecoder.decode(bytes, features);
        } catch (WasmException expected) {
            // the only acceptable failure
        } catch (Throwable t) {
            fail(m.name() + ": " + t + " on input " + hex(bytes), t);
        }
    }

    static String hex(byte[] b) {
        StringBuilder s = new StringBuilder();
        for (byte x : b) {
            s.append(String.format("%02x", x & 0xFF));
        }
        return s.toString();
    }
}
