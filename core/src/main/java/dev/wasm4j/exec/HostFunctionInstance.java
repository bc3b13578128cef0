package dev.wasm4j.exec;

import dev.wasm4j.Caller;
import dev.wasm4j.HostFunction;
import dev.wasm4j.Memory;
import dev.wasm4j.TrapException;
import dev.wasm4j.Value;
import dev.wasm4j.WasmException;
import dev.wasm4j.model.DefType;

import java.util.Optional;

/** A host function instance (spec 4.2.6): Java code behind a Wasm function type. */
public final class HostFunctionInstance extends FunctionInstance {
    private final HostFunction code;
    private final String name;

    public HostFunctionInstance(DefType type, HostFunction code, String name) {
        super(type);
        this.code = code;
        this.name = name;
    }

    public HostFunction code() {
        return code;
    }

    @Override
    public String debugName() {
        return name;
    }

    @Override
    public Value[] invoke(Value... args) {
        return call(null, args);
    }

    /**
     * Calls the host code on behalf of {@code caller} (null when called from the host). Checks the result
     * count; turns stray Java exceptions into traps so that nothing but {@link WasmException}s escapes.
     */
    public Value[] call(ModuleInstance caller, Value[] args) {
        Value[] results;
        try {
            results = code.call(new CallerView(caller), args);
        } catch (WasmException e) {
            throw e;
        } catch (StackOverflowError e) {
            throw new TrapException("call stack exhausted");
        } catch (RuntimeException | Error e) {
            throw new TrapException("host function " + name + " failed: " + e);
        }
        if (results == null) {
            results = new Value[0];
        }
        if (results.length != funcType().results().size()) {
            throw new TrapException("host function " + name + " returned " + results.length
                    + " results, its type has " + funcType().results().size());
        }
        return results;
    }

    private record CallerView(ModuleInstance instance) implements Caller {
        @Override
        public Optional<Memory> memory(String exportName) {
            if (instance == null) {
                return Optional.empty();
            }
            return instance.export(exportName) instanceof ExternVal.Memory m ? Optional.of(m.memory()) : Optional.empty();
        }

        @Override
        public Optional<Memory> memory() {
            if (instance == null) {
                return Optional.empty();
            }
            Optional<Memory> named = memory("memory");
            if (named.isPresent() || instance.memories().length == 0) {
                return named;
            }
            return Optional.of(instance.memories()[0]);
        }
    }
}
