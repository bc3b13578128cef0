package dev.wasm4j.wast;

import java.util.List;

/** A parsed .wast script: its commands in order. {@code name} is the file name, for reports. */
public record Script(String name, List<Command> commands) {

    public Script {
        commands = List.copyOf(commands);
    }
}
