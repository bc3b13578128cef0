package dev.wasm4j.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.List;

/**
 * The {@code wasm4j} command line, in the conventions of {@code wasmtime}: {@code run}, {@code compile},
 * {@code wast}, {@code validate}, {@code inspect}. Exit codes: the guest's {@code proc_exit} code; 134 after a trap; 1 for
 * a module that cannot be loaded, validated or linked; 2 for bad usage.
 */
@Command(name = "wasm4j", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "A WebAssembly engine for the JVM.")
public final class Main implements Runnable {
    static final int EXIT_LOAD_ERROR = 1;
    static final int EXIT_USAGE = 2;
    static final int EXIT_TRAP = 134;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        StartupTimes.mainEntered();
        int code = execute(args);
        // A successful run ends by returning when only daemon threads are left (the engine starts no other
        // kind), which ends the JVM as exit(0) would, shutdown hooks included: System.exit first sets up
        // System.Logger to log the call, about 15 ms of a hello world.
        if (code == 0 && onlyDaemonThreadsLeft()) {
            return;
        }
        System.exit(code);
    }

    private static boolean onlyDaemonThreadsLeft() {
        Thread[] threads = new Thread[Thread.activeCount() + 16];
        int n = Thread.enumerate(threads);
        if (n == threads.length) {
            return false; // perhaps more than could be seen
        }
        for (int i = 0; i < n; i++) {
            if (threads[i] != Thread.currentThread() && !threads[i].isDaemon() && threads[i].isAlive()) {
                return false;
            }
        }
        return true;
    }

    /** Runs the command line and returns the exit code (for tests). */
    public static int execute(String... args) {
        if (args.length > 0 && !SUBCOMMANDS.contains(args[0]) && !args[0].startsWith("-")) {
            args = withRun(args); // `wasm4j app.wasm ...` means `wasm4j run app.wasm ...`, as with wasmtime
        }
        if (args.length > 0 && args[0].equals("run")) {
            RunCommand quick = QuickRun.parse(args); // the usual `run` command lines, without picocli's set-up
            if (quick != null) {
                return QuickRun.execute(quick);
            }
        }
        CommandLine cl = new CommandLine(new Main());
        // Only the subcommand being run is built: picocli reads each command's annotations reflectively,
        // which is a noticeable share of a short run's start-up.
        String chosen = args.length > 0 && SUBCOMMANDS.contains(args[0]) && !args[0].equals("help") ? args[0] : null;
        for (String name : SUBCOMMANDS) {
            if (chosen == null || chosen.equals(name)) {
                cl.addSubcommand(name, subcommand(name));
            }
        }
        cl.setExecutionExceptionHandler(new ErrorHandler());
        // wasmtime's convention: everything after `run FILE` belongs to the guest, even if it looks like an option
        if (cl.getSubcommands().containsKey("run")) {
            cl.getSubcommands().get("run").setStopAtPositional(true);
        }
        cl.setParameterExceptionHandler(new UsageErrorHandler());
        return cl.execute(args);
    }

    /*
     * No lambdas or method references of picocli's types here: picocli's classes are in an old class file
     * format, and the JDK's ahead-of-time cache (which the launcher makes) cannot hold a linked call site
     * whose types include them (JDK 25 fails while writing the cache).
     */
    private static final List<String> SUBCOMMANDS =
            List.of("run", "compile", "wast", "validate", "inspect", "assemble", "lower-intrinsics", "help");

    private static Object subcommand(String name) {
        return switch (name) {
            case "run" -> new RunCommand();
            case "compile" -> new CompileCommand();
            case "wast" -> new WastCommand();
            case "validate" -> new ValidateCommand();
            case "inspect" -> new InspectCommand();
            case "assemble" -> new AssembleCommand();
            case "lower-intrinsics" -> new LowerCommand();
            default -> new CommandLine.HelpCommand();
        };
    }

    /** Bad usage: the message and where to find help, exit code 2. */
    private static final class UsageErrorHandler implements CommandLine.IParameterExceptionHandler {
        @Override
        public int handleParseException(CommandLine.ParameterException e, String[] args) {
            e.getCommandLine().getErr().println("error: " + e.getMessage());
            e.getCommandLine().getErr().println("(see '" + e.getCommandLine().getCommandSpec().qualifiedName()
                    + " --help')");
            return EXIT_USAGE;
        }
    }

    private static String[] withRun(String[] args) {
        String[] all = new String[args.length + 1];
        all[0] = "run";
        System.arraycopy(args, 0, all, 1, args.length);
        return all;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"wasm4j " + (v != null ? v : "dev") + " (Java " + Runtime.version() + ")"};
        }
    }
}
