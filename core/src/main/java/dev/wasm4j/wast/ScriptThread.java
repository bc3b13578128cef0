package dev.wasm4j.wast;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@code (thread $T ...)} of a script, running: its commands executed in order, on a Java thread of their
 * own, by a runner of their own (which shares the instances the thread names). {@link #join} is
 * {@code (wait $T)}: it waits for the thread, at most {@link #TIMEOUT_SECONDS} (then it interrupts the thread,
 * which ends a Wasm wait with a trap, and fails), and passes when every command of the thread passed.
 */
final class ScriptThread {
    /** How long {@code wait} waits for a thread: {@code -Dwasm4j.wast.threadTimeout=SECONDS}, 120 by default. */
    static final long TIMEOUT_SECONDS = Long.getLong("wasm4j.wast.threadTimeout", 120);

    private final Command.Thread command;
    private final List<ScriptRunner.Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
    private final Thread thread;

    private ScriptThread(Command.Thread command, ScriptRunner runner) {
        this.command = command;
        this.thread = Thread.ofPlatform().daemon().name("wast thread " + command.id()).unstarted(() -> {
            for (Command c : command.commands()) {
                outcomes.add(runner.execute(c));
            }
        });
    }

    /** Starts {@code command}'s commands on {@code runner}, on a new thread. */
    static ScriptThread start(Command.Thread command, ScriptRunner runner) {
        ScriptThread t = new ScriptThread(command, runner);
        t.thread.start();
        return t;
    }

    /** Waits for the thread to end; the outcome of {@code wait} is that of all its commands. */
    ScriptRunner.Outcome join(Command.Wait wait) {
        try {
            if (!thread.join(java.time.Duration.ofSeconds(TIMEOUT_SECONDS))) {
                thread.interrupt();
                thread.join(TimeUnit.SECONDS.toMillis(5));
                return ScriptRunner.Outcome.fail(wait, "thread " + command.id() + " did not finish within "
                        + TIMEOUT_SECONDS + " s (" + outcomes.size() + " of " + command.commands().size()
                        + " commands done)");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            thread.interrupt();
            return ScriptRunner.Outcome.fail(wait, "interrupted while waiting for thread " + command.id());
        }
        List<String> failures = new ArrayList<>();
        synchronized (outcomes) {
            for (ScriptRunner.Outcome o : outcomes) {
                if (!o.passed()) {
                    failures.add("line " + o.command().line() + ": " + o.detail());
                }
            }
        }
        return failures.isEmpty() ? ScriptRunner.Outcome.pass(wait)
                : ScriptRunner.Outcome.fail(wait, "thread " + command.id() + ": " + String.join("; ", failures));
    }
}
