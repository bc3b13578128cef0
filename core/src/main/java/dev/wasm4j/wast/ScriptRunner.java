package dev.wasm4j.wast;

import dev.wasm4j.Engine;
import dev.wasm4j.EngineConfig;
import dev.wasm4j.ExitException;
import dev.wasm4j.Instance;
import dev.wasm4j.InvalidException;
import dev.wasm4j.LinkException;
import dev.wasm4j.Linker;
import dev.wasm4j.MalformedException;
import dev.wasm4j.ModuleException;
import dev.wasm4j.TrapException;
import dev.wasm4j.UncaughtException;
import dev.wasm4j.Value;
import dev.wasm4j.WasmException;
import dev.wasm4j.WasmModule;
import dev.wasm4j.exec.gc.HostAnyRef;
import dev.wasm4j.model.AbsHeapType;
import dev.wasm4j.model.Features;
import dev.wasm4j.text.Wat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Executes the commands of a {@link Script} in order against the engine, keeping the script's state (the
 * current module, named modules and definitions, registered modules), and judges each command. A command
 * whose module or action fails unexpectedly fails; nothing a module does can escape as a Java exception.
 * A {@code thread} command runs its commands concurrently on a runner of its own ({@link ScriptThread});
 * {@code wait} joins it.
 */
public final class ScriptRunner {
    private final Features features;
    private final EngineConfig config;
    private final Linker linker;
    private final Map<String, ScriptThread> threads = new HashMap<>();
    private final Map<String, Instance> instances = new HashMap<>();
    private final Map<String, WasmModule> definitions = new HashMap<>();
    private Instance current;
    private WasmModule currentDefinition;

    /** A runner on the interpreter. */
    public ScriptRunner(Features features) {
        this(features, EngineConfig.of(Engine.INTERPRETER));
    }

    /** A runner whose modules run on the engine {@code config} chooses. */
    public ScriptRunner(Features features, EngineConfig config) {
        this.features = features;
        this.config = config;
        this.linker = new Linker(config);
        SpecTest.define(linker);
    }

    /** The outcome of one command. */
    public record Outcome(Command command, boolean passed, String detail) {
        static Outcome pass(Command c) {
            return new Outcome(c, true, "");
        }

        static Outcome fail(Command c, String why) {
            return new Outcome(c, false, why);
        }
    }

    /** Runs a command; never throws for anything the module under test does. */
    public Outcome execute(Command command) {
        try {
            return run(command);
        } catch (WasmException e) {
            return Outcome.fail(command, "unexpected " + describe(e));
        } catch (IllegalArgumentException | IllegalStateException e) {
            return Outcome.fail(command, e.getMessage());
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError | LinkageError e) {
            return Outcome.fail(command, "engine error: " + e);
        }
    }

    private Outcome run(Command command) {
        return switch (command) {
            case Command.Module m -> {
                WasmModule module = compile(m.source());
                if (m.definitionOnly()) {
                    currentDefinition = module;
                    if (m.id() != null) {
                        definitions.put(m.id(), module);
                    }
                } else {
                    Instance instance = linker.instantiate(module);
                    current = instance;
                    if (m.id() != null) {
                        instances.put(m.id(), instance);
                    }
                }
                yield Outcome.pass(m);
            }
            case Command.ModuleInstance mi -> {
                WasmModule module = mi.definitionId() == null ? currentDefinition : definitions.get(mi.definitionId());
                if (module == null) {
                    yield Outcome.fail(mi, "unknown module definition " + mi.definitionId());
                }
                Instance instance = linker.instantiate(module);
                current = instance;
                if (mi.instanceId() != null) {
                    instances.put(mi.instanceId(), instance);
                }
                yield Outcome.pass(mi);
            }
            case Command.Register r -> {
                linker.register(r.name(), instance(r.moduleId()));
                yield Outcome.pass(r);
            }
            case Command.Perform p -> {
                perform(p.action());
                yield Outcome.pass(p);
            }
            case Command.AssertReturn a -> {
                Value[] results = perform(a.action());
                String mismatch = Results.compare(a.results(), results);
                yield mismatch == null ? Outcome.pass(a) : Outcome.fail(a, mismatch);
            }
            case Command.AssertTrap a -> expectTrap(a, () -> perform(a.action()), a.message());
            case Command.AssertExhaustion a -> expectTrap(a, () -> perform(a.action()), a.message());
            case Command.AssertModuleTrap a -> expectTrap(a, () -> linker.instantiate(compile(a.module())), a.message());
            case Command.AssertException a -> {
                try {
                    perform(a.action());
                    yield Outcome.fail(a, "expected an uncaught exception, got a result");
                } catch (UncaughtException e) {
                    yield Outcome.pass(a);
                }
            }
            case Command.AssertInvalid a -> expectModuleError(a, a.module(), a.message(), InvalidException.class);
            case Command.AssertMalformed a -> expectModuleError(a, a.module(), a.message(), MalformedException.class);
            case Command.AssertUnlinkable a -> {
                WasmModule module = compile(a.module());
                try {
                    linker.instantiate(module);
                    yield Outcome.fail(a, "expected unlinkable (" + a.message() + "), but it linked");
                } catch (LinkException e) {
                    yield messageMatches(e.getMessage(), a.message()) ? Outcome.pass(a)
                            : Outcome.fail(a, "expected \"" + a.message() + "\", got \"" + e.getMessage() + "\"");
                }
            }
            case Command.Thread t -> {
                ScriptRunner child = new ScriptRunner(features, config);
                for (String name : t.shared()) {
                    child.instances.put(name, instance(name));
                }
                threads.put(t.id(), ScriptThread.start(t, child));
                yield Outcome.pass(t);
            }
            case Command.Wait w -> {
                ScriptThread thread = threads.remove(w.threadId());
                yield thread == null ? Outcome.fail(w, "no running thread " + w.threadId()) : thread.join(w);
            }
            case Command.AssertCustom a -> {
                // The custom section (or annotation) is malformed or invalid by its own rules, which an engine
                // may or may not interpret: the command only requires that loading ends cleanly, with the
                // module or with a ModuleException (wasm4j rejects bad @custom annotations).
                try {
                    compile(a.module());
                } catch (ModuleException e) {
                    // rejected: fine
                }
                yield Outcome.pass(a);
            }
        };
    }

    private Instance instance(String id) {
        Instance i = id == null ? current : instances.get(id);
        if (i == null) {
            throw new IllegalStateException(id == null ? "no module instantiated yet" : "unknown module " + id);
        }
        return i;
    }

    private Value[] perform(Action action) {
        Instance i = instance(action.moduleId());
        return switch (action) {
            case Action.Invoke inv -> i.function(inv.exportName()).call(
                    inv.args().stream().map(ScriptRunner::hostArgument).toArray(Value[]::new));
            case Action.Get get -> new Value[] {i.global(get.exportName()).get()};
        };
    }

    /**
     * {@code (ref.host N)} is a host value in the {@code any} hierarchy: inside the engine that is an
     * internalized external value, which {@code extern.convert_any} turns back into {@code (ref.extern N)}.
     */
    private static Value hostArgument(Value v) {
        if (v instanceof Value.Ref r && r.ref() instanceof HostRef h
                && r.refType().heapType() instanceof AbsHeapType a && a.top() == AbsHeapType.ANY) {
            return new Value.Ref(r.refType(), new HostAnyRef(h));
        }
        return v;
    }

    private WasmModule compile(ModuleSource source) {
        return switch (source) {
            case ModuleSource.Binary b -> WasmModule.parse(b.bytes(), features);
            case ModuleSource.Quote q -> WasmModule.parse(Wat.assemble(q.text()), features);
            case ModuleSource.Failed f -> throw f.error();
        };
    }

    private Outcome expectTrap(Command c, Runnable body, String expected) {
        try {
            body.run();
            return Outcome.fail(c, "expected trap \"" + expected + "\", got a result");
        } catch (TrapException e) {
            return messageMatches(e.trapMessage(), expected) ? Outcome.pass(c)
                    : Outcome.fail(c, "expected trap \"" + expected + "\", got \"" + e.trapMessage() + "\"");
        }
    }

    private Outcome expectModuleError(Command c, ModuleSource source, String expected,
                                      Class<? extends ModuleException> kind) {
        try {
            compile(source);
            return Outcome.fail(c, "expected " + kind.getSimpleName() + " \"" + expected + "\", module loaded");
        } catch (ModuleException e) {
            if (!kind.isInstance(e)) {
                return Outcome.fail(c, "expected " + kind.getSimpleName() + " \"" + expected + "\", got "
                        + describe(e));
            }
            return messageMatches(e.rule(), expected) ? Outcome.pass(c)
                    : Outcome.fail(c, "expected \"" + expected + "\", got \"" + e.rule() + "\"");
        }
    }

    /** The script's expected message is a prefix of ours, as the reference interpreter's runner checks. */
    static boolean messageMatches(String actual, String expected) {
        return actual != null && actual.startsWith(expected);
    }

    private static String describe(WasmException e) {
        String kind = switch (e) {
            case MalformedException m -> "malformed";
            case InvalidException i -> "invalid";
            case LinkException l -> "link error";
            case TrapException t -> "trap";
            case UncaughtException u -> "uncaught exception";
            case ExitException x -> "exit";
        };
        return kind + ": " + e.getMessage();
    }

    /** Runs every command of {@code script}; returns the outcomes in order. */
    public static List<Outcome> runAll(Script script, Features features) {
        return runAll(script, features, EngineConfig.of(Engine.INTERPRETER));
    }

    /** Runs every command of {@code script} on the engine {@code config} chooses. */
    public static List<Outcome> runAll(Script script, Features features, EngineConfig config) {
        ScriptRunner runner = new ScriptRunner(features, config);
        return script.commands().stream().map(runner::execute).toList();
    }
}
