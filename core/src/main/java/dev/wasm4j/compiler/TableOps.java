package dev.wasm4j.compiler;

import dev.wasm4j.exec.ModuleInstance;
import dev.wasm4j.exec.TableInstance;

/**
 * Table instructions for compiled code, with the interpreter's semantics (indices as longs, zero-extended
 * by the caller for i32 tables; every range checked by {@link TableInstance}).
 */
public final class TableOps {
    private TableOps() {
    }

    public static Object get(long i, ModuleInstance inst, int table) {
        return inst.tables[table].getRef(i);
    }

    public static void set(long i, Object v, ModuleInstance inst, int table) {
        inst.tables[table].setRef(i, v);
    }

    public static long size(ModuleInstance inst, int table) {
        return inst.tables[table].size();
    }

    public static long grow(Object init, long delta, ModuleInstance inst, int table) {
        return inst.tables[table].grow(delta, init);
    }

    public static void fill(long i, Object v, long n, ModuleInstance inst, int table) {
        inst.tables[table].fill(i, v, n);
    }

    public static void copy(long dst, long src, long n, ModuleInstance inst, int dstTable, int srcTable) {
        inst.tables[dstTable].copyFrom(inst.tables[srcTable], src, dst, n);
    }

    public static void init(long dst, long src, long n, ModuleInstance inst, int elem, int table) {
        inst.tables[table].init(dst, inst.elems[elem], src, n);
    }

    public static void elemDrop(ModuleInstance inst, int elem) {
        inst.dropElem(elem);
    }

    public static Object refFunc(ModuleInstance inst, int func) {
        return inst.functions[func];
    }
}
