package dev.wasm4j.valid;

import dev.wasm4j.model.Expr;
import dev.wasm4j.model.Opcode;

import java.io.ByteArrayOutputStream;

/** Hand-encodes instruction sequences for tests: {@code Code.of().op(I32_CONST).s(1).op(END).expr()}. */
final class Code {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    static Code of() {
        return new Code();
    }

    /** An opcode (prefix and LEB128 code); immediates follow with {@link #u}, {@link #s}, {@link #b}. */
    Code op(Opcode op) {
        if (op.prefix() != 0) {
            out.write(op.prefix());
            u(op.code());
        } else {
            out.write(op.code());
        }
        return this;
    }

    /** Unsigned LEB128. */
    Code u(long v) {
        do {
            int b = (int) (v & 0x7F);
            v >>>= 7;
            out.write(v != 0 ? b | 0x80 : b);
        } while (v != 0);
        return this;
    }

    /** Signed LEB128. */
    Code s(long v) {
        while (true) {
            int b = (int) (v & 0x7F);
            v >>= 7;
            boolean done = v == 0 && (b & 0x40) == 0 || v == -1 && (b & 0x40) != 0;
            out.write(done ? b : b | 0x80);
            if (done) {
                return this;
            }
        }
    }

    /** Raw bytes. */
    Code b(int... bytes) {
        for (int x : bytes) {
            out.write(x);
        }
        return this;
    }

    /** A memarg with memory 0: alignment exponent and offset. */
    Code mem(int align, long offset) {
        return u(align).u(offset);
    }

    Code end() {
        return op(Opcode.END);
    }

    byte[] bytes() {
        return out.toByteArray();
    }

    Expr expr() {
        byte[] b = bytes();
        return new Expr(b, 0, b.length);
    }
}
