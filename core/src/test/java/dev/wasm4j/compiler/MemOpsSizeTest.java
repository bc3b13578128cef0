package dev.wasm4j.compiler;

import dev.wasm4j.memory.RawMemory;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.lang.classfile.Attributes;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.MethodModel;
import java.lang.classfile.attribute.CodeAttribute;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The access helpers of 32-bit memories and the cores they call stay within HotSpot's default
 * {@code MaxInlineSize} (35 bytes of bytecode), above which C2 inlines a method only at call sites it finds
 * hot and C1 never does; compiled code then calls the access out of line (MemOps' comment,
 * docs/performance.md).
 */
class MemOpsSizeTest {
    private static final int MAX_INLINE_SIZE = 35;

    @Test
    void accessHelpersOfI32MemoriesFitMaxInlineSize() throws IOException {
        ClassModel memOps;
        try (InputStream in = MemOps.class.getResourceAsStream("MemOps.class")) {
            memOps = ClassFile.of().parse(in.readAllBytes());
        }
        List<String> checked = new ArrayList<>();
        List<String> tooLarge = new ArrayList<>();
        for (MethodModel m : memOps.methods()) {
            String name = m.methodName().stringValue();
            boolean helper = name.matches("i(32|64)(Load|Store)(8S|8U|16S|16U|32S|32U|8|16|32)?")
                    // those of 32-bit memories take the address as an int first
                    && m.methodTypeSymbol().parameterList().getFirst().descriptorString().equals("I");
            boolean core = name.matches("(load|store)(8|16|32|64)");
            if (!helper && !core) {
                continue;
            }
            int size = m.findAttribute(Attributes.code()).map(CodeAttribute::codeLength).orElseThrow();
            checked.add(name);
            if (size > MAX_INLINE_SIZE) {
                tooLarge.add(name + " (" + size + " bytes)");
            }
        }
        assertEquals(19 + 8, checked.size(), "helpers found: " + checked);
        assertTrue(tooLarge.isEmpty(), "over " + MAX_INLINE_SIZE + " bytes: " + tooLarge);
    }

    @Test
    void rawAccessorsUnderThemFitMaxInlineSize() throws IOException {
        ClassModel raw;
        try (InputStream in = RawMemory.class.getResourceAsStream("RawMemory.class")) {
            raw = ClassFile.of().parse(in.readAllBytes());
        }
        List<String> checked = new ArrayList<>();
        List<String> tooLarge = new ArrayList<>();
        for (MethodModel m : raw.methods()) {
            String name = m.methodName().stringValue();
            if (!name.matches("(get|set)I(8|16|32|64)")) {
                continue;
            }
            int size = m.findAttribute(Attributes.code()).map(CodeAttribute::codeLength).orElseThrow();
            checked.add(name);
            if (size > MAX_INLINE_SIZE) {
                tooLarge.add(name + " (" + size + " bytes)");
            }
        }
        assertEquals(8, checked.size(), "accessors found: " + checked);
        assertTrue(tooLarge.isEmpty(), "over " + MAX_INLINE_SIZE + " bytes: " + tooLarge);
    }
}
