package dev.wasm4j.exec.interp;

import java.util.Arrays;

/** A growable int array into which the translator emits code, with patching of forward targets. */
final class CodeBuffer {
    private int[] code = new int[64];
    private int size;

    int pc() {
        return size;
    }

    void emit(int v) {
        if (size == code.length) {
            code = Arrays.copyOf(code, size * 2);
        }
        code[size++] = v;
    }

    void emit(int a, int b) {
        emit(a);
        emit(b);
    }

    void emit(int a, int b, int c) {
        emit(a);
        emit(b);
        emit(c);
    }

    void emit(int a, int b, int c, int d) {
        emit(a);
        emit(b);
        emit(c);
        emit(d);
    }

    void emit(int a, int b, int c, int d, int e) {
        emit(a, b, c, d);
        emit(e);
    }

    void emit(int a, int b, int c, int d, int e, int f) {
        emit(a, b, c, d);
        emit(e, f);
    }

    int get(int at) {
        return code[at];
    }

    void patch(int at, int value) {
        code[at] = value;
    }

    int[] toArray() {
        return Arrays.copyOf(code, size);
    }
}
