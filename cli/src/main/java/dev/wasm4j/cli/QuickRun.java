package dev.wasm4j.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * {@code wasm4j run} without picocli, for the command lines it can read: options of {@link RunCommand} spelled
 * {@code --name value}, {@code --name=value}, {@code -W value} or {@code -Wvalue}, then FILE and the guest's
 * arguments. Setting picocli up for a command (it reads the annotations reflectively, and its classes are in
 * a class file format the JDK's ahead-of-time cache cannot hold) costs more than the rest of a hello world's
 * start-up, and every run pays it.
 *
 * <p>Anything else (help, a misspelt or missing option value, {@code --}) returns null from {@link #parse},
 * and picocli handles the command line as before, so usage messages and errors stay picocli's.
 * {@code QuickRunTest} checks that both read the same command lines alike and that every option of
 * {@code run} is known here.
 */
final class QuickRun {
    /** Options that take a value. */
    static final Set<String> VALUED = Set.of("--dir", "--env", "--invoke", "--argv0", "-W", "-S", "--fuel", "--timeout",
            "--max-memory", "--engine", "--map-file", "--memory-trace");
    /** Options that take none. */
    static final Set<String> FLAGS = Set.of("--inherit-env", "--verbose", "--jit-report");

    private QuickRun() {
    }

    /** The command for {@code args} (which start with "run"), or null when picocli should read them. */
    static RunCommand parse(String[] args) {
        RunCommand run = new RunCommand();
        run.engine = "auto";
        int i = 1;
        for (; i < args.length && args[i].startsWith("-"); i++) {
            String arg = args[i];
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            } else if ((arg.startsWith("-W") || arg.startsWith("-S")) && arg.length() > 2) {
                name = arg.substring(0, 2);
                value = arg.substring(2);
                if (value.startsWith("=")) {
                    return null;
                }
            }
            if (FLAGS.contains(name) && value == null) {
                set(run, name, null);
            } else if (VALUED.contains(name)) {
                if (value == null) {
                    if (i + 1 >= args.length || args[i + 1].startsWith("-")) {
                        return null;
                    }
                    value = args[++i];
                }
                set(run, name, value);
            } else {
                return null;
            }
        }
        if (i >= args.length) {
            return null;
        }
        run.file = Path.of(args[i]);
        run.args.addAll(List.of(args).subList(i + 1, args.length));
        return run;
    }

    private static void set(RunCommand run, String name, String value) {
        switch (name) {
            case "--dir" -> run.dirs.add(value);
            case "--env" -> run.env.add(value);
            case "--invoke" -> run.invoke = value;
            case "--argv0" -> run.argv0 = value;
            case "-W" -> run.wasmOptions.add(value);
            case "-S" -> run.wasiOptions.add(value);
            case "--fuel" -> run.fuel = value;
            case "--timeout" -> run.timeout = value;
            case "--max-memory" -> run.maxMemory = value;
            case "--engine" -> run.engine = value;
            case "--map-file" -> run.mapFiles.add(value);
            case "--memory-trace" -> run.memoryTraces.add(Path.of(value));
            case "--inherit-env" -> run.inheritEnv = true;
            case "--verbose" -> run.verbose = true;
            case "--jit-report" -> run.jitReport = true;
            default -> throw new IllegalStateException("option " + name + " has no field");
        }
    }

    /** Runs the command as picocli would: its exit code, or the exit code of its error, reported as picocli's would be. */
    static int execute(RunCommand run) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        run.quickOut = out;
        run.quickErr = err;
        try {
            return run.call();
        } catch (Exception e) {
            if (run.verbose) {
                e.printStackTrace(err);
            }
            int code = ErrorHandler.report(e, err);
            err.flush();
            return code;
        } finally {
            out.flush();
            err.flush();
        }
    }
}
