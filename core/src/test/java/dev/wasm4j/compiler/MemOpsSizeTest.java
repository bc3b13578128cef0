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
import java.util.function.Predicate;

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
        assertAllFit(MemOps.class, 19 + 8, m -> {
            String name = m.methodName().stringValue();
            boolean helper = name.matches("i(32|64)(Load|Store)(8S|8U|16S|16U|32S|32U|8|16|32)?")
                    // those of 32-bit memories take the address as an int first
                    && m.methodTypeSymbol().parameterList().getFirst().descriptorString().equals("I");
            return helper || name.matches("(load|store)(8|16|32|64)");
        });
    }

    @Test
    void rawAccessorsUnderThemFitMaxInlineSize() throws IOException {
        assertAllFit(RawMemory.class, 8, m -> m.methodName().stringValue().matches("(get|set)I(8|16|32|64)"));
    }

    /** The methods of {@code type} that {@code selected} picks: {@code expected} of them, none over the size. */
    private static void assertAllFit(Class<?> type, int expected, Predicate<MethodModel> selected)
            throws IOException {
        ClassModel model;
        try (InputStream in = type.getResourceAsStream(type.getSimpleName() + ".class")) {
            model = ClassFile.of().parse(in.readAllBytes());
        }
        List<String> checked = new ArrayList<>();
        List<String> tooLarge = new ArrayList<>();
        for (MethodModel m : model.methods()) {
            if (!selected.test(m)) {
                continue;
            }
            String name = m.methodName().stringValue();
            int size = m.findAttribute(Attributes.code()).map(CodeAttribute::codeLength).orElseThrow();
            checked.add(name);
            if (size > MAX_INLINE_SIZE) {
                tooLarge.add(name + " (" + size + " bytes)");
            }
        }
        assertEquals(expected, checked.size(), "methods found: " + checked);
        assertTrue(tooLarge.isEmpty(), "over " + MAX_INLINE_SIZE + " bytes: " + tooLarge);
    }
}
