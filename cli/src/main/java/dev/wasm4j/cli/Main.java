package dev.wasm4j.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

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
        System.exit(execute(args));
    }

    /** Runs the command line and returns the exit code (for tests). */
    public static int execute(String... args) {
        if (args.length > 0 && !SUBCOMMANDS.containsKey(args[0]) && !args[0].startsWith("-")) {
            args = withRun(args); // `wasm4j app.wasm ...` means `wasm4j run app.wasm ...`, as with wasmtime
        }
        CommandLine cl = new CommandLine(new Main());
        // Only the subcommand being run is built: picocli reads each command's annotations reflectively,
        // which is a noticeable share of a short run's start-up.
        String chosen = args.length > 0 && SUBCOMMANDS.containsKey(args[0]) && !args[0].equals("help") ? args[0] : null;
        SUBCOMMANDS.forEach((name, make) -> {
            if (chosen == null || chosen.equals(name)) {
                cl.addSubcommand(name, make.get());
            }
        });
        cl.setExecutionExceptionHandler(new ErrorHandler());
        // wasmtime's convention: everything after `run FILE` belongs to the guest, even if it looks like an option
        if (cl.getSubcommands().containsKey("run")) {
            cl.getSubcommands().get("run").setStopAtPositional(true);
        }
        cl.setParameterExceptionHandler((e, a) -> {
            e.getCommandLine().getErr().println("error: " + e.getMessage());
            e.getCommandLine().getErr().println("(see '" + e.getCommandLine().getCommandSpec().qualifiedName()
                    + " --help')");
            return EXIT_USAGE;
        });
        return cl.execute(args);
    }

    private static final Map<String, Supplier<Object>> SUBCOMMANDS = new LinkedHashMap<>();

    static {
        SUBCOMMANDS.put("run", RunCommand::new);
        SUBCOMMANDS.put("compile", CompileCommand::new);
        SUBCOMMANDS.put("wast", WastCommand::new);
        SUBCOMMANDS.put("validate", ValidateCommand::new);
        SUBCOMMANDS.put("inspect", InspectCommand::new);
        SUBCOMMANDS.put("assemble", AssembleCommand::new);
        SUBCOMMANDS.put("lower-intrinsics", LowerCommand::new);
        SUBCOMMANDS.put("help", CommandLine.HelpCommand::new);
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
