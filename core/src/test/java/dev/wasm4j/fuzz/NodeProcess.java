package dev.wasm4j.fuzz;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A long-lived node process of the fuzzer's (binaryen's batch, the V8 reference): one line in, lines out. */
final class NodeProcess implements AutoCloseable {

    private final Process process;
    private final Writer in;
    private final BufferedReader out;

    NodeProcess(String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of("node"));
        command.addAll(List.of(arguments));
        this.process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        this.in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    void send(String line) {
        try {
            in.write(line + "\n");
            in.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next line node writes; an exception if node has ended. */
    String receive() {
        try {
            String line = out.readLine();
            if (line == null) {
                throw new IOException("the node process ended");
            }
            return line;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException ignored) {
            // the process is ending anyway
        }
        process.destroy();
    }
}
