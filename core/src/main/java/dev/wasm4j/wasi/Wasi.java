package dev.wasm4j.wasi;

import dev.wasm4j.ExitException;
import dev.wasm4j.Instance;
import dev.wasm4j.Linker;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.util.List;

/**
 * WASI preview 1 for one guest: the state behind {@code wasi_snapshot_preview1} (descriptors, the
 * configuration) and the functions that use it. The threads of a wasi-threads program ({@link WasiThreads})
 * share it: the descriptor table and the buffered standard streams may be used from several threads at once.
 *
 * <pre>{@code
 * try (Wasi wasi = new Wasi(WasiConfig.of("prog").inheritStdio())) {
 *     Linker linker = wasi.define(new Linker());
 *     try (Instance instance = linker.instantiate(module)) {
 *         int exitCode = wasi.run(instance);
 *     }
 * }
 * }</pre>
 */
public final class Wasi implements AutoCloseable {
    final WasiConfig config;
    final FdTable fds = new FdTable();
    final Fd.OutputFd stdout;
    /** The program's threads, while {@link WasiThreads#run} runs it; null otherwise. */
    volatile WasiThreads threads;

    /**
     * Opens the preopened directories (which must exist) and sets up descriptors 0, 1, 2, 3, ...
     *
     * @param config the config
     */
    public Wasi(WasiConfig config) {
        this.config = config;
        int tty = config.terminal() ? Rights.CHARACTER_DEVICE : Rights.UNKNOWN;
        fds.set(0, new Fd.InputFd(readable(config.stdin()), config.stdin(), tty));
        stdout = new Fd.OutputFd(writable(config.stdout()), true, tty);
        Fd.OutputFd stderr = new Fd.OutputFd(writable(config.stderr()), false, tty);
        stderr.flushFirst = stdout;
        fds.set(1, stdout);
        fds.set(2, stderr);
        int fd = 3;
        for (WasiConfig.Preopen p : config.preopens()) {
            Path root;
            try {
                root = p.host().toRealPath();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot preopen " + p.host(), e);
            }
            if (!Files.isDirectory(root)) {
                throw new UncheckedIOException(new NotDirectoryException(p.host().toString()));
            }
            fds.set(fd++, new Fd.DirFd(openDirectory(root), root, p.guest(), Rights.DIRECTORY,
                    Rights.DIRECTORY | Rights.FILE));
        }
        for (ServerSocketChannel listener : config.listeners()) {
            fds.set(fd++, new Fd.SocketFd(listener));
        }
    }

    /**
     * The names of all functions of {@code wasi_snapshot_preview1}, in the order they are defined.
     *
     * @return the function names
     */
    public static List<String> functionNames() {
        try (Wasi w = new Wasi(WasiConfig.of())) {
            Exports e = new Exports(new Linker(), null);
            w.defineAll(e);
            return List.copyOf(e.names());
        }
    }

    /** Parameter codes ('i' i32, 'I' i64) of every function, for tests. */
    static java.util.Map<String, String> signatures() {
        try (Wasi w = new Wasi(WasiConfig.of())) {
            Exports e = new Exports(new Linker(), null);
            w.defineAll(e);
            return java.util.Map.copyOf(e.params());
        }
    }

    /**
     * Defines every function of {@code wasi_snapshot_preview1} on {@code linker}; returns it.
     *
     * @param linker the linker
     * @return the define
     */
    public Linker define(Linker linker) {
        defineAll(new Exports(linker, this));
        return linker;
    }

    private void defineAll(Exports e) {
        new ArgsEnv(config).define(e);
        new Clocks().define(e);
        new RandomGet().define(e);
        new FdFunctions(this).define(e);
        new PathFunctions(this).define(e);
        new Poll(this).define(e);
        new Proc(this).define(e);
        new Sockets(this).define(e);
    }

    /**
     * Runs a command: calls {@code _start} and returns its exit code (0 when it returns, the code of
     * {@code proc_exit} otherwise). Standard output is flushed in either case; traps propagate.
     *
     * @param instance the instance
     * @return the run
     */
    public int run(Instance instance) {
        try {
            instance.call("_start");
            return 0;
        } catch (ExitException e) {
            return e.exitCode();
        } finally {
            flush();
        }
    }

    /** Writes out what the guest's standard output holds in its buffer. */
    public void flush() {
        try {
            stdout.flush();
        } catch (IOException e) {
            // the reader went away (a closed pipe): like a process whose stdout is gone, nothing to do
        }
    }

    /** Flushes standard output and closes every descriptor the guest opened. */
    @Override
    public void close() {
        flush();
        fds.closeAll();
    }

    /** A preopen, held open; the sandbox needs directory-relative operations (Linux, macOS). */
    private static SecureDirectoryStream<Path> openDirectory(Path root) {
        try {
            DirectoryStream<Path> ds = Files.newDirectoryStream(root);
            if (ds instanceof SecureDirectoryStream<Path> sds) {
                return sds;
            }
            ds.close();
            throw new UnsupportedOperationException("WASI preopens need directory-relative file operations "
                    + "(java.nio.file.SecureDirectoryStream), which this platform lacks");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot preopen " + root, e);
        }
    }

    private static ReadableByteChannel readable(InputStream in) {
        return in instanceof FileInputStream f ? f.getChannel() : Channels.newChannel(in);
    }

    /** Not a FileChannel: standard output must outlive the interrupts that end a wasi-threads program. */
    private static WritableByteChannel writable(OutputStream out) {
        return new StreamChannel(out);
    }
}
