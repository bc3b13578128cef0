package dev.wasm4j.valid;

import dev.wasm4j.InvalidException;
import dev.wasm4j.model.AbsHeapType;
import dev.wasm4j.model.AddrType;
import dev.wasm4j.model.ArrayType;
import dev.wasm4j.model.DataMode;
import dev.wasm4j.model.DataSegment;
import dev.wasm4j.model.Export;
import dev.wasm4j.model.ExternKind;
import dev.wasm4j.model.Features;
import dev.wasm4j.model.FieldType;
import dev.wasm4j.model.FuncType;
import dev.wasm4j.model.Function;
import dev.wasm4j.model.Global;
import dev.wasm4j.model.GlobalType;
import dev.wasm4j.model.HeapType;
import dev.wasm4j.model.Limits;
import dev.wasm4j.model.Locals;
import dev.wasm4j.model.MemoryType;
import dev.wasm4j.model.Module;
import dev.wasm4j.model.NumType;
import dev.wasm4j.model.PackedType;
import dev.wasm4j.model.RecType;
import dev.wasm4j.model.RefType;
import dev.wasm4j.model.StructType;
import dev.wasm4j.model.SubType;
import dev.wasm4j.model.ValType;
import dev.wasm4j.model.VecType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Consumer;

import static dev.wasm4j.model.Opcode.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Validation rules on hand-built modules. */
class ValidatorTest {
    static final NumType I32 = NumType.I32;
    static final NumType I64 = NumType.I64;

    static FuncType ft(List<ValType> params, List<ValType> results) {
        return FuncType.of(params, results);
    }

    /** A module whose type 0 is {@code type} and whose only function has that type, locals and body. */
    static Module func(FuncType type, List<Locals> locals, Code body, Consumer<Module.Builder> extra) {
        Module.Builder b = Module.builder().addRecType(new RecType(List.of(SubType.of(type))));
        extra.accept(b);
        b.addFunction(new Function(0, locals, body.expr()));
        return b.build();
    }

    static Module func(FuncType type, Code body) {
        return func(type, List.of(), body, b -> { });
    }

    static ValidModule valid(Module m) {
        return Validator.validate(m, Features.DEFAULT);
    }

    static void invalid(String rule, Module m) {
        InvalidException e = assertThrows(InvalidException.class, () -> valid(m));
        assertTrue(e.rule().startsWith(rule), () -> "expected '" + rule + "', got '" + e.rule() + "'");
    }

    static final FuncType VOID = ft(List.of(), List.of());
    static final FuncType I32_I32 = ft(List.of(I32), List.of(I32));

    @Test
    void addTwoParams() {
        valid(func(ft(List.of(I32, I32), List.of(I32)),
                Code.of().op(LOCAL_GET).u(0).op(LOCAL_GET).u(1).op(I32_ADD).end()));
    }

    @Test
    void typeMismatchNamesBothSides() {
        InvalidException e = assertThrows(InvalidException.class, () -> valid(func(I32_I32,
                Code.of().op(I64_CONST).s(1).op(LOCAL_GET).u(0).op(I32_ADD).end())));
        assertEquals("type mismatch: instruction requires [i32 i32] but stack has [i64 i32]", e.rule());
        assertEquals(4, e.offset());
    }

    @Test
    void missingResult() {
        invalid("type mismatch", func(I32_I32, Code.of().end()));
        invalid("type mismatch: block requires [] but stack has [i32]",
                func(VOID, Code.of().op(I32_CONST).s(1).end()));
    }

    @Test
    void unknownIndices() {
        invalid("unknown local 3", func(VOID, Code.of().op(LOCAL_GET).u(3).op(DROP).end()));
        invalid("unknown global 0", func(VOID, Code.of().op(GLOBAL_GET).u(0).op(DROP).end()));
        invalid("unknown function 5", func(VOID, Code.of().op(CALL).u(5).end()));
        invalid("unknown label 1", func(VOID, Code.of().op(BR).u(1).end()));
        invalid("unknown memory 0", func(VOID, Code.of().op(I32_CONST).s(0).op(I32_LOAD).mem(2, 0).op(DROP).end()));
        invalid("unknown table 0", func(VOID, Code.of().op(TABLE_SIZE).u(0).op(DROP).end()));
        invalid("unknown data segment 0", func(VOID, Code.of().op(DATA_DROP).u(0).end()));
        invalid("unknown elem segment 0", func(VOID, Code.of().op(ELEM_DROP).u(0).end()));
        invalid("unknown type 7", func(VOID, Code.of().op(BLOCK).s(7).end().end()));
        invalid("unknown tag 0", func(VOID, Code.of().op(THROW).u(0).end()));
    }

    @Test
    void unreachableIsPolymorphic() {
        valid(func(I32_I32, Code.of().op(UNREACHABLE).op(I32_ADD).end()));
        valid(func(I32_I32, Code.of().op(UNREACHABLE).op(SELECT).end()));
        invalid("type mismatch", func(I32_I32, Code.of().op(UNREACHABLE).op(I64_CONST).s(0).op(I32_ADD).end()));
        // ref.as_non_null of an unknown operand is a reference, not a number
        invalid("type mismatch", func(I32_I32, Code.of().op(UNREACHABLE).op(REF_AS_NON_NULL).op(I32_EQZ).end()));
    }

    @Test
    void blocksAndBranches() {
        // (block (result i32) (br 0 (i32.const 1)))
        valid(func(I32_I32, Code.of().op(BLOCK).b(0x7F).op(I32_CONST).s(1).op(BR).u(0).end().end()));
        // loop label carries params: (loop (type 1) [i32]->[i32] (br_if 0)) with type 1 = [i32] -> [i32]
        Module m = Module.builder()
                .addRecType(new RecType(List.of(SubType.of(I32_I32))))
                .addFunction(new Function(0, List.of(), Code.of().op(LOCAL_GET).u(0)
                        .op(LOOP).s(0).op(LOCAL_GET).u(0).op(BR_IF).u(0).end().end().expr()))
                .build();
        valid(m);
        // if without else must have params <: results
        invalid("type mismatch", func(I32_I32, Code.of().op(LOCAL_GET).u(0).op(IF).b(0x7F).op(I32_CONST).s(1).end().end()));
        valid(func(I32_I32, Code.of().op(LOCAL_GET).u(0).op(IF).b(0x7F).op(I32_CONST).s(1)
                .op(ELSE).op(I32_CONST).s(2).end().end()));
    }

    @Test
    void brTableArity() {
        // (block (block (result i32) (br_table 0 1 (i32.const 0) (i32.const 0)))) : arities differ
        invalid("type mismatch", func(VOID, Code.of().op(BLOCK).b(0x40).op(BLOCK).b(0x7F)
                .op(I32_CONST).s(0).op(I32_CONST).s(0).op(BR_TABLE).u(1).u(0).u(1).end().op(DROP).end().end()));
    }

    @Test
    void selectRules() {
        valid(func(I32_I32, Code.of().op(I32_CONST).s(1).op(I32_CONST).s(2).op(LOCAL_GET).u(0).op(SELECT).end()));
        invalid("type mismatch", func(I32_I32, Code.of().op(I32_CONST).s(1).op(I64_CONST).s(2)
                .op(LOCAL_GET).u(0).op(SELECT).end()));
        invalid("invalid result arity", func(VOID, Code.of().op(UNREACHABLE).op(SELECT_T).u(2).b(0x7F, 0x7F).op(DROP).end()));
        // untyped select of references is not allowed
        invalid("type mismatch", func(VOID, Code.of().op(REF_NULL).b(0x70).op(REF_NULL).b(0x70)
                .op(I32_CONST).s(0).op(SELECT).op(DROP).end()));
    }

    @Test
    void globals() {
        Consumer<Module.Builder> g = b -> b.addGlobal(new Global(GlobalType.of(I32, false), Code.of().op(I32_CONST).s(1).end().expr()));
        valid(func(VOID, List.of(), Code.of().op(GLOBAL_GET).u(0).op(DROP).end(), g));
        invalid("immutable global", func(VOID, List.of(), Code.of().op(I32_CONST).s(0).op(GLOBAL_SET).u(0).end(), g));
        invalid("constant expression required", Module.builder()
                .addGlobal(new Global(GlobalType.of(I32, false), Code.of().op(I32_CONST).s(1).op(I32_EQZ).end().expr())).build());
        invalid("type mismatch", Module.builder()
                .addGlobal(new Global(GlobalType.of(I32, false), Code.of().op(I64_CONST).s(1).end().expr())).build());
        // a global initializer only sees earlier globals
        invalid("unknown global 1", Module.builder()
                .addGlobal(new Global(GlobalType.of(I32, false), Code.of().op(GLOBAL_GET).u(1).end().expr()))
                .addGlobal(new Global(GlobalType.of(I32, false), Code.of().op(I32_CONST).s(1).end().expr())).build());
        // extended constants
        valid(Module.builder().addGlobal(new Global(GlobalType.of(I32, false),
                Code.of().op(I32_CONST).s(1).op(I32_CONST).s(2).op(I32_MUL).end().expr())).build());
        invalid("constant expression required", Module.builder().addGlobal(new Global(GlobalType.of(I32, false),
                Code.of().op(I32_CONST).s(1).op(I32_CONST).s(2).op(I32_MUL).end().expr())).build(),
                Features.DEFAULT.without(dev.wasm4j.model.Feature.EXTENDED_CONST));
    }

    static void invalid(String rule, Module m, Features f) {
        InvalidException e = assertThrows(InvalidException.class, () -> Validator.validate(m, f));
        assertTrue(e.rule().startsWith(rule), () -> "expected '" + rule + "', got '" + e.rule() + "'");
    }

    static final Consumer<Module.Builder> MEMORY = b -> b.addMemory(MemoryType.of(Limits.of(1)));

    @Test
    void memoryAccess() {
        valid(func(VOID, List.of(), Code.of().op(I32_CONST).s(0).op(I64_LOAD).mem(3, 8).op(DROP).end(), MEMORY));
        invalid("alignment must not be larger than natural",
                func(VOID, List.of(), Code.of().op(I32_CONST).s(0).op(I32_LOAD).mem(3, 0).op(DROP).end(), MEMORY));
        invalid("offset out of range",
                func(VOID, List.of(), Code.of().op(I32_CONST).s(0).op(I32_LOAD).mem(2, 1L << 32).op(DROP).end(), MEMORY));
        // memory64: the address is an i64 and offsets may be large
        Consumer<Module.Builder> mem64 = b -> b.addMemory(MemoryType.of(AddrType.I64, Limits.of(1), false));
        valid(func(VOID, List.of(), Code.of().op(I64_CONST).s(0).op(I32_LOAD).mem(2, 1L << 40).op(DROP).end(), mem64));
        invalid("type mismatch",
                func(VOID, List.of(), Code.of().op(I32_CONST).s(0).op(I32_LOAD).mem(2, 0).op(DROP).end(), mem64));
        // memory.copy between i32 and i64 memories takes the smaller type for the length
        valid(func(VOID, List.of(), Code.of().op(I64_CONST).s(0).op(I32_CONST).s(0).op(I32_CONST).s(0)
                .op(MEMORY_COPY).u(1).u(0).end(), MEMORY.andThen(mem64)));
        // atomics need natural alignment exactly
        invalid("atomic alignment must be natural",
                func(VOID, List.of(), Code.of().op(I32_CONST).s(0).op(I32_ATOMIC_LOAD).mem(1, 0).op(DROP).end(), MEMORY));
    }

    @Test
    void memoryTypes() {
        invalid("size minimum must not be greater than maximum", Module.builder().addMemory(MemoryType.of(Limits.of(2, 1))).build());
        invalid("memory size must be at most 65536 pages (4GiB)", Module.builder().addMemory(MemoryType.of(Limits.of(65537))).build());
        invalid("shared memory must have maximum", Module.builder().addMemory(MemoryType.of(AddrType.I32, Limits.of(1), true)).build());
        invalid("multiple memories", Module.builder().addMemory(MemoryType.of(Limits.of(1)))
                .addMemory(MemoryType.of(Limits.of(1))).build(), Features.DEFAULT.without(dev.wasm4j.model.Feature.MULTI_MEMORY));
        invalid("invalid custom page size", Module.builder().addMemory(new MemoryType(AddrType.I32, Limits.of(1), false, 4,
                MemoryType.StaticProtection.NONE, false)).build());
        // static protection sections come on top of the read-write limits, and the total must fit
        invalid("memory size must be at most 65536 pages", Module.builder().addMemory(new MemoryType(AddrType.I32,
                Limits.of(2, 65535), false, 16, new MemoryType.StaticProtection(1, 2), false)).build());
        valid(Module.builder().addMemory(new MemoryType(AddrType.I32, Limits.of(0, 65533), false, 16,
                new MemoryType.StaticProtection(1, 2), false)).build());
        // memory.map needs a virtual memory
        invalid("memory.map requires a virtual memory", func(VOID, List.of(), Code.of().op(I32_CONST).s(0).op(I32_CONST).s(1)
                .op(MEMORY_MAP).u(0).b(2).op(DROP).end(), MEMORY));
        valid(func(VOID, List.of(), Code.of().op(I32_CONST).s(0).op(I32_CONST).s(1).op(MEMORY_MAP).u(0).b(2).op(DROP).end(),
                b -> b.addMemory(new MemoryType(AddrType.I32, Limits.of(1), false, 16, MemoryType.StaticProtection.NONE, true))));
    }

    @Test
    void simdLanes() {
        valid(func(I32_I32, List.of(), Code.of().op(V128_CONST).b(new int[16]).op(I8X16_EXTRACT_LANE_S).b(15)
                .op(LOCAL_GET).u(0).op(I32_ADD).end(), b -> { }));
        invalid("invalid lane index", func(VOID, Code.of().op(V128_CONST).b(new int[16]).op(I32X4_EXTRACT_LANE).b(4).op(DROP).end()));
        invalid("invalid lane index", func(VOID, Code.of().op(V128_CONST).b(new int[16]).op(V128_CONST).b(new int[16])
                .op(I8X16_SHUFFLE).b(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 32).op(DROP).end()));
        invalid("invalid lane index", func(VOID, List.of(), Code.of().op(I32_CONST).s(0).op(V128_CONST).b(new int[16])
                .op(V128_LOAD32_LANE).mem(2, 0).b(4).op(DROP).end(), MEMORY));
    }

    static final RefType FUNC_NN = new RefType(false, AbsHeapType.FUNC);

    @Test
    void nonDefaultableLocals() {
        // (local (ref func)) read before set
        invalid("uninitialized local", func(VOID, List.of(new Locals(1, FUNC_NN)),
                Code.of().op(LOCAL_GET).u(0).op(DROP).end(), b -> { }));
        Consumer<Module.Builder> declare = b -> b.addExport(new Export("f", ExternKind.FUNC, 0));
        // set then get: fine
        valid(func(VOID, List.of(new Locals(1, FUNC_NN)), Code.of().op(REF_FUNC).u(0).op(LOCAL_SET).u(0)
                .op(LOCAL_GET).u(0).op(DROP).end(), declare));
        // set inside a block does not outlive it
        invalid("uninitialized local", func(VOID, List.of(new Locals(1, FUNC_NN)), Code.of()
                .op(BLOCK).b(0x40).op(REF_FUNC).u(0).op(LOCAL_SET).u(0).end()
                .op(LOCAL_GET).u(0).op(DROP).end(), declare));
    }

    @Test
    void refFuncMustBeDeclared() {
        invalid("undeclared function reference", func(VOID, Code.of().op(REF_FUNC).u(0).op(DROP).end()));
        valid(func(VOID, List.of(), Code.of().op(REF_FUNC).u(0).op(DROP).end(),
                b -> b.addExport(new Export("f", ExternKind.FUNC, 0))));
    }

    @Test
    void exportsAndStart() {
        invalid("duplicate export name", func(VOID, List.of(), Code.of().end(), b -> b
                .addExport(new Export("f", ExternKind.FUNC, 0)).addExport(new Export("f", ExternKind.FUNC, 0))));
        invalid("unknown global 0", func(VOID, List.of(), Code.of().end(), b -> b.addExport(new Export("g", ExternKind.GLOBAL, 0))));
        invalid("start function", func(I32_I32, List.of(), Code.of().op(LOCAL_GET).u(0).end(), b -> b.start(0)));
        valid(func(VOID, List.of(), Code.of().end(), b -> b.start(0)));
        invalid("unknown function 1", func(VOID, List.of(), Code.of().end(), b -> b.start(1)));
    }

    @Test
    void dataSegments() {
        valid(Module.builder().addMemory(MemoryType.of(Limits.of(1)))
                .addData(new DataSegment(new DataMode.Active(0, Code.of().op(I32_CONST).s(0).end().expr()), new byte[0], 0, 0)).build());
        invalid("unknown memory 1", Module.builder().addMemory(MemoryType.of(Limits.of(1)))
                .addData(new DataSegment(new DataMode.Active(1, Code.of().op(I32_CONST).s(0).end().expr()), new byte[0], 0, 0)).build());
        invalid("type mismatch", Module.builder().addMemory(MemoryType.of(Limits.of(1)))
                .addData(new DataSegment(new DataMode.Active(0, Code.of().op(I64_CONST).s(0).end().expr()), new byte[0], 0, 0)).build());
    }

    @Test
    void structs() {
        // type 0: (struct (field (mut i32)) (field i8)), type 1: [] -> [i32]
        StructType st = new StructType(List.of(new FieldType(I32, true), new FieldType(PackedType.I8, false)));
        Module.Builder b = Module.builder()
                .addRecType(new RecType(List.of(SubType.of(st))))
                .addRecType(new RecType(List.of(SubType.of(ft(List.of(), List.of(I32))))));
        Code ok = Code.of().op(I32_CONST).s(1).op(I32_CONST).s(2).op(STRUCT_NEW).u(0)
                .op(STRUCT_GET_S).u(0).u(1).end();
        valid(b.addFunction(new Function(1, List.of(), ok.expr())).build());
        Module.Builder b2 = Module.builder()
                .addRecType(new RecType(List.of(SubType.of(st))))
                .addRecType(new RecType(List.of(SubType.of(ft(List.of(), List.of(I32))))));
        invalid("field is packed", b2.addFunction(new Function(1, List.of(), Code.of().op(STRUCT_NEW_DEFAULT).u(0)
                .op(STRUCT_GET).u(0).u(1).end().expr())).build());
        Module.Builder b3 = Module.builder()
                .addRecType(new RecType(List.of(SubType.of(st))))
                .addRecType(new RecType(List.of(SubType.of(VOID))));
        invalid("immutable field", b3.addFunction(new Function(1, List.of(), Code.of().op(STRUCT_NEW_DEFAULT).u(0)
                .op(I32_CONST).s(0).op(STRUCT_SET).u(0).u(1).end().expr())).build());
    }

    @Test
    void arraysAndCasts() {
        ArrayType at = new ArrayType(new FieldType(I64, true));
        Module m = Module.builder()
                .addRecType(new RecType(List.of(SubType.of(at))))
                .addRecType(new RecType(List.of(SubType.of(ft(List.of(RefType.ANYREF), List.of(I64))))))
                .addFunction(new Function(1, List.of(), Code.of()
                        .op(LOCAL_GET).u(0).op(REF_CAST).s(0)        // (ref $a)
                        .op(I32_CONST).s(0).op(ARRAY_GET).u(0).end().expr()))
                .build();
        valid(m);
        // br_on_cast: (block (result (ref $a)) (br_on_cast 0 anyref (ref $a) (local.get 0)) (unreachable))
        Module m2 = Module.builder()
                .addRecType(new RecType(List.of(SubType.of(at))))
                .addRecType(new RecType(List.of(SubType.of(ft(List.of(RefType.ANYREF), List.of(new RefType(false, HeapType.of(0))))))))
                .addFunction(new Function(1, List.of(), Code.of()
                        .op(BLOCK).b(0x64).s(0)
                        .op(LOCAL_GET).u(0).op(BR_ON_CAST).b(1).u(0).b(0x6E).s(0).op(UNREACHABLE)
                        .end().end().expr()))
                .build();
        valid(m2);
        // casting to a type outside the operand's hierarchy
        Module m3 = Module.builder()
                .addRecType(new RecType(List.of(SubType.of(at))))
                .addRecType(new RecType(List.of(SubType.of(ft(List.of(RefType.FUNCREF), List.of())))))
                .addFunction(new Function(1, List.of(), Code.of()
                        .op(LOCAL_GET).u(0).op(REF_CAST).s(0).op(DROP).end().expr()))
                .build();
        invalid("type mismatch", m3);
    }

    @Test
    void exceptions() {
        // tag 0 : [i32] -> []; (block (result i32) (try_table (catch 0 0) (throw 0 (i32.const 1)))) 
        Module m = Module.builder()
                .addRecType(new RecType(List.of(SubType.of(ft(List.of(I32), List.of())))))
                .addRecType(new RecType(List.of(SubType.of(ft(List.of(), List.of(I32))))))
                .addTag(new dev.wasm4j.model.Tag(new dev.wasm4j.model.TagType(0)))
                .addFunction(new Function(1, List.of(), Code.of()
                        .op(BLOCK).b(0x7F)
                        .op(TRY_TABLE).b(0x40).u(1).b(0).u(0).u(0)
                        .op(I32_CONST).s(1).op(THROW).u(0)
                        .end().op(UNREACHABLE).end().end().expr()))
                .build();
        valid(m);
        // throw with the wrong operand
        Module bad = Module.builder()
                .addRecType(new RecType(List.of(SubType.of(ft(List.of(I32), List.of())))))
                .addRecType(new RecType(List.of(SubType.of(VOID))))
                .addTag(new dev.wasm4j.model.Tag(new dev.wasm4j.model.TagType(0)))
                .addFunction(new Function(1, List.of(), Code.of().op(I64_CONST).s(5).op(THROW).u(0).end().expr()))
                .build();
        InvalidException e = assertThrows(InvalidException.class, () -> valid(bad));
        assertEquals("type mismatch: instruction requires [i32] but stack has [i64]", e.rule());
        // legacy: rethrow must name a catch
        Module rethrow = Module.builder()
                .addRecType(new RecType(List.of(SubType.of(VOID))))
                .addFunction(new Function(0, List.of(), Code.of().op(TRY).b(0x40).op(RETHROW).u(0).end().end().expr()))
                .build();
        invalid("invalid rethrow label", rethrow);
        Module rethrowOk = Module.builder()
                .addRecType(new RecType(List.of(SubType.of(VOID))))
                .addFunction(new Function(0, List.of(), Code.of().op(TRY).b(0x40).op(CATCH_ALL).op(RETHROW).u(0).end().end().expr()))
                .build();
        valid(rethrowOk);
    }

    @Test
    void subtypeDeclarations() {
        // (type $t (func)) (type $s (sub $t (func))) : $t is final
        invalid("sub type", Module.builder()
                .addRecType(new RecType(List.of(SubType.of(VOID))))
                .addRecType(new RecType(List.of(new SubType(true, List.of(0), VOID)))).build());
        valid(Module.builder()
                .addRecType(new RecType(List.of(new SubType(false, List.of(), VOID))))
                .addRecType(new RecType(List.of(new SubType(true, List.of(0), VOID)))).build());
        invalid("sub type", Module.builder()
                .addRecType(new RecType(List.of(new SubType(false, List.of(), new StructType(List.of(new FieldType(I32, false)))))))
                .addRecType(new RecType(List.of(new SubType(true, List.of(0), new StructType(List.of(new FieldType(I64, false)))))))
                .build());
        invalid("unknown type", Module.builder()
                .addRecType(new RecType(List.of(SubType.of(ft(List.of(new RefType(true, HeapType.of(3))), List.of())))))
                .build());
    }

    @Test
    void blockTypeFromIndex() {
        // type 1 = [i32 i64] -> [i64]; (block (type 1) (drop) ... ) consumes its params from the stack
        Module m = Module.builder()
                .addRecType(new RecType(List.of(SubType.of(ft(List.of(), List.of(I64))))))
                .addRecType(new RecType(List.of(SubType.of(ft(List.of(I32, I64), List.of(I64))))))
                .addFunction(new Function(0, List.of(), Code.of().op(I32_CONST).s(1).op(I64_CONST).s(2)
                        .op(BLOCK).s(1).op(I64_CONST).s(3).op(I64_ADD).op(I64_CONST).s(0).op(I64_ADD)
                        .op(LOCAL_GET).u(0).op(DROP).op(DROP).end().end().expr()))
                .build();
        invalid("unknown local 0", m);
        invalid("type mismatch", func(ft(List.of(), List.of(I64)), List.of(), Code.of().op(I64_CONST).s(2)
                .op(BLOCK).s(1).end().end(), b -> b.addRecType(new RecType(List.of(SubType.of(
                ft(List.of(I32, I64), List.of(I64))))))));
        valid(func(ft(List.of(VecType.V128), List.of(VecType.V128)), Code.of().op(LOCAL_GET).u(0).end()));
    }
}
