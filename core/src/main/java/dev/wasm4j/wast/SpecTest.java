package dev.wasm4j.wast;

import dev.wasm4j.Global;
import dev.wasm4j.Linker;
import dev.wasm4j.Memory;
import dev.wasm4j.Table;
import dev.wasm4j.Value;
import dev.wasm4j.model.AddrType;
import dev.wasm4j.model.FuncType;
import dev.wasm4j.model.GlobalType;
import dev.wasm4j.model.Limits;
import dev.wasm4j.model.MemoryType;
import dev.wasm4j.model.NumType;
import dev.wasm4j.model.RefType;
import dev.wasm4j.model.TableType;
import dev.wasm4j.model.ValType;

import java.util.List;

/**
 * The {@code spectest} host module that the testsuite imports from (spec interpreter's host/spectest):
 * print functions (silent here), four globals holding 666, a table, a 64-bit table, a memory and a shared
 * memory.
 */
public final class SpecTest {
    public static final String NAME = "spectest";

    private SpecTest() {
    }

    /** Adds a fresh spectest module to {@code linker}. */
    public static void define(Linker linker) {
        print(linker, "print");
        print(linker, "print_i32", NumType.I32);
        print(linker, "print_i64", NumType.I64);
        print(linker, "print_f32", NumType.F32);
        print(linker, "print_f64", NumType.F64);
        print(linker, "print_i32_f32", NumType.I32, NumType.F32);
        print(linker, "print_f64_f64", NumType.F64, NumType.F64);
        linker.define(NAME, "global_i32", Global.of(GlobalType.of(NumType.I32, false), Value.i32(666)));
        linker.define(NAME, "global_i64", Global.of(GlobalType.of(NumType.I64, false), Value.i64(666)));
        linker.define(NAME, "global_f32", Global.of(GlobalType.of(NumType.F32, false), Value.f32(666.6f)));
        linker.define(NAME, "global_f64", Global.of(GlobalType.of(NumType.F64, false), Value.f64(666.6)));
        linker.define(NAME, "table", Table.of(TableType.of(Limits.of(10, 20), RefType.FUNCREF),
                Value.funcRef(null)));
        linker.define(NAME, "table64", Table.of(new TableType(AddrType.I64, Limits.of(10, 20), RefType.FUNCREF),
                Value.funcRef(null)));
        linker.define(NAME, "memory", Memory.allocate(MemoryType.of(Limits.of(1, 2))));
        linker.define(NAME, "shared_memory", Memory.allocate(MemoryType.of(AddrType.I32, Limits.of(1, 2), true)));
    }

    private static void print(Linker linker, String name, ValType... params) {
        linker.define(NAME, name, FuncType.of(List.of(params), List.of()), (caller, args) -> new Value[0]);
    }
}
