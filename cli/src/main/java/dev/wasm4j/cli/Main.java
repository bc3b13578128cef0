package dev.wasm4j.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code wasm4j} command line, in the conventions of {@code wasmtime}: {@code run}, {@code compile},
 * {@code wast}, {@code validate}, {@code inspect}. Exit codes: the guest's {@code proc_exit} code; 134 after a trap; 1 for
 * a module that cannot be loaded, validated or linked; 2 for bad usage.
 */
@Command(name = "wasm4j", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "A WebAssembly engine for the JVM.",
        subcommands = {RunCommand.class, CompileCommand.class, WastCommand.class, ValidateCommand.class,
                InspectCommand.class, AssembleCommand.class, LowerCommand.class,
                CommandLine.HelpCommand.class})
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
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler(new ErrorHandler());
        // wasmtime's convention: everything after `run FILE` belongs to the guest, even if it looks like an option
        cl.getSubcommands().get("run").setStopAtPositional(true);
        cl.setParameterExceptionHandler((e, a) -> {
            e.getCommandLine().getErr().println("error: " + e.getMessage());
            e.getCommandLine().getErr().println("(see '" + e.getCommandLine().getCommandSpec().qualifiedName()
                    + " --help')");
            return EXIT_USAGE;
        });
        return cl.execute(args);
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
