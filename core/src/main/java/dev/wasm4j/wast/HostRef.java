package dev.wasm4j.wast;

/** The host value a script writes {@code (ref.extern N)} or {@code (ref.host N)}: compared by its number. */
public record HostRef(int id) {
    @Override
    public String toString() {
        return "host#" + id;
    }
}
