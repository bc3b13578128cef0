package dev.wasm4j.wasi;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a WASI guest may see: its arguments ({@code args[0]} is the program name), its environment, the host
 * directories it may use (preopens, each under a guest name), its standard streams, and listening sockets
 * it may accept connections on. Immutable; the {@code with...} methods return changed copies.
 *
 * <pre>{@code
 * WasiConfig config = WasiConfig.of("cat.wasm", "notes.txt")
 *     .withPreopen(Path.of("."), ".")
 *     .inheritStdio();
 * }</pre>
 *
 * @param terminal whether the standard streams are a terminal (they then report as character devices,
 *                 which makes wasi-libc line-buffer its stdout; otherwise their filetype is unknown)
 */
public record WasiConfig(List<String> args, Map<String, String> env, List<Preopen> preopens, InputStream stdin,
                         OutputStream stdout, OutputStream stderr, boolean terminal,
                         List<ServerSocketChannel> listeners) {

    /** A host directory {@code host} that the guest sees as {@code guest} (for example "." or "/data"). */
    public record Preopen(Path host, String guest) {
        public Preopen {
            Objects.requireNonNull(host);
            Objects.requireNonNull(guest);
        }
    }

    public WasiConfig {
        args = List.copyOf(args);
        env = Collections.unmodifiableMap(new LinkedHashMap<>(env));
        preopens = List.copyOf(preopens);
        Objects.requireNonNull(stdin);
        Objects.requireNonNull(stdout);
        Objects.requireNonNull(stderr);
        listeners = List.copyOf(listeners);
    }

    /** Arguments only: no environment, no preopens, empty stdin, output discarded. */
    public static WasiConfig of(String... args) {
        return new WasiConfig(List.of(args), Map.of(), List.of(), InputStream.nullInputStream(),
                OutputStream.nullOutputStream(), OutputStream.nullOutputStream(), false, List.of());
    }

    public WasiConfig withArgs(List<String> newArgs) {
        return new WasiConfig(newArgs, env, preopens, stdin, stdout, stderr, terminal, listeners);
    }

    public WasiConfig withEnv(String name, String value) {
        Map<String, String> e = new LinkedHashMap<>(env);
        e.put(name, value);
        return new WasiConfig(args, e, preopens, stdin, stdout, stderr, terminal, listeners);
    }

    public WasiConfig withPreopen(Path host, String guest) {
        List<Preopen> p = new ArrayList<>(preopens);
        p.add(new Preopen(host, guest));
        return new WasiConfig(args, env, p, stdin, stdout, stderr, terminal, listeners);
    }

    public WasiConfig withStdin(InputStream in) {
        return new WasiConfig(args, env, preopens, in, stdout, stderr, terminal, listeners);
    }

    public WasiConfig withStdout(OutputStream out) {
        return new WasiConfig(args, env, preopens, stdin, out, stderr, terminal, listeners);
    }

    public WasiConfig withStderr(OutputStream err) {
        return new WasiConfig(args, env, preopens, stdin, stdout, err, terminal, listeners);
    }

    public WasiConfig withTerminal(boolean isTerminal) {
        return new WasiConfig(args, env, preopens, stdin, stdout, stderr, isTerminal, listeners);
    }

    /** Adds a listening socket that the guest finds as a descriptor after the preopens (sock_accept). */
    public WasiConfig withListener(ServerSocketChannel listener) {
        List<ServerSocketChannel> l = new ArrayList<>(listeners);
        l.add(listener);
        return new WasiConfig(args, env, preopens, stdin, stdout, stderr, terminal, l);
    }

    /** The process's own standard streams (file descriptors 0, 1 and 2, unbuffered by Java). */
    public WasiConfig inheritStdio() {
        return new WasiConfig(args, env, preopens, new FileInputStream(FileDescriptor.in),
                new FileOutputStream(FileDescriptor.out), new FileOutputStream(FileDescriptor.err), terminal,
                listeners);
    }
}
