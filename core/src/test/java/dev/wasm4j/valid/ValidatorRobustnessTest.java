package dev.wasm4j.valid;

import dev.wasm4j.ModuleException;
import dev.wasm4j.binary.ModuleDecoder;
import dev.wasm4j.model.Features;
import dev.wasm4j.model.Module;
import dev.wasm4j.wast.Command;
import dev.wasm4j.wast.ModuleSource;
import dev.wasm4j.wast.Script;
import dev.wasm4j.wast.WastParser;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Damaged modules: every binary module of the suite with a few bytes changed (seeded, so failures repeat).
 * Whatever still decodes must validate or be rejected with a {@link ModuleException}: never another
 * exception, never a hang.
 */
class ValidatorRobustnessTest {
    private static final int MUTATIONS_PER_MODULE = 8;

    @Test
    void damagedModulesFailCleanly() throws IOException {
        Path root = ValidationSuiteTest.suiteRoot();
        List<Path> paths;
        try (Stream<Path> s = Files.walk(root)) {
            paths = s.filter(p -> p.toString().endsWith(".wast")).sorted().toList();
        }
        Random random = new Random(0x5EED);
        List<String> problems = new ArrayList<>();
        int tried = 0;
        for (Path p : paths) {
            String file = root.relativize(p).toString().replace('\\', '/');
            if (file.startsWith("proposals/custom-descriptors/")) {
                continue;
            }
            Features features = ValidationSuiteTest.featuresFor(file);
            Script script;
            try {
                script = WastParser.parse(file, Files.readString(p));
            } catch (ModuleException e) {
                continue;
            }
            for (Command c : script.commands()) {
                if (!(c instanceof Command.Module m) || !(m.source() instanceof ModuleSource.Binary b)) {
                    continue;
                }
                for (int k = 0; k < MUTATIONS_PER_MODULE; k++) {
                    byte[] bytes = b.bytes().clone();
                    if (bytes.length <= 8) {
                        break;
                    }
                    int changes = 1 + random.nextInt(3);
                    for (int i = 0; i < changes; i++) {
                        int at = 8 + random.nextInt(bytes.length - 8);
                        bytes[at] = (byte) random.nextInt(256);
                    }
                    Module module;
                    try {
                        module = ModuleDecoder.decode(bytes, features);
                    } catch (ModuleException e) {
                        continue;
                    }
                    tried++;
                    try {
                        ValidModule vm = Validator.validate(module, features);
                        for (int f = module.importedFunctionCount(); f < module.functionCount(); f++) {
                            vm.replayFunction(f, new ValidationSuiteTest.CheckingSink());
                        }
                    } catch (ModuleException e) {
                        // rejected cleanly
                    } catch (Throwable t) {
                        problems.add(file + ":" + c.line() + " mutation " + k + ": " + t);
                    }
                }
            }
        }
        System.out.println("validator robustness: " + tried + " damaged modules decoded and were validated");
        if (!problems.isEmpty()) {
            fail(problems.size() + " of " + tried + " damaged modules broke the validator:\n"
                    + String.join("\n", problems.subList(0, Math.min(20, problems.size()))));
        }
    }
}
