package dev.wasm4j.bench;

import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasi.WasiExitException;
import com.dylibso.chicory.wasi.WasiOptions;
import com.dylibso.chicory.wasi.WasiPreview1;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a WASI command with Chicory's compiler, as a user of Chicory would ({@code bench/programs/run.py}
 * times the whole process): {@code ChicoryWasi PROGRAM.wasm [ARGS...]}, the current directory preopened as
 * ".", the process's stdin, stdout and stderr; exits with the guest's exit code.
 */
public final class ChicoryWasi {
    private ChicoryWasi() {
    }

    public static void main(String[] args) {
        WasmModule module = Parser.parse(Path.of(args[0]));
        List<String> argv = new ArrayList<>(List.of(args));
        WasiOptions options = WasiOptions.builder().inheritSystem().withArguments(argv)
                .withDirectory(".", Path.of(".")).build();
        int code = 0;
        try (WasiPreview1 wasi = WasiPreview1.builder().withOptions(options).build()) {
            Instance instance = Instance.builder(module)
                    .withImportValues(ImportValues.builder().addFunction(wasi.toHostFunctions()).build())
                    .withMachineFactory(MachineFactoryCompiler::compile)
                    .withStart(false)
                    .build();
            instance.export("_start").apply();
        } catch (WasiExitException e) {
            code = e.exitCode();
        }
        System.out.flush();
        System.exit(code);
    }
}
