package dev.wasm4j.wasi;

import dev.wasm4j.Memory;

import java.security.SecureRandom;

import static dev.wasm4j.wasi.Guest.u32;

/** random_get: bytes from the host's {@link SecureRandom}. */
final class RandomGet {
    private static final int CHUNK = 4096;
    private SecureRandom random; // made on first use: seeding it costs start-up time most programs never need

    void define(Exports e) {
        e.fn("random_get", "ii", (m, a) -> get(m, u32(a[0]), u32(a[1])));
    }

    private Errno get(Memory m, long buf, long len) {
        Guest.check(m, buf, len);
        if (random == null) {
            random = new SecureRandom();
        }
        for (long done = 0; done < len; done += CHUNK) {
            byte[] bytes = new byte[(int) Math.min(CHUNK, len - done)];
            random.nextBytes(bytes);
            m.write(buf + done, bytes, 0, bytes.length);
        }
        return Errno.SUCCESS;
    }
}
