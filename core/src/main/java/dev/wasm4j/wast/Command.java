package dev.wasm4j.wast;

import java.util.List;

/** One top-level command of a script. {@code line} is its 1-based line in the file. */
public sealed interface Command {

    int line();

    /** {@code (module $id? ...)}: define and instantiate; with {@code definitionOnly}, only define. */
    record Module(int line, String id, ModuleSource source, boolean definitionOnly) implements Command {
    }

    /** {@code (module instance $instance $definition)}: instantiate a module defined earlier. */
    record ModuleInstance(int line, String instanceId, String definitionId) implements Command {
    }

    /** {@code (register "name" $id?)}: make a module's exports importable under {@code name}. */
    record Register(int line, String name, String moduleId) implements Command {
    }

    /** A bare action, whose result is ignored (but which must not trap). */
    record Perform(int line, Action action) implements Command {
    }

    record AssertReturn(int line, Action action, List<Expected> results) implements Command {
        public AssertReturn {
            results = List.copyOf(results);
        }
    }

    /** {@code assert_trap} of an action. */
    record AssertTrap(int line, Action action, String message) implements Command {
    }

    /** {@code assert_trap} of a module: instantiation must trap (what assert_uninstantiable was). */
    record AssertModuleTrap(int line, ModuleSource module, String message) implements Command {
    }

    record AssertExhaustion(int line, Action action, String message) implements Command {
    }

    /** {@code assert_exception}: the action must end with an uncaught Wasm exception. */
    record AssertException(int line, Action action) implements Command {
    }

    record AssertInvalid(int line, ModuleSource module, String message) implements Command {
    }

    record AssertMalformed(int line, ModuleSource module, String message) implements Command {
    }

    record AssertUnlinkable(int line, ModuleSource module, String message) implements Command {
    }

    /**
     * {@code (thread $id (shared (module $m)...)* command*)} (the threads proposal's scripts): runs
     * {@code commands} on a thread of their own, concurrently with what follows, in a fresh script state
     * (the spectest module only) that also knows the named instances {@code shared} under their names.
     */
    record Thread(int line, String id, List<String> shared, List<Command> commands) implements Command {
        public Thread {
            shared = List.copyOf(shared);
            commands = List.copyOf(commands);
        }
    }

    /** {@code (wait $id)}: joins the thread {@code id}; it passes when every command of the thread passed. */
    record Wait(int line, String threadId) implements Command {
    }

    /**
     * {@code assert_malformed_custom} / {@code assert_invalid_custom}: a custom section (annotation) is
     * malformed or invalid; engines that do not interpret that custom section accept the module.
     */
    record AssertCustom(int line, ModuleSource module, String message, boolean malformed) implements Command {
    }
}
