package dev.wasm4j.wasi;

import dev.wasm4j.ExitException;

import static dev.wasm4j.wasi.Guest.i32;

/**
 * proc_exit, proc_raise, sched_yield. proc_exit flushes standard output and ends the guest with an
 * {@link ExitException}; proc_raise is not supported (ENOSYS), as in other engines.
 */
final class Proc {
    private final Wasi wasi;

    Proc(Wasi wasi) {
        this.wasi = wasi;
    }

    void define(Exports e) {
        e.procedure("proc_exit", "i", (m, a) -> {
            wasi.flush();
            throw new ExitException(i32(a[0]));
        });
        e.fn("proc_raise", "i", (m, a) -> Errno.NOSYS);
        e.fn("sched_yield", "", (m, a) -> {
            Thread.yield();
            return Errno.SUCCESS;
        });
    }
}
