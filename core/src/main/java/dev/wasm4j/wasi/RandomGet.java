package dev.wasm4j.wasi;

import dev.wasm4j.Memory;

import java.security.SecureRandom;

import static dev.wasm4j.wasi.Guest.u32;

/** random_get: bytes from the host's {@link SecureRandom}. */
final class RandomGet {
    private static final int CHUNK = 4096;
    private final SecureRandom random = new SecureRandom();
    private final byte[] chunk = new byte[CHUNK];

    void define(Exports e) {
        e.fn("random_get", "ii", (m, a) -> get(m, u32(a[0]), u32(a[1])));
    }

    private Errno get(Memory m, long buf, long len) {
        Guest.check(m, buf, len);
        for (long done = 0; done < len; done += CHUNK) {
            int n = (int) Math.min(CHUNK, len - done);
            random.nextBytes(chunk);
            m.write(buf + done, chunk, 0, n);
        }
        return Errno.SUCCESS;
    }
}
