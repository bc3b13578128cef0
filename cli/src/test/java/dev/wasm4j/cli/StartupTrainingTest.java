package dev.wasm4j.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

/** The launcher's ahead-of-time cache is trained by this run; if it broke, every launch would go without. */
class StartupTrainingTest {

    @Test
    void everyTrainingCommandSucceeds() {
        assertDoesNotThrow(() -> StartupTraining.main(new String[0]));
    }
}
