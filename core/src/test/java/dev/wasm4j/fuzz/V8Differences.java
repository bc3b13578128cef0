package dev.wasm4j.fuzz;

import java.util.ArrayList;
import java.util.List;

/**
 * Compares V8's events with binaryen's, event by event. A difference that the two engines are allowed to
 * have, or that only JavaScript's view of the module causes, is explained (and counted); anything else is
 * an unexplained disagreement between the references.
 */
final class V8Differences {

    /** What JavaScript prints for an exception whose tag the module does not export. */
    static final String UNREADABLE_EXCEPTION = "exception ?";

    static final String UNREADABLE_PAYLOAD = "exception payload not compared: its tag is not exported, and the JS"
            + " API reads a payload only with the tag (\"getArg(exceptionTag, index)\")";

    private V8Differences() {
    }

    /** The explanations used (one per explained event) and the first unexplained difference, or null. */
    record Verdict(List<String> explained, String unexplained) {
    }

    static Verdict compare(List<String> binaryen, List<String> v8) {
        List<String> explained = new ArrayList<>();
        int n = Math.max(binaryen.size(), v8.size());
        for (int i = 0; i < n; i++) {
            String expected = i < binaryen.size() ? binaryen.get(i) : "(end)";
            String actual = i < v8.size() ? v8.get(i) : "(end)";
            if (expected.equals(actual)) {
                continue;
            }
            if (actual.equals(UNREADABLE_EXCEPTION) && expected.startsWith("exception")) {
                explained.add(UNREADABLE_PAYLOAD);
                continue;
            }
            return new Verdict(explained, "event " + i + ": binaryen " + expected + ", V8 " + actual);
        }
        return new Verdict(explained, null);
    }
}
