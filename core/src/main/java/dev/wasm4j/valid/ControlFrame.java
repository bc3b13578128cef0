package dev.wasm4j.valid;

import dev.wasm4j.model.FuncType;
import dev.wasm4j.model.Opcode;
import dev.wasm4j.model.ValType;

import java.util.List;

/**
 * An entry of the control stack (spec 3.4.1 "Validation algorithm": ctrl_frame). Frames are pooled by the
 * validator and reused as blocks open and close, so a sink must not keep them beyond the current call.
 */
final class ControlFrame implements CodeState.Frame {
    Opcode kind;
    FuncType type;
    /** Operand stack height in values when entered, below the parameters. */
    int height;
    int heightSlots;
    List<ValType> labelTypes;
    int labelSlots;
    boolean unreachable;
    /** Height of the validator's log of initialized locals when the frame was entered. */
    int initMark;

    void enter(Opcode kind, FuncType type, int height, int heightSlots, int initMark) {
        this.kind = kind;
        this.type = type;
        this.height = height;
        this.heightSlots = heightSlots;
        this.initMark = initMark;
        this.unreachable = false;
        this.labelTypes = kind == Opcode.LOOP ? type.params() : type.results();
        int s = 0;
        for (ValType t : labelTypes) {
            s += t.slots();
        }
        this.labelSlots = s;
    }

    @Override
    public Opcode kind() {
        return kind;
    }

    @Override
    public FuncType type() {
        return type;
    }

    @Override
    public int heightSlots() {
        return heightSlots;
    }

    @Override
    public List<ValType> labelTypes() {
        return labelTypes;
    }

    @Override
    public int labelSlots() {
        return labelSlots;
    }

    @Override
    public boolean unreachable() {
        return unreachable;
    }
}
