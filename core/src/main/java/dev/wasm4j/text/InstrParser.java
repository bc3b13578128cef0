package dev.wasm4j.text;

import dev.wasm4j.model.Opcode;
import dev.wasm4j.text.Token.Kind;

import java.util.ArrayList;
import java.util.List;

/**
 * Instruction sequences (spec 6.5): plain and structured instructions in flat and folded form, encoded to
 * the binary format as they are read. Nesting is tracked on an explicit stack of frames (no recursion), so
 * arbitrarily deep folded expressions cannot overflow the Java stack. Immediates are read by
 * {@link Immediates}, driven by the opcode table.
 */
final class InstrParser {
    private final Cursor c;
    private final Immediates imm;
    /** Label names of the enclosing blocks, innermost last; null for unnamed ones. */
    private final List<String> labels = new ArrayList<>();
    private final List<Frame> frames = new ArrayList<>();
    private ByteWriter out;

    /** What a frame is waiting for. Flat block modes end with a keyword, folded ones with a paren. */
    private enum Mode {
        FLAT_BLOCK, FLAT_IF_THEN, FLAT_IF_ELSE, FLAT_TRY_DO, FLAT_TRY_CATCH, FLAT_TRY_CATCH_ALL,
        /** {@code (op imm* ...)}: folded operands, then the operator's bytes. */
        FOLDED_OPERANDS,
        /** The body of a folded block, loop or try_table. */
        FOLDED_BODY,
        IF_COND, IF_THEN, IF_AFTER_THEN, IF_ELSE, IF_AFTER_ELSE,
        TRY_HEADER, TRY_DO, TRY_AFTER_DO, TRY_CATCH, TRY_AFTER_CATCH, TRY_CATCH_ALL, TRY_AFTER_CATCH_ALL,
        TRY_AFTER_DELEGATE
    }

    private static final class Frame {
        Mode mode;
        final String label;
        final byte[] pending;

        /** Where the instruction whose bytes are pending starts in the text. */
        int at = -1;

        Frame(Mode mode, String label, byte[] pending) {
            this.mode = mode;
            this.label = label;
            this.pending = pending;
        }

        /** Writes the pending bytes, marked with the text they come from. */
        void flushPending(ByteWriter w) {
            if (at >= 0) {
                w.mark(at);
            }
            w.bytes(pending);
        }

        boolean isFlat() {
            return mode.ordinal() <= Mode.FLAT_TRY_CATCH_ALL.ordinal();
        }
    }

    /**
     * A parser for one function body or constant expression. {@code locals} is the function's local index
     * space (an empty one for constant expressions).
     */
    InstrParser(Cursor c, Scope scope, IndexSpace locals) {
        this.c = c;
        this.imm = new Immediates(c, scope, new TypeParser(c, scope), locals, this::labelIndex);
    }

    /** Whether an instruction used a data index (then the module needs a data count section). */
    boolean usesDataIndex() {
        return imm.usesDataIndex;
    }

    /**
     * Instructions up to the closing paren of the enclosing clause (not consumed), into {@code w}. A function
     * body has the function's own label around it.
     */
    void instructions(ByteWriter w, boolean functionBody) {
        out = w;
        labels.clear();
        if (functionBody) {
            labels.add(null);
        }
        run(false);
    }

    /** Exactly one folded instruction {@code (...)}, into {@code w}. */
    void foldedInstruction(ByteWriter w) {
        out = w;
        labels.clear();
        if (!c.at(Kind.LPAR)) {
            throw Cursor.unexpected(c.peek());
        }
        folded();
        run(true);
    }

    private Frame top() {
        return frames.getLast();
    }

    private void push(Mode mode, String label, byte[] pending) {
        frames.add(new Frame(mode, label, pending));
    }

    private void pop() {
        frames.removeLast();
    }

    private void popLabel() {
        labels.removeLast();
    }

    private void emit(Opcode op) {
        Encode.opcode(out, op);
    }

    private void run(boolean single) {
        while (true) {
            if (frames.isEmpty() && single) {
                return;
            }
            Frame f = frames.isEmpty() ? null : top();
            Token t = c.peek();
            Mode mode = f == null ? null : f.mode;
            if (mode == null) {
                if (t.kind() == Kind.RPAR || t.kind() == Kind.EOF) {
                    return;
                }
                instruction(t);
                continue;
            }
            switch (mode) {
                case FOLDED_OPERANDS -> {
                    if (t.kind() == Kind.LPAR) {
                        folded();
                    } else if (t.kind() == Kind.RPAR) {
                        c.next();
                        f.flushPending(out);
                        pop();
                    } else {
                        throw Cursor.unexpected(t);
                    }
                }
                case IF_COND -> {
                    if (c.acceptClause("then")) {
                        f.flushPending(out);
                        labels.add(f.label);
                        f.mode = Mode.IF_THEN;
                    } else if (t.kind() == Kind.LPAR) {
                        folded();
                    } else {
                        throw Cursor.unexpected(t);
                    }
                }
                case IF_AFTER_THEN -> {
                    if (c.acceptClause("else")) {
                        emit(Opcode.ELSE);
                        f.mode = Mode.IF_ELSE;
                    } else {
                        closeFolded(t);
                    }
                }
                case IF_AFTER_ELSE, TRY_AFTER_CATCH_ALL -> closeFolded(t);
                case TRY_AFTER_DELEGATE -> {
                    c.expectRpar();
                    pop();
                }
                case TRY_HEADER -> {
                    if (!c.acceptClause("do")) {
                        throw Cursor.unexpected(t);
                    }
                    f.mode = Mode.TRY_DO;
                }
                case TRY_AFTER_DO, TRY_AFTER_CATCH -> {
                    if (c.acceptClause("catch")) {
                        emit(Opcode.CATCH);
                        imm.index(out, Opcode.CATCH);
                        f.mode = Mode.TRY_CATCH;
                    } else if (c.acceptClause("catch_all")) {
                        emit(Opcode.CATCH_ALL);
                        f.mode = Mode.TRY_CATCH_ALL;
                    } else if (mode == Mode.TRY_AFTER_DO && c.acceptClause("delegate")) {
                        popLabel();
                        emit(Opcode.DELEGATE);
                        out.u32(labelIndex(c.next()));
                        c.expectRpar();
                        f.mode = Mode.TRY_AFTER_DELEGATE;
                    } else {
                        closeFolded(t);
                    }
                }
                default -> {
                    if (t.kind() == Kind.RPAR || t.kind() == Kind.EOF) {
                        endOfList(f, t);
                    } else {
                        instruction(t);
                    }
                }
            }
        }
    }

    /** The closing paren of a folded if or try: its {@code end}. */
    private void closeFolded(Token t) {
        if (t.kind() != Kind.RPAR) {
            throw Cursor.unexpected(t);
        }
        c.next();
        out.mark(t.start());
        emit(Opcode.END);
        popLabel();
        pop();
    }

    /** A closing paren (or the end of input) ends the instruction list of frame {@code f}. */
    private void endOfList(Frame f, Token t) {
        if (f.isFlat() || t.kind() == Kind.EOF) {
            throw Cursor.unexpected(t);
        }
        c.next();
        switch (f.mode) {
            case FOLDED_BODY -> {
                out.mark(t.start());
                emit(Opcode.END);
                popLabel();
                pop();
            }
            case IF_THEN -> f.mode = Mode.IF_AFTER_THEN;
            case IF_ELSE -> f.mode = Mode.IF_AFTER_ELSE;
            case TRY_DO -> f.mode = Mode.TRY_AFTER_DO;
            case TRY_CATCH -> f.mode = Mode.TRY_AFTER_CATCH;
            case TRY_CATCH_ALL -> f.mode = Mode.TRY_AFTER_CATCH_ALL;
            default -> throw new IllegalStateException(f.mode.toString());
        }
    }

    /** One instruction in an instruction list: folded, or flat. */
    private void instruction(Token t) {
        if (t.kind() == Kind.LPAR) {
            folded();
        } else if (t.kind() == Kind.KEYWORD) {
            flat(t);
        } else {
            throw Cursor.unexpected(t);
        }
    }

    private String optLabel() {
        return c.at(Kind.ID) ? c.next().text() : null;
    }

    /** An optional label after {@code end} or {@code else}, which must repeat the block's label. */
    private void endLabel(String label) {
        if (c.at(Kind.ID)) {
            Token t = c.next();
            if (!t.text().equals(label)) {
                throw Cursor.error("mismatching label", t);
            }
        }
    }

    private void flat(Token t) {
        out.mark(t.start());
        Frame f = frames.isEmpty() ? null : top();
        switch (t.text()) {
            case "block", "loop" -> {
                c.next();
                String label = optLabel();
                emit(t.text().equals("block") ? Opcode.BLOCK : Opcode.LOOP);
                imm.blockType(out);
                labels.add(label);
                push(Mode.FLAT_BLOCK, label, null);
            }
            case "if" -> {
                c.next();
                String label = optLabel();
                emit(Opcode.IF);
                imm.blockType(out);
                labels.add(label);
                push(Mode.FLAT_IF_THEN, label, null);
            }
            case "try" -> {
                c.next();
                String label = optLabel();
                emit(Opcode.TRY);
                imm.blockType(out);
                labels.add(label);
                push(Mode.FLAT_TRY_DO, label, null);
            }
            case "try_table" -> {
                c.next();
                String label = optLabel();
                emit(Opcode.TRY_TABLE);
                imm.tryTable(out);
                labels.add(label);
                push(Mode.FLAT_BLOCK, label, null);
            }
            case "end" -> {
                if (f == null || !f.isFlat()) {
                    throw Cursor.unexpected(t);
                }
                c.next();
                endLabel(f.label);
                emit(Opcode.END);
                popLabel();
                pop();
            }
            case "else" -> {
                if (f == null || f.mode != Mode.FLAT_IF_THEN) {
                    throw Cursor.unexpected(t);
                }
                c.next();
                endLabel(f.label);
                emit(Opcode.ELSE);
                f.mode = Mode.FLAT_IF_ELSE;
            }
            case "catch" -> {
                if (f == null || f.mode != Mode.FLAT_TRY_DO && f.mode != Mode.FLAT_TRY_CATCH) {
                    throw Cursor.unexpected(t);
                }
                c.next();
                emit(Opcode.CATCH);
                imm.index(out, Opcode.CATCH);
                f.mode = Mode.FLAT_TRY_CATCH;
            }
            case "catch_all" -> {
                if (f == null || f.mode != Mode.FLAT_TRY_DO && f.mode != Mode.FLAT_TRY_CATCH) {
                    throw Cursor.unexpected(t);
                }
                c.next();
                emit(Opcode.CATCH_ALL);
                f.mode = Mode.FLAT_TRY_CATCH_ALL;
            }
            case "delegate" -> {
                if (f == null || f.mode != Mode.FLAT_TRY_DO) {
                    throw Cursor.unexpected(t);
                }
                c.next();
                popLabel();
                emit(Opcode.DELEGATE);
                out.u32(labelIndex(c.next()));
                pop();
            }
            default -> imm.plain(out);
        }
    }

    /** A folded instruction starting at {@code (}. */
    private void folded() {
        c.expectLpar();
        Token t = c.peek();
        if (t.kind() != Kind.KEYWORD) {
            throw Cursor.unexpected(t);
        }
        out.mark(t.start());
        switch (t.text()) {
            case "block", "loop" -> {
                c.next();
                String label = optLabel();
                emit(t.text().equals("block") ? Opcode.BLOCK : Opcode.LOOP);
                imm.blockType(out);
                labels.add(label);
                push(Mode.FOLDED_BODY, label, null);
            }
            case "try_table" -> {
                c.next();
                String label = optLabel();
                emit(Opcode.TRY_TABLE);
                imm.tryTable(out);
                labels.add(label);
                push(Mode.FOLDED_BODY, label, null);
            }
            case "if" -> {
                c.next();
                String label = optLabel();
                ByteWriter header = new ByteWriter(8);
                Encode.opcode(header, Opcode.IF);
                imm.blockType(header);
                push(Mode.IF_COND, label, header.toByteArray());
                top().at = t.start();
            }
            case "try" -> {
                c.next();
                String label = optLabel();
                emit(Opcode.TRY);
                imm.blockType(out);
                labels.add(label);
                push(Mode.TRY_HEADER, label, null);
            }
            case "end", "else", "catch", "catch_all", "delegate", "then", "do" -> throw Cursor.unexpected(t);
            default -> {
                ByteWriter op = new ByteWriter(16);
                imm.plain(op);
                push(Mode.FOLDED_OPERANDS, null, op.toByteArray());
                top().at = t.start();
            }
        }
    }

    /** The relative depth of a label written as a number or an identifier (spec 6.6.1 labels). */
    int labelIndex(Token t) {
        if (t.kind() == Kind.NAT) {
            return Syntax.u32(t);
        }
        if (t.kind() != Kind.ID) {
            throw Cursor.unexpected(t);
        }
        for (int i = labels.size() - 1; i >= 0; i--) {
            if (t.text().equals(labels.get(i))) {
                return labels.size() - 1 - i;
            }
        }
        throw Cursor.error("unknown label $" + t.text(), t);
    }
}
