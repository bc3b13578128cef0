package dev.wasm4j.fuzz;

import java.util.ArrayList;
import java.util.List;

/** What a fuzzing campaign did: how many modules, how many calls, and every mismatch. */
final class FuzzReport {
    long modules;
    long exportsCalled;
    long generatorFailures;
    long hostLimited;
    final List<String> mismatches = new ArrayList<>();

    @Override
    public String toString() {
        return modules + " modules, " + exportsCalled + " exports called, " + mismatches.size() + " mismatches, "
                + hostLimited + " compared among wasm4j's tiers only (binaryen hit a host limit), "
                + generatorFailures + " generator failures";
    }
}
