package dev.wasm4j.wasi;

import dev.wasm4j.ExitException;
import dev.wasm4j.Linker;
import dev.wasm4j.Memory;
import dev.wasm4j.TrapException;
import dev.wasm4j.Value;
import dev.wasm4j.memory.LinearMemory;
import dev.wasm4j.model.FuncType;
import dev.wasm4j.model.Limits;
import dev.wasm4j.model.MemoryType;
import dev.wasm4j.model.NumType;
import dev.wasm4j.model.ValType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.NonReadableChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.file.InvalidPathException;
import java.util.ArrayList;
import java.util.List;

/**
 * Defines the functions of {@code wasi_snapshot_preview1} on a linker. Each function is written as an
 * {@link Impl} returning an {@link Errno}; the wrapper here turns {@link WasiError}s, I/O exceptions and
 * out-of-bounds guest pointers into errno results, so that no Java exception reaches the guest.
 */
final class Exports {
    static final String MODULE = "wasi_snapshot_preview1";

    /** A WASI function: arguments as Values, the caller's memory (empty if it has none). */
    @FunctionalInterface
    interface Impl {
        Errno call(Memory memory, Value[] args) throws IOException;
    }

    /**
     * No memory exported: every guest pointer is out of bounds (EFAULT). On the Java heap: native memory would
     * make defining WASI wait for the FFM linker's set-up, which a tool starts on another thread meanwhile.
     */
    private static final Memory NO_MEMORY = LinearMemory.allocate(MemoryType.of(Limits.of(0, 0)), true);
    private static final Value[][] RESULTS = new Value[Errno.values().length][];

    static {
        for (Errno e : Errno.values()) {
            RESULTS[e.ordinal()] = new Value[] {Value.i32(e.code())};
        }
    }

    private final Linker linker;
    /** The WASI instance, whose process may have ended (wasi-threads); null when only listing functions. */
    private final Wasi wasi;
    private final List<String> names = new ArrayList<>();
    private final java.util.Map<String, String> params = new java.util.LinkedHashMap<>();

    Exports(Linker linker, Wasi wasi) {
        this.linker = linker;
        this.wasi = wasi;
    }

    /** A thread of a wasi-threads program that has ended goes no further than its next WASI call. */
    private void checkRunning() {
        WasiThreads threads = wasi == null ? null : wasi.threads;
        if (threads != null) {
            threads.checkRunning();
        }
    }

    /**
     * Defines {@code name} with parameters {@code params} ('i' for i32, 'I' for i64) returning an errno.
     */
    void fn(String name, String params, Impl impl) {
        names.add(name);
        this.params.put(name, params);
        linker.define(MODULE, name, FuncType.of(types(params), List.of(NumType.I32)), (caller, args) -> {
            checkRunning();
            Memory memory = caller.memory().orElse(NO_MEMORY);
            return RESULTS[invoke(impl, memory, args).ordinal()];
        });
    }

    /** Defines a function without results (proc_exit). */
    void procedure(String name, String params, Impl impl) {
        names.add(name);
        this.params.put(name, params);
        linker.define(MODULE, name, FuncType.of(types(params), List.of()), (caller, args) -> {
            checkRunning();
            invoke(impl, caller.memory().orElse(NO_MEMORY), args);
            return new Value[0];
        });
    }

    List<String> names() {
        return names;
    }

    /** Parameter codes per function ('i' i32, 'I' i64), for tests that call every function. */
    java.util.Map<String, String> params() {
        return params;
    }

    static Errno invoke(Impl impl, Memory memory, Value[] args) {
        try {
            return impl.call(memory, args);
        } catch (WasiError e) {
            return e.errno;
        } catch (ExitException e) {
            throw e;
        } catch (TrapException e) {
            if (LinearMemory.OUT_OF_BOUNDS.equals(e.trapMessage())) {
                return Errno.FAULT;
            }
            throw e;
        } catch (IOException e) {
            return IoErrors.errno(e);
        } catch (UncheckedIOException e) {
            return IoErrors.errno(e.getCause());
        } catch (NonReadableChannelException | NonWritableChannelException e) {
            return Errno.BADF;
        } catch (InvalidPathException e) {
            return Errno.ILSEQ;
        } catch (IllegalArgumentException e) {
            return Errno.INVAL;
        } catch (UnsupportedOperationException e) {
            return Errno.NOTSUP;
        } catch (SecurityException e) {
            return Errno.ACCES;
        } catch (OutOfMemoryError e) {
            return Errno.NOMEM;
        }
    }

    private static List<ValType> types(String params) {
        List<ValType> types = new ArrayList<>();
        for (char c : params.toCharArray()) {
            types.add(switch (c) {
                case 'i' -> NumType.I32;
                case 'I' -> NumType.I64;
                default -> throw new IllegalArgumentException("bad parameter code " + c);
            });
        }
        return types;
    }
}
