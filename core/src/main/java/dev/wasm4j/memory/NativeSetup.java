package dev.wasm4j.memory;

/**
 * Native memory's one-time set-up (the FFM linker binding {@code mmap}, {@code mprotect} and
 * {@code madvise}: 20-40 ms of a short run, see {@link Posix#prepare}), started early by a host on a thread of
 * its own. A small class of its own, so that starting it costs the caller no class initialisation.
 */
public final class NativeSetup {
    private NativeSetup() {
    }

    private static volatile boolean provisionalAllowed;

    /**
     * Starts the set-up on a daemon thread. With {@code provisional}, a plain memory made before the set-up is
     * done starts on the heap instead of waiting for it, and moves into native memory before compiled code
     * first runs ({@link LinearMemory#settle}). Only for a host that keeps no memory segment across a call
     * into the guest and runs guest code on one thread at a time, as {@code wasm4j run} does with WASI.
     */
    public static void startInBackground(boolean provisional) {
        provisionalAllowed = provisional;
        Thread.ofPlatform().daemon().name("wasm4j-prepare").start(LinearMemory::prepareNative);
    }

    /** Set when the set-up is done (here rather than in {@link Posix}, whose initialisation is the set-up). */
    private static volatile boolean done;

    static void done() {
        done = true;
    }

    /** Whether a plain memory made now starts on the heap: allowed, and the set-up not done yet. */
    static boolean provisionalNow() {
        return provisionalAllowed && !done;
    }
}
