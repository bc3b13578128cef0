package dev.wasm4j.exec;

/**
 * A compiling tier that can take over an interpreted call at the head of one of its loops (on-stack
 * replacement). A function that is called once and then loops for long, such as a program's main loop,
 * would otherwise never leave the interpreter, since compiled code is only used from the next call on.
 */
public interface LoopTier {
    /** The default of {@link #loopThreshold()}. */
    int DEFAULT_LOOP_THRESHOLD = 10_000;

    /**
     * Code that continues a call of {@code f} from the head of its {@code loop}-th loop (loops counted in body
     * order, from 0) with the call's locals at {@code s/r[base..]} as the interpreter keeps them (parameters,
     * then declared locals) and an empty operand stack, leaving the results there; or null when there is none
     * yet (ask again later) or there never will be. {@code busyLoops} are the loops of {@code f} that have run
     * many iterations so far ({@link #BUSY_ITERATIONS}), the asking one included: the compiler keeps what is
     * inside them in one method.
     */
    CompiledCode loopEntry(WasmFunction f, int loop, java.util.BitSet busyLoops);

    /**
     * A loop of {@code f} whose entry is ready, or -1. When {@link #loopEntry} gives nothing, the interpreter
     * asks at that loop's next head instead of after its counter's next {@link #loopThreshold()} iterations:
     * the call is most likely still inside that loop, a nest around the loop that asked.
     */
    default int readyLoop(WasmFunction f) {
        return -1;
    }

    /** Iterations after which a loop counts as busy for {@link #loopEntry}. */
    int BUSY_ITERATIONS = 64;

    /** Iterations of a loop before the interpreter asks for its entry, and between two asks. */
    default int loopThreshold() {
        return DEFAULT_LOOP_THRESHOLD;
    }
}
