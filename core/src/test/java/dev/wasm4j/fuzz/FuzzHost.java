package dev.wasm4j.fuzz;

import dev.wasm4j.Function;
import dev.wasm4j.Global;
import dev.wasm4j.HostFunction;
import dev.wasm4j.Instance;
import dev.wasm4j.Linker;
import dev.wasm4j.Table;
import dev.wasm4j.TrapException;
import dev.wasm4j.UncaughtException;
import dev.wasm4j.Value;
import dev.wasm4j.WasmModule;
import dev.wasm4j.exec.ExceptionObject;
import dev.wasm4j.exec.TagInstance;
import dev.wasm4j.internal.Internals;
import dev.wasm4j.model.AbsHeapType;
import dev.wasm4j.model.Export;
import dev.wasm4j.model.ExternKind;
import dev.wasm4j.model.FuncType;
import dev.wasm4j.model.GlobalType;
import dev.wasm4j.model.Import;
import dev.wasm4j.model.NumType;
import dev.wasm4j.model.RefType;
import dev.wasm4j.model.ValType;
import dev.wasm4j.model.VecType;

import java.util.ArrayList;
import java.util.List;

/**
 * The host of binaryen's fuzzing modules ({@code wasm-opt -ttf}), written to behave as binaryen's
 * interpreter does under {@code --fuzz-exec}: the {@code fuzzing-support} imports (logging, throwing,
 * reading and writing the exported table, calling exports and references "as JavaScript would"), the
 * synthesized externref globals, and the protocol that calls every exported function in order with zero
 * arguments and logs every exported global. What happens is written as events ({@link BinaryenOutput}).
 */
final class FuzzHost {

    /** The two tags binaryen's harness provides, from a module of their own (tags are imported like any export). */
    private static final WasmModule TAGS = WasmModule.parseText(
            "(module (tag (export \"wasmtag\") (param i32)) (tag (export \"jstag\") (param externref)))");

    private final WasmModule module;
    private final List<String> events = new ArrayList<>();
    private final TagInstance wasmTag;
    private final TagInstance jsTag;
    private final Instance tags;
    /** The events with the trap messages and exception stacks that comparing leaves out, for mismatch reports. */
    private final List<String> details = new ArrayList<>();
    private Instance instance;

    private FuzzHost(WasmModule module) {
        this.module = module;
        this.tags = new Linker().instantiate(TAGS);
        this.wasmTag = Internals.instance(tags).tags[0];
        this.jsTag = Internals.instance(tags).tags[1];
    }

    /** What a run did: the events compared, and the same with details for a person to read. */
    record Run(List<String> events, List<String> details) {
    }

    /** Instantiates {@code module} with {@code linker}'s engine and runs its exports. */
    static Run run(WasmModule module, Linker linker) {
        FuzzHost host = new FuzzHost(module);
        try (Instance ignored = host.tags) {
            host.execute(linker);
        }
        return new Run(host.events, host.details);
    }

    private void event(String e) {
        events.add(e);
        details.add(e);
    }

    private void trap(RuntimeException e) {
        events.add("trap");
        details.add("trap " + e.getMessage());
        for (StackTraceElement s : e.getStackTrace()) {
            details.add("    at " + s);
        }
    }

    private void execute(Linker linker) {
        define(linker);
        try {
            instance = linker.instantiate(module);
        } catch (TrapException e) {
            trap(e);
            return;
        } catch (UncaughtException e) {
            event("instantiation exception");
            return;
        }
        try (Instance ignored = instance) {
            for (Export e : module.exports()) {
                if (e.kind() == ExternKind.FUNC) {
                    event("export " + e.name());
                    callExport(instance.function(e.name()));
                } else if (e.kind() == ExternKind.GLOBAL) {
                    event("export " + e.name());
                    event("log " + Printed.value(instance.global(e.name()).get()));
                }
            }
        }
    }

    private void callExport(Function f) {
        List<Value> args = new ArrayList<>();
        for (ValType t : f.type().params()) {
            Value zero = zero(t);
            if (zero == null) {
                event("trap");
                return;
            }
            args.add(zero);
        }
        try {
            Value[] results = f.call(args.toArray(Value[]::new));
            if (results.length > 0) {
                List<String> printed = new ArrayList<>();
                for (Value v : results) {
                    printed.add(Printed.value(v));
                }
                event("result " + String.join(" ", printed));
            }
        } catch (TrapException e) {
            trap(e);
        } catch (UncaughtException e) {
            event(("exception " + payload(e)).trim());
        }
    }

    private void define(Linker linker) {
        linker.register("fuzzing-support", tags);
        for (String type : List.of("i32", "i64", "f32", "f64", "v128", "anyref", "funcref", "externref")) {
            ValType t = switch (type) {
                case "i32" -> NumType.I32;
                case "i64" -> NumType.I64;
                case "f32" -> NumType.F32;
                case "f64" -> NumType.F64;
                case "v128" -> VecType.V128;
                case "anyref" -> RefType.ANYREF;
                case "funcref" -> RefType.FUNCREF;
                default -> RefType.EXTERNREF;
            };
            host(linker, "log-" + type, List.of(t), List.of(), args -> {
                event("log " + Printed.logged(args[0]));
                return null;
            });
        }
        host(linker, "log-branch", List.of(NumType.I32, NumType.I32, NumType.I32), List.of(NumType.I32), args -> {
            event("log-branch " + Printed.value(args[0]) + " " + Printed.value(args[1]) + " "
                    + Printed.value(args[2]));
            return new Value[] {args[0]};
        });
        host(linker, "throw", List.of(NumType.I32), List.of(), args -> {
            int which = ((Value.I32) args[0]).value();
            if (which == 0) {
                throw jsException();
            }
            throw new UncaughtException(new ExceptionObject(wasmTag, new long[] {which}, new Object[1]));
        });
        host(linker, "table-get", List.of(NumType.I32), List.of(RefType.FUNCREF),
                args -> new Value[] {exportedTable().get(tableIndex(args[0]))});
        host(linker, "table-set", List.of(NumType.I32, RefType.FUNCREF), List.of(), args -> {
            exportedTable().set(tableIndex(args[0]), args[1]);
            return null;
        });
        host(linker, "call-export", List.of(NumType.I32, NumType.I32), List.of(), args -> {
            callExportAsJs(((Value.I32) args[0]).value());
            return null;
        });
        host(linker, "call-export-catch", List.of(NumType.I32), List.of(NumType.I32),
                args -> catching(() -> callExportAsJs(((Value.I32) args[0]).value())));
        host(linker, "call-ref", List.of(RefType.FUNCREF, NumType.I32), List.of(), args -> {
            callRefAsJs(args[0]);
            return null;
        });
        host(linker, "call-ref-catch", List.of(RefType.FUNCREF), List.of(NumType.I32),
                args -> catching(() -> callRefAsJs(args[0])));
        host(linker, "sleep", List.of(NumType.I32, NumType.I32), List.of(NumType.I32),
                args -> new Value[] {args[1]});
        for (Import imp : module.imports()) {
            if (imp.type() instanceof GlobalType g && !g.mutable() && g.valType() instanceof RefType r
                    && r.heapType() == AbsHeapType.EXTERN) {
                linker.define(imp.module(), imp.name(), Global.of(new GlobalType(new RefType(false,
                        AbsHeapType.EXTERN), false), new Value.Ref(RefType.EXTERNREF,
                        new Printed.HostValue(payload(imp.module(), imp.name())))));
            }
        }
    }

    /** The imports of binaryen's harness that a module uses, each with the type that module gives it. */
    private void host(Linker linker, String name, List<ValType> params, List<ValType> results, Body body) {
        for (Import imp : module.imports()) {
            if (imp.module().equals("fuzzing-support") && imp.name().equals(name)) {
                HostFunction f = (caller, args) -> body.call(args);
                linker.define("fuzzing-support", name, new FuncType(params, results), f);
                return;
            }
        }
    }

    @FunctionalInterface
    private interface Body {
        Value[] call(Value[] args);
    }

    /** binaryen's payload for a synthesized externref global: the sum of its names' characters mod 251. */
    private static int payload(String module, String name) {
        int p = 0;
        for (char c : (module + name).toCharArray()) {
            p = (p + c) % 251;
        }
        return p;
    }

    private UncaughtException jsException() {
        return new UncaughtException(new ExceptionObject(jsTag, new long[1],
                new Object[] {new Printed.HostValue(Printed.JS_ERROR_PAYLOAD)}));
    }

    private Table exportedTable() {
        if (instance == null) {
            throw jsException();
        }
        for (Export e : module.exports()) {
            if (e.kind() == ExternKind.TABLE && e.name().equals("table")) {
                return instance.table("table");
            }
        }
        throw jsException();
    }

    private long tableIndex(Value index) {
        long i = Integer.toUnsignedLong(((Value.I32) index).value());
        if (i >= exportedTable().size()) {
            throw jsException();
        }
        return i;
    }

    private Value[] catching(Runnable call) {
        try {
            call.run();
            return new Value[] {Value.i32(0)};
        } catch (UncaughtException e) {
            return new Value[] {Value.i32(1)};
        }
    }

    private void callExportAsJs(int index) {
        List<Export> exports = module.exports();
        if (instance == null || index < 0 || index >= exports.size()
                || exports.get(index).kind() != ExternKind.FUNC) {
            throw jsException();
        }
        callAsJs(instance.function(exports.get(index).name()));
    }

    private void callRefAsJs(Value ref) {
        if (!(((Value.Ref) ref).ref() instanceof Function f)) {
            throw jsException();
        }
        callAsJs(f);
    }

    /** A call through JavaScript's boundary: zero arguments, and a JS error for what JS cannot pass. */
    private void callAsJs(Function f) {
        List<Value> args = new ArrayList<>();
        for (ValType t : f.type().params()) {
            if (t == NumType.I64 || JsBoundary.cannotCross(t) || zero(t) == null) {
                throw jsException();
            }
            args.add(zero(t));
        }
        for (ValType t : f.type().results()) {
            if (JsBoundary.cannotCross(t)) {
                throw jsException();
            }
        }
        f.call(args.toArray(Value[]::new));
    }

    /** The zero of a type, or null for a type without a default (a non-nullable reference). */
    static Value zero(ValType t) {
        return switch (t) {
            case NumType n -> switch (n) {
                case I32 -> Value.i32(0);
                case I64 -> Value.i64(0);
                case F32 -> Value.f32Bits(0);
                case F64 -> Value.f64Bits(0);
            };
            case VecType v -> new Value.V128(0, 0);
            case RefType r -> r.nullable() ? new Value.Ref(r, null) : null;
        };
    }

    /** The payload of an exception that escaped, as binaryen prints it. */
    private static String payload(UncaughtException e) {
        if (!(e.exception() instanceof ExceptionObject x)) {
            return "";
        }
        List<String> printed = new ArrayList<>();
        int slot = 0;
        for (ValType t : x.tag.funcType().params()) {
            printed.add(switch (t) {
                case NumType n -> switch (n) {
                    case I32 -> Integer.toString((int) x.nums[slot]);
                    case I64 -> Long.toString(x.nums[slot]);
                    case F32 -> Printed.f32((int) x.nums[slot]);
                    case F64 -> Printed.f64(x.nums[slot]);
                };
                case VecType v -> Printed.v128(x.nums[slot], x.nums[slot + 1]);
                case RefType r -> Printed.ref(x.refs[slot]);
            });
            slot += t == VecType.V128 ? 2 : 1;
        }
        return String.join(" ", printed);
    }
}
