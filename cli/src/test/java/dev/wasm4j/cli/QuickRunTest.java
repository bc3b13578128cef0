package dev.wasm4j.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** {@code run} read without picocli ({@link QuickRun}) means what picocli reads, or is left to picocli. */
class QuickRunTest {

    @Test
    void everyOptionOfRunIsKnownWithTheSameArity() {
        Set<String> valued = new HashSet<>();
        Set<String> flags = new HashSet<>();
        for (CommandLine.Model.OptionSpec o : new CommandLine(new RunCommand()).getCommandSpec().options()) {
            if (o.usageHelp() || o.versionHelp()) {
                continue;
            }
            for (String name : o.names()) {
                (o.arity().max() == 0 ? flags : valued).add(name);
            }
        }
        assertEquals(valued, QuickRun.VALUED);
        assertEquals(flags, QuickRun.FLAGS);
    }

    /** The launcher finds a class jar among run's arguments (scripts/class-jar) skipping the same options' values. */
    @Test
    void theLauncherSkipsTheValuesOfTheSameOptions() throws java.io.IOException {
        java.nio.file.Path script = null;
        for (java.nio.file.Path p = java.nio.file.Path.of("").toAbsolutePath(); p != null && script == null; p = p.getParent()) {
            if (java.nio.file.Files.isRegularFile(p.resolve("scripts/class-jar"))) {
                script = p.resolve("scripts/class-jar");
            }
        }
        assertNotNull(script, "scripts/class-jar");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^\\s*(--dir\\|[^)]*)\\)\\s*$")
                .matcher(java.nio.file.Files.readString(script));
        org.junit.jupiter.api.Assertions.assertTrue(m.find(), "the case of valued options in " + script);
        assertEquals(QuickRun.VALUED, Set.of(m.group(1).split("\\|")));
    }

    @Test
    void readsCommandLinesAsPicocliDoes() {
        List<String[]> lines = List.of(
                new String[] {"run", "hello.wasm"},
                new String[] {"run", "--dir", ".", "--dir=/tmp::t", "--env", "A=1", "--env=B", "--inherit-env", "p.wasm"},
                new String[] {"run", "--engine", "compiler", "--verbose", "--jit-report", "p.wasm", "--verbose", "-x"},
                new String[] {"run", "-W", "simd=n", "-Wthreads=y", "-S", "inherit-env=n", "-Stcplisten=:0", "p.wat"},
                new String[] {"run", "--invoke", "add", "--argv0=prog", "m.wat", "1", "2"},
                new String[] {"run", "--fuel=100", "--timeout", "2s", "--max-memory", "64M", "p.wasm"},
                new String[] {"run", "--map-file", "4096=f.bin:ro", "--memory-trace", "t.svg", "--memory-trace=t.csv", "p.wasm"});
        for (String[] line : lines) {
            RunCommand quick = QuickRun.parse(line);
            assertNotNull(quick, String.join(" ", line));
            RunCommand picked = new RunCommand();
            CommandLine cl = new CommandLine(picked);
            cl.setStopAtPositional(true);
            cl.parseArgs(List.of(line).subList(1, line.length).toArray(String[]::new));
            assertEquals(describe(picked), describe(quick), String.join(" ", line));
        }
    }

    @Test
    void leavesToPicocliWhatItDoesNotRead() {
        for (String[] line : List.of(new String[] {"run"}, new String[] {"run", "--help"}, new String[] {"run", "-h"},
                new String[] {"run", "--engine"}, new String[] {"run", "--engine", "--verbose", "p.wasm"},
                new String[] {"run", "--bogus", "p.wasm"}, new String[] {"run", "--", "p.wasm"},
                new String[] {"run", "--verbose=true", "p.wasm"}, new String[] {"run", "-W=simd=n", "p.wasm"})) {
            assertNull(QuickRun.parse(line), String.join(" ", line));
        }
    }

    private static String describe(RunCommand r) {
        return String.join("|", String.valueOf(r.dirs), String.valueOf(r.env), String.valueOf(r.inheritEnv),
                String.valueOf(r.invoke), String.valueOf(r.argv0), String.valueOf(r.wasmOptions),
                String.valueOf(r.wasiOptions), String.valueOf(r.fuel), String.valueOf(r.timeout),
                String.valueOf(r.maxMemory), String.valueOf(r.engine), String.valueOf(r.verbose),
                String.valueOf(r.jitReport), String.valueOf(r.mapFiles), String.valueOf(r.memoryTraces),
                String.valueOf(r.file), String.valueOf(r.args));
    }
}
