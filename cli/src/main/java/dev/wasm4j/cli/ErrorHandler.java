package dev.wasm4j.cli;

import dev.wasm4j.ExitException;
import dev.wasm4j.TrapException;
import dev.wasm4j.UncaughtException;
import dev.wasm4j.WasmException;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.UncheckedIOException;

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
        int code = switch (e) {
            case ExitException x -> x.exitCode();
            case TrapException t -> {
                err.println("error: wasm trap: " + t.trapMessage());
                if (!t.wasmBacktrace().isEmpty()) {
                    err.println("wasm backtrace:");
                    for (int i = 0; i < t.wasmBacktrace().size(); i++) {
                        err.println("  " + i + ": " + t.wasmBacktrace().get(i));
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
                err.println("error: " + io.getCause().getMessage());
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
        err.flush();
        return code;
    }
}
