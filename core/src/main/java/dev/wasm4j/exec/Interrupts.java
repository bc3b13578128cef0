package dev.wasm4j.exec;

import dev.wasm4j.TrapException;

import java.lang.invoke.CallSite;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.MutableCallSite;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Stopping a running guest from outside (like wasmtime's epoch interruption): both tiers check at function
 * entries and loop heads whether the instance was asked to stop ({@link ModuleInstance#interrupt}, set by
 * {@code Instance.interrupt()} from any thread or by a deadline's timer) or whether the running thread was
 * interrupted ({@link Thread#interrupt()}), and then trap with {@link #MESSAGE}. The trap is taken in
 * {@link #poll}.
 *
 * <p>The interpreter reads the flags at every check. Compiled code must not: any read that is guaranteed to
 * see another thread's write (volatile, opaque, or a call) is a barrier to C2's loop optimizations, and
 * one at every loop head cost 20-80% of the steady state on the C kernels. So a compiled check is an
 * {@code invokedynamic} on {@link CompiledChecks#SITE}, whose target does nothing while no interrupt is
 * pending: C2 compiles the check to nothing (its code depends on the site's target instead). A request
 * ({@link #request}) points the site at the full check, which deoptimizes the compiled code that depends on
 * the old target; the site reads the flags until no request is pending any more and the empty target is
 * back ({@link #taken}). (A switch point guarding the two targets did the same through one more method
 * handle, which C1's code of the generated methods calls at every loop head.) A thread's interrupt status
 * cannot trigger that by itself, so a daemon thread ({@link Watchdog}) looks every {@link Watchdog#PERIOD_MS}
 * ms at the threads running calls that came in through {@link #enter} and turns an interrupted one into a
 * request.
 *
 * <p>An interrupt request is sticky, as {@link Thread#interrupt()} is: made while nothing runs, it stops the
 * next call at its first check, and the trap clears it. A thread's interrupt status is left set (as NIO's
 * interruptible channels leave it), so the host sees it too.
 */
public final class Interrupts {
    /** The trap message, wasmtime's. */
    public static final String MESSAGE = "interrupt";

    /**
     * Whether the tiers emit the checks: {@code -Dwasm4j.interruptChecks=false} leaves them out, to measure what
     * they cost (docs/performance.md); such code cannot be interrupted. Read once.
     */
    public static final boolean CHECKS = !"false".equals(System.getProperty("wasm4j.interruptChecks"));

    private static final class Timer {
        static final ScheduledThreadPoolExecutor EXECUTOR = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "wasm4j-deadlines");
            t.setDaemon(true);
            return t;
        });

        static {
            EXECUTOR.setRemoveOnCancelPolicy(true);
        }
    }

    private Interrupts() {
    }

    /** Guards {@link #armed}, {@link #pending} and {@link #siteMade}. */
    private static final Object LOCK = new Object();
    /** Whether the site's target is the empty one (no request pending, and the site made). */
    private static boolean armed;
    /** Instances asked to stop that have not trapped yet. */
    private static int pending;
    /** Whether {@link CompiledChecks} is initialised: only then does {@link #taken} arm its site again. */
    private static boolean siteMade;

    /**
     * The call site of compiled checks, made when the first compiled code links its checks: its method handles
     * cost milliseconds of start-up that a run done in the interpreter would pay for nothing.
     */
    private static final class CompiledChecks {
        /** The check compiled code makes: bound to {@link #SITE} by {@link #bootstrap}. */
        static final MethodType CHECK_TYPE = MethodType.methodType(void.class, ModuleInstance.class);
        static final MethodHandle NOTHING = MethodHandles.empty(CHECK_TYPE);
        static final MethodHandle CHECK;
        /** The one call site behind every compiled check. */
        static final MutableCallSite SITE = new MutableCallSite(CHECK_TYPE);

        static {
            try {
                CHECK = MethodHandles.lookup().findStatic(Interrupts.class, "check", CHECK_TYPE);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
            // Last, and nothing after it takes LOCK: a thread in taken() holding LOCK may wait for this class.
            synchronized (LOCK) {
                siteMade = true;
                if (pending == 0) {
                    arm();
                } else {
                    SITE.setTarget(CHECK);
                }
            }
        }
    }

    /** The bootstrap of compiled code's checks ({@code compiler.InterruptEmitter}): always the same site. */
    public static CallSite bootstrap(MethodHandles.Lookup lookup, String name, MethodType type) {
        return CompiledChecks.SITE;
    }

    /** Holding LOCK, once {@link CompiledChecks} is (being) initialised. */
    private static void arm() {
        armed = true;
        retarget(CompiledChecks.NOTHING);
    }

    /**
     * Points every compiled check at {@code target}. HotSpot's compiled code depends on the site's target
     * itself, so changing it deoptimizes the code that had inlined the old one.
     */
    private static void retarget(MethodHandle target) {
        CompiledChecks.SITE.setTarget(target);
        MutableCallSite.syncAll(new MutableCallSite[] {CompiledChecks.SITE});
    }

    /** Asks the code running in {@code inst} (or the next call of it) to stop. Any thread. */
    public static void request(ModuleInstance inst) {
        synchronized (LOCK) {
            if (inst.interrupt == 0) {
                pending++;
            }
            inst.interruptAtEntry = 1;
            inst.interrupt = 1;
            if (armed) {
                armed = false;
                retarget(CompiledChecks.CHECK);
            }
        }
    }

    /** The request on {@code inst} is taken (it trapped) or void (it closed): compiled checks may go quiet. */
    public static void taken(ModuleInstance inst) {
        synchronized (LOCK) {
            if (inst.interrupt != 0) {
                inst.interruptAtEntry = 0;
                inst.interrupt = 0;
                if (--pending == 0 && !armed && siteMade) {
                    arm();
                }
            }
        }
    }

    /**
     * A call from the host into {@code inst} starts on this thread: the {@link Watchdog} watches the thread's
     * interrupt status while it runs. Returns what {@link #exit} restores (the outer call's thread, for
     * re-entrant calls).
     */
    public static Thread enter(ModuleInstance inst) {
        Thread outer = inst.runningThread;
        inst.runningThread = Thread.currentThread();
        if (!inst.watched) {
            inst.watched = true;
            Watchdog.watch(inst);
        }
        return outer;
    }

    /** The call that {@link #enter} began has returned or thrown. */
    public static void exit(ModuleInstance inst, Thread outer) {
        inst.runningThread = outer;
        if (outer == null && inst.closed) {
            taken(inst);   // a request made by close() that no check saw: nothing will run here again
        }
    }

    /**
     * Turns the interrupt status of threads running guest code into requests, for compiled code (which does
     * not read it). Started with the first call; a daemon that sleeps {@link #PERIOD_MS} ms between looks.
     */
    private static final class Watchdog {
        static final long PERIOD_MS = 20;
        private static final List<WeakReference<ModuleInstance>> WATCHED = new ArrayList<>();
        private static Thread thread;

        static synchronized void watch(ModuleInstance inst) {
            WATCHED.add(new WeakReference<>(inst));
            if (thread == null) {
                thread = Thread.ofPlatform().daemon().name("wasm4j-interrupts").start(Watchdog::run);
            }
        }

        private static void run() {
            while (true) {
                try {
                    Thread.sleep(PERIOD_MS);
                } catch (InterruptedException e) {
                    return;
                }
                look();
            }
        }

        private static synchronized void look() {
            WATCHED.removeIf(r -> {
                ModuleInstance inst = r.get();
                if (inst == null || inst.closed) {
                    return true;
                }
                Thread t = inst.runningThread;
                if (t != null && t.isInterrupted() && inst.interrupt == 0) {
                    request(inst);
                }
                return false;
            });
        }
    }

    /** Interrupts {@code inst} after {@code timeout}; the future cancels that. */
    public static Future<?> after(ModuleInstance inst, Duration timeout) {
        long nanos = timeout.toNanos();
        if (nanos <= 0) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        }
        return Timer.EXECUTOR.schedule(() -> request(inst), nanos, TimeUnit.NANOSECONDS);
    }

    /**
     * The check at the entry of a compiled function that calls: a plain read, since a call reads memory
     * afresh anyway (a method this small is always inlined).
     */
    public static void atEntry(ModuleInstance inst) {
        if (inst.interruptAtEntry != 0) {
            poll(inst);
        }
    }

    /**
     * The full check of a loop head (in the interpreter; in compiled code while an interrupt is pending):
     * the instance's flag and the thread's interrupt status.
     */
    public static void check(ModuleInstance inst) {
        if (inst.interrupt != 0 || Thread.currentThread().isInterrupted()) {
            poll(inst);
        }
    }

    /**
     * The full check, where the tiers' quick one saw something (or where speed does not matter): traps when
     * the instance was asked to stop or the thread was interrupted.
     */
    public static void poll(ModuleInstance inst) {
        if (inst.interrupt != 0) {
            taken(inst);
            throw new TrapException(MESSAGE);
        }
        if (Thread.currentThread().isInterrupted()) {
            throw new TrapException(MESSAGE);
        }
    }
}
