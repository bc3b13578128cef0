package dev.wasm4j.fuzz;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * node's V8 as a second reference: one node process ({@code fuzz/v8-reference.js}) that runs each module
 * it is given as {@link FuzzHost} runs it in wasm4j, and answers with the same events.
 */
final class V8Batch implements AutoCloseable {

    /** The events of one module, or why V8 did not run it ({@code unsupported} is not null). */
    record Result(List<String> events, String unsupported) {
    }

    private final NodeProcess node;

    private V8Batch(NodeProcess node) {
        this.node = node;
    }

    /** Starts node (its JS API's type reflection tells the harness every export's and import's type). */
    static V8Batch start(Path repository) throws IOException {
        return new V8Batch(new NodeProcess("--experimental-wasm-type-reflection",
                repository.resolve("fuzz/v8-reference.js").toString()));
    }

    Result run(Path wasm) {
        node.send(wasm.toAbsolutePath().toString());
        List<String> events = new ArrayList<>();
        for (String line = node.receive(); !line.equals("."); line = node.receive()) {
            if (line.startsWith("unsupported ")) {
                node.receive(); // the end mark
                return new Result(List.of(), line.substring("unsupported ".length()));
            }
            events.add(event(line));
        }
        return new Result(events, null);
    }

    /** An event line with its floats ({@code f32:BITS}, {@code f64:BITS}) printed as {@link Printed} does. */
    static String event(String line) {
        if (!line.contains("f32:") && !line.contains("f64:")) {
            return line;
        }
        String[] tokens = line.split(" ");
        for (int i = 0; i < tokens.length; i++) {
            if (tokens[i].startsWith("f32:")) {
                tokens[i] = Printed.f32(Integer.parseUnsignedInt(tokens[i].substring(4), 16));
            } else if (tokens[i].startsWith("f64:")) {
                tokens[i] = Printed.f64(Long.parseUnsignedLong(tokens[i].substring(4), 16));
            }
        }
        return String.join(" ", tokens);
    }

    @Override
    public void close() {
        node.close();
    }
}
