package dev.wasm4j.fuzz;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class V8DifferencesTest {

    @Test
    void anUnreadablePayloadIsExplainedAndAnythingElseIsNot() {
        List<String> binaryen = List.of("export f", "exception 3 1.5", "export g", "result 1");
        assertEquals(new V8Differences.Verdict(List.of(V8Differences.UNREADABLE_PAYLOAD), null),
                V8Differences.compare(binaryen, List.of("export f", "exception ?", "export g", "result 1")));
        assertEquals(new V8Differences.Verdict(List.of(), "event 3: binaryen result 1, V8 trap"),
                V8Differences.compare(binaryen, List.of("export f", "exception 3 1.5", "export g", "trap")));
        assertEquals(new V8Differences.Verdict(List.of(), "event 3: binaryen result 1, V8 (end)"),
                V8Differences.compare(binaryen, binaryen.subList(0, 3)));
    }
}
