package dev.wasm4j.wasi;

/**
 * Ends a WASI call with an errno result. Thrown only inside this package and caught by the function's
 * wrapper ({@link Exports}), so it carries no stack trace.
 */
final class WasiError extends RuntimeException {
    final Errno errno;

    WasiError(Errno errno) {
        super(errno.name(), null, false, false);
        this.errno = errno;
    }

    static WasiError of(Errno errno) {
        return new WasiError(errno);
    }
}
