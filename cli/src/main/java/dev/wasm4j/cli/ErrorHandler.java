package dev.wasm4j.cli;

import dev.wasm4j.ExitException;
import dev.wasm4j.TrapException;
import dev.wasm4j.UncaughtException;
import dev.wasm4j.WasmException;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/** Turns errors into one clear line (and a Wasm backtrace for traps), never a Java stack trace unless --verbose. */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        boolean verbose = parsed.subcommands().stream().anyMatch(p -> p.hasMatchedOption("--verbose"))
                || parsed.hasMatchedOption("--verbose");
        if (verbose) {
            e.printStackTrace(err);
        }
        int code = report(e, err);
        err.flush();
        return code;
    }

    /** Prints {@code e} as one line (plus a backtrace for traps, a hint where there is one); returns the exit code. */
    static int report(Exception e, PrintWriter err) {
        return switch (e) {
            case WasmOptions.Hinted h -> {
                int c = report(h.error, err);
                err.println("hint: " + h.hint);
                yield c;
            }
            case ExitException x -> x.exitCode();
            case TrapException t -> {
                err.println("error: wasm trap: " + t.trapMessage());
                if (!t.wasmBacktrace().isEmpty()) {
                    err.println("wasm backtrace:");
                    for (String line : Backtrace.folded(t.wasmBacktrace())) {
                        err.println("  " + line);
                    }
                }
                yield Main.EXIT_TRAP;
            }
            case UncaughtException u -> {
                err.println("error: uncaught wasm exception");
                yield Main.EXIT_TRAP;
            }
            case WasmException w -> {
                err.println("error: " + w.getMessage());
                yield Main.EXIT_LOAD_ERROR;
            }
            case UncheckedIOException io -> {
                err.println("error: " + describe(io.getCause()));
                yield Main.EXIT_LOAD_ERROR;
            }
            case IOException io -> {
                err.println("error: " + describe(io));
                yield Main.EXIT_LOAD_ERROR;
            }
            case IllegalArgumentException bad -> {
                err.println("error: " + bad.getMessage());
                yield Main.EXIT_USAGE;
            }
            default -> {
                err.println("error: " + e);
                yield Main.EXIT_LOAD_ERROR;
            }
        };
    }

    /** File-system errors name the file and what is wrong with it (the JDK's message is only the path). */
    static String describe(IOException e) {
        return switch (e) {
            case NoSuchFileException f -> f.getFile() + ": no such file or directory";
            case AccessDeniedException f -> f.getFile() + ": permission denied";
            case FileSystemException f when f.getReason() != null -> f.getFile() + ": " + f.getReason();
            case FileSystemException f -> f.getFile() + ": " + f.getClass().getSimpleName()
                    .replace("Exception", "").replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase();
            default -> e.getMessage() != null ? e.getMessage() : e.toString();
        };
    }
}
