package dev.wasm4j.fuzz;

import java.util.ArrayList;
import java.util.List;

/** What a fuzzing campaign did: how many modules, how many calls, and every mismatch. */
final class FuzzReport {
    long modules;
    long exportsCalled;
    long generatorFailures;
    long hostLimited;
    long withReference;
    final List<String> mismatches = new ArrayList<>();

    @Override
    public String toString() {
        return modules + " modules (" + withReference + " also against the reference), " + exportsCalled
                + " exports called, " + mismatches.size() + " mismatches, " + hostLimited
                + " not compared with the reference (it hit a host limit), " + generatorFailures
                + " generator failures";
    }
}
