package dev.wasm4j.valid;

import dev.wasm4j.binary.Immediates;
import dev.wasm4j.model.Features;
import dev.wasm4j.model.FuncType;
import dev.wasm4j.model.Function;
import dev.wasm4j.model.Global;
import dev.wasm4j.model.GlobalType;
import dev.wasm4j.model.Module;
import dev.wasm4j.model.NumType;
import dev.wasm4j.model.Opcode;
import dev.wasm4j.model.RecType;
import dev.wasm4j.model.SubType;
import dev.wasm4j.model.ValType;
import dev.wasm4j.model.VecType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.wasm4j.model.Opcode.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** What a {@link CodeSink} sees when a body is replayed. */
class ReplayTest {

    /** One line per instruction: op, operand count/slots, top type, frames, innermost frame. */
    static final class Recorder implements CodeSink {
        final List<String> lines = new ArrayList<>();
        String begin;
        int max = -1;

        @Override
        public void beginFunction(int funcIndex, FuncType type, List<ValType> locals) {
            begin = funcIndex + " " + type + " " + locals;
        }

        @Override
        public void instruction(Opcode op, Immediates imm, CodeState s) {
            CodeState.Frame f = s.frame(0);
            lines.add(op + " n=" + s.operandCount() + " slots=" + s.operandSlots() + " top=" + s.operandType(0)
                    + " frames=" + s.frameCount() + " kind=" + f.kind() + " h=" + f.heightSlots()
                    + " label=" + f.labelTypes() + "/" + f.labelSlots() + (s.unreachable() ? " unreachable" : ""));
        }

        @Override
        public void endFunction(CodeState s) {
            max = s.maxOperandSlots();
        }
    }

    @Test
    void heightsFramesAndTypes() {
        FuncType type = FuncType.of(List.of(NumType.I32), List.of(NumType.I64));
        Code body = Code.of()
                .op(V128_CONST).b(new int[16])                  // v128            (2 slots)
                .op(BLOCK).b(0x7E)                              // block (result i64)
                .op(I64_CONST).s(7)                             //   i64
                .op(LOCAL_GET).u(0)                             //   i64 i32
                .op(BR_IF).u(0)                                 //   i64
                .op(DROP)
                .op(UNREACHABLE)
                .op(I64_ADD)                                    //   unreachable: operands unknown
                .end()                                          // v128 i64
                .op(LOCAL_GET).u(0)
                .op(IF).b(0x40)
                .op(NOP)
                .op(ELSE)
                .op(NOP)
                .end()
                .op(DROP)                                       // drops... the i64
                .op(DROP)                                       // the v128
                .op(I64_CONST).s(1)
                .end();
        Module m = Module.builder()
                .addRecType(new RecType(List.of(SubType.of(type))))
                .addFunction(new Function(0, List.of(new dev.wasm4j.model.Locals(2, VecType.V128)), body.expr()))
                .build();
        ValidModule vm = Validator.validate(m, Features.DEFAULT);
        Recorder r = new Recorder();
        vm.replayFunction(0, r);
        assertEquals("0 [i32] -> [i64] [i32, v128, v128]", r.begin);
        List<String> expected = List.of(
                "v128.const n=0 slots=0 top=null frames=1 kind=null h=0 label=[i64]/1",
                "block n=1 slots=2 top=v128 frames=1 kind=null h=0 label=[i64]/1",
                "i64.const n=1 slots=2 top=v128 frames=2 kind=block h=2 label=[i64]/1",
                "local.get n=2 slots=3 top=i64 frames=2 kind=block h=2 label=[i64]/1",
                "br_if n=3 slots=4 top=i32 frames=2 kind=block h=2 label=[i64]/1",
                "drop n=2 slots=3 top=i64 frames=2 kind=block h=2 label=[i64]/1",
                "unreachable n=1 slots=2 top=v128 frames=2 kind=block h=2 label=[i64]/1",
                "i64.add n=1 slots=2 top=null frames=2 kind=block h=2 label=[i64]/1 unreachable",
                "end n=2 slots=3 top=i64 frames=2 kind=block h=2 label=[i64]/1 unreachable",
                "local.get n=2 slots=3 top=i64 frames=1 kind=null h=0 label=[i64]/1",
                "if n=3 slots=4 top=i32 frames=1 kind=null h=0 label=[i64]/1",
                "nop n=2 slots=3 top=i64 frames=2 kind=if h=3 label=[]/0",
                "else n=2 slots=3 top=i64 frames=2 kind=if h=3 label=[]/0",
                "nop n=2 slots=3 top=i64 frames=2 kind=else h=3 label=[]/0",
                "end n=2 slots=3 top=i64 frames=2 kind=else h=3 label=[]/0",
                "drop n=2 slots=3 top=i64 frames=1 kind=null h=0 label=[i64]/1",
                "drop n=1 slots=2 top=v128 frames=1 kind=null h=0 label=[i64]/1",
                "i64.const n=0 slots=0 top=null frames=1 kind=null h=0 label=[i64]/1",
                "end n=1 slots=1 top=i64 frames=1 kind=null h=0 label=[i64]/1");
        assertEquals(expected, r.lines);
        assertEquals(4, r.max);
    }

    @Test
    void constantExpressions() {
        Module m = Module.builder()
                .addGlobal(new Global(GlobalType.of(NumType.I32, false),
                        Code.of().op(I32_CONST).s(2).op(I32_CONST).s(3).op(I32_ADD).end().expr()))
                .build();
        ValidModule vm = Validator.validate(m, Features.DEFAULT);
        Recorder r = new Recorder();
        vm.replayConst(m.globals().getFirst().init(), NumType.I32, r);
        assertEquals("-1 [] -> [i32] []", r.begin);
        assertEquals(4, r.lines.size());
        assertEquals("i32.add n=2 slots=2 top=i32 frames=1 kind=null h=0 label=[i32]/1", r.lines.get(2));
        assertEquals(2, r.max);
    }

    @Test
    void unknownOperandsAreNull() {
        Module m = Module.builder()
                .addRecType(new RecType(List.of(SubType.of(FuncType.of(List.of(), List.of())))))
                .addFunction(new Function(0, List.of(), Code.of().op(UNREACHABLE).op(REF_AS_NON_NULL).op(DROP).end().expr()))
                .build();
        ValidModule vm = Validator.validate(m, Features.DEFAULT);
        List<ValType> tops = new ArrayList<>();
        vm.replayFunction(0, new CodeSink() {
            @Override
            public void beginFunction(int funcIndex, FuncType type, List<ValType> locals) {
            }

            @Override
            public void instruction(Opcode op, Immediates imm, CodeState state) {
                if (op == DROP) {
                    tops.add(state.operandType(0));
                }
            }

            @Override
            public void endFunction(CodeState state) {
            }
        });
        assertEquals(1, tops.size());
        assertNull(tops.getFirst());
    }
}
