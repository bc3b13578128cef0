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
 * WasiConfig config = WasiConfig.builder()
 *     .args("cat.wasm", "notes.txt")
 *     .env("HOME", "/")
 *     .preopen(Path.of("data"), "/data")
 *     .inheritStdio()
 *     .build();
 * // or, changing copies: WasiConfig.of("cat.wasm", "notes.txt").withPreopen(Path.of("."), ".").inheritStdio()
 * }</pre>
 *
 * <p>Thread safety: immutable (the streams it names are the caller's).
 *
 * @param terminal whether the standard streams are a terminal (they then report as character devices,
 *                 which makes wasi-libc line-buffer its stdout; otherwise their filetype is unknown)
 *
 * @param args the args
 * @param env the env
 * @param preopens the preopens
 * @param stdin the stdin
 * @param stdout the stdout
 * @param stderr the stderr
 * @param listeners the listeners
 */
public record WasiConfig(List<String> args, Map<String, String> env, List<Preopen> preopens, InputStream stdin,
                         OutputStream stdout, OutputStream stderr, boolean terminal,
                         List<ServerSocketChannel> listeners) {

    /**
     * A host directory {@code host} that the guest sees as {@code guest} (for example "." or "/data").
     *
     * @param host the host
     * @param guest the guest
     */
    public record Preopen(Path host, String guest) {
        /**
         * Checks and normalizes the components.
         */
        public Preopen {
            Objects.requireNonNull(host);
            Objects.requireNonNull(guest);
        }
    }

    /**
     * Checks and normalizes the components.
     */
    public WasiConfig {
        args = List.copyOf(args);
        env = Collections.unmodifiableMap(new LinkedHashMap<>(env));
        preopens = List.copyOf(preopens);
        Objects.requireNonNull(stdin);
        Objects.requireNonNull(stdout);
        Objects.requireNonNull(stderr);
        listeners = List.copyOf(listeners);
    }

    /**
     * A builder, starting from nothing: no arguments, environment or preopens, empty stdin, output discarded.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds a {@link WasiConfig} step by step. Not thread-safe; {@link #build()} may be called more than once.
     */
    public static final class Builder {
        private WasiConfig config = WasiConfig.of();

        private Builder() {
        }

        /**
         * Sets the arguments ({@code args[0]} is the program's name).
         *
         * @param args the arguments
         * @return this builder
         */
        public Builder args(String... args) {
            config = config.withArgs(List.of(args));
            return this;
        }

        /**
         * Sets the arguments ({@code args[0]} is the program's name).
         *
         * @param args the arguments
         * @return this builder
         */
        public Builder args(List<String> args) {
            config = config.withArgs(args);
            return this;
        }

        /**
         * Adds (or replaces) an environment variable.
         *
         * @param name its name
         * @param value its value
         * @return this builder
         */
        public Builder env(String name, String value) {
            config = config.withEnv(name, value);
            return this;
        }

        /**
         * Passes the whole environment of this process.
         *
         * @return this builder
         */
        public Builder inheritEnv() {
            for (Map.Entry<String, String> e : System.getenv().entrySet()) {
                config = config.withEnv(e.getKey(), e.getValue());
            }
            return this;
        }

        /**
         * Gives the guest a host directory, under a guest name.
         *
         * @param host the directory (it must exist)
         * @param guest the name the guest sees it by, for example "." or "/data"
         * @return this builder
         */
        public Builder preopen(Path host, String guest) {
            config = config.withPreopen(host, guest);
            return this;
        }

        /**
         * Sets standard input.
         *
         * @param in the stream the guest reads
         * @return this builder
         */
        public Builder stdin(InputStream in) {
            config = config.withStdin(in);
            return this;
        }

        /**
         * Sets standard output.
         *
         * @param out the stream the guest writes
         * @return this builder
         */
        public Builder stdout(OutputStream out) {
            config = config.withStdout(out);
            return this;
        }

        /**
         * Sets standard error.
         *
         * @param err the stream the guest writes its errors to
         * @return this builder
         */
        public Builder stderr(OutputStream err) {
            config = config.withStderr(err);
            return this;
        }

        /**
         * Uses this process's standard streams.
         *
         * @return this builder
         */
        public Builder inheritStdio() {
            config = config.inheritStdio();
            return this;
        }

        /**
         * Says whether the standard streams are a terminal (see {@link WasiConfig#terminal()}).
         *
         * @param isTerminal true for a terminal
         * @return this builder
         */
        public Builder terminal(boolean isTerminal) {
            config = config.withTerminal(isTerminal);
            return this;
        }

        /**
         * Adds a listening socket the guest can accept connections on.
         *
         * @param listener a bound server socket
         * @return this builder
         */
        public Builder listener(ServerSocketChannel listener) {
            config = config.withListener(listener);
            return this;
        }

        /**
         * The configuration built so far.
         *
         * @return the configuration
         */
        public WasiConfig build() {
            return config;
        }
    }

    /**
     * Arguments only: no environment, no preopens, empty stdin, output discarded.
     *
     * @param args the args
     * @return the configuration
     */
    public static WasiConfig of(String... args) {
        return new WasiConfig(List.of(args), Map.of(), List.of(), InputStream.nullInputStream(),
                OutputStream.nullOutputStream(), OutputStream.nullOutputStream(), false, List.of());
    }

    /**
     * A copy with args changed.
     *
     * @param newArgs the new args
     * @return a copy with that change
     */
    public WasiConfig withArgs(List<String> newArgs) {
        return new WasiConfig(newArgs, env, preopens, stdin, stdout, stderr, terminal, listeners);
    }

    /**
     * A copy with env changed.
     *
     * @param name the name
     * @param value the value
     * @return a copy with that change
     */
    public WasiConfig withEnv(String name, String value) {
        Map<String, String> e = new LinkedHashMap<>(env);
        e.put(name, value);
        return new WasiConfig(args, e, preopens, stdin, stdout, stderr, terminal, listeners);
    }

    /**
     * A copy with preopen changed.
     *
     * @param host the host
     * @param guest the guest
     * @return a copy with that change
     */
    public WasiConfig withPreopen(Path host, String guest) {
        List<Preopen> p = new ArrayList<>(preopens);
        p.add(new Preopen(host, guest));
        return new WasiConfig(args, env, p, stdin, stdout, stderr, terminal, listeners);
    }

    /**
     * A copy with stdin changed.
     *
     * @param in the in
     * @return a copy with that change
     */
    public WasiConfig withStdin(InputStream in) {
        return new WasiConfig(args, env, preopens, in, stdout, stderr, terminal, listeners);
    }

    /**
     * A copy with stdout changed.
     *
     * @param out the out
     * @return a copy with that change
     */
    public WasiConfig withStdout(OutputStream out) {
        return new WasiConfig(args, env, preopens, stdin, out, stderr, terminal, listeners);
    }

    /**
     * A copy with stderr changed.
     *
     * @param err the err
     * @return a copy with that change
     */
    public WasiConfig withStderr(OutputStream err) {
        return new WasiConfig(args, env, preopens, stdin, stdout, err, terminal, listeners);
    }

    /**
     * A copy with terminal changed.
     *
     * @param isTerminal the is terminal
     * @return a copy with that change
     */
    public WasiConfig withTerminal(boolean isTerminal) {
        return new WasiConfig(args, env, preopens, stdin, stdout, stderr, isTerminal, listeners);
    }

    /**
     * Adds a listening socket that the guest finds as a descriptor after the preopens (sock_accept).
     *
     * @param listener the listener
     * @return a copy with that change
     */
    public WasiConfig withListener(ServerSocketChannel listener) {
        List<ServerSocketChannel> l = new ArrayList<>(listeners);
        l.add(listener);
        return new WasiConfig(args, env, preopens, stdin, stdout, stderr, terminal, l);
    }

    /**
     * The process's own standard streams (file descriptors 0, 1 and 2, unbuffered by Java).
     *
     * @return the inherit stdio
     */
    public WasiConfig inheritStdio() {
        return new WasiConfig(args, env, preopens, new FileInputStream(FileDescriptor.in),
                new FileOutputStream(FileDescriptor.out), new FileOutputStream(FileDescriptor.err), terminal,
                listeners);
    }
}
