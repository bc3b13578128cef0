package dev.wasm4j.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What a fuzzing campaign did: how many modules, how many calls, and every mismatch. */
final class FuzzReport {
    long modules;
    long exportsCalled;
    /** Modules in which the loop-entry tier moved at least one call from the interpreter to compiled code. */
    long loopEntryModules;
    long generatorFailures;
    long hostLimited;
    long withReference;
    /** Modules also run in V8, and those V8 refused to compile (with how often each reason). */
    long withV8;
    long v8Unsupported;
    final Map<String, Long> v8UnsupportedReasons = new TreeMap<>();
    /** Differences between V8 and binaryen that are allowed or JavaScript's doing, counted per explanation. */
    final Map<String, Long> v8Explained = new TreeMap<>();
    /** Differences between V8 and binaryen that nobody has explained yet. */
    final List<String> v8Disagreements = new ArrayList<>();
    final List<String> mismatches = new ArrayList<>();

    @Override
    public String toString() {
        return modules + " modules (" + withReference + " also against binaryen's interpreter, " + withV8
                + " also against V8), " + exportsCalled + " exports called, " + loopEntryModules
                + " continued a call in compiled code through a loop entry, " + mismatches.size()
                + " mismatches, " + v8Disagreements.size() + " unexplained V8/binaryen differences, " + hostLimited
                + " not compared with the references (binaryen hit a host limit), " + v8Unsupported
                + " not run in V8 (it rejected them: " + v8UnsupportedReasons + "), " + generatorFailures
                + " generator failures; explained V8/binaryen differences: " + v8Explained;
    }
}
