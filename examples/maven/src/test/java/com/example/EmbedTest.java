package com.example;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EmbedTest {
    @Test
    void runsTheModuleThroughTheInstalledLibrary() {
        assertEquals("Hello from Wasm!\nHello from Wasm!\nHello from Wasm!\ngreet returned 9, add returned 42",
                Embed.run(3));
    }
}
