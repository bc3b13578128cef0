package dev.wasm4j;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The public API hands out nothing internal: every type named by a public or protected member of a public type
 * in an exported package (module-info) is itself in an exported package, or the JDK's.
 */
class ApiSurfaceTest {
    private static final Path CLASSES = Path.of("target/classes");

    private static Set<String> exportedPackages() {
        ModuleDescriptor d = ModuleFinder.of(CLASSES).findAll().iterator().next().descriptor();
        return d.exports().stream().filter(e -> !e.isQualified()).map(ModuleDescriptor.Exports::source)
                .collect(Collectors.toSet());
    }

    @Test
    void exportsAreTheApiOnly() {
        assertEquals(Set.of("dev.wasm4j", "dev.wasm4j.model", "dev.wasm4j.wasi"), exportedPackages());
    }

    @Test
    void noInternalTypeIsReachableFromTheApi() throws IOException, ClassNotFoundException {
        Set<String> exported = exportedPackages();
        Set<String> leaks = new TreeSet<>();
        for (String pkg : exported) {
            Path dir = CLASSES.resolve(pkg.replace('.', '/'));
            List<Path> files;
            try (Stream<Path> s = Files.list(dir)) {
                files = s.filter(p -> p.toString().endsWith(".class")).toList();
            }
            for (Path f : files) {
                String name = pkg + "." + f.getFileName().toString().replace(".class", "");
                Class<?> c = Class.forName(name, false, getClass().getClassLoader());
                if (!isVisible(c)) {
                    continue;
                }
                List<Type> named = new ArrayList<>();
                named.add(c.getGenericSuperclass());
                named.addAll(List.of(c.getGenericInterfaces()));
                for (Method m : c.getDeclaredMethods()) {
                    if (visible(m.getModifiers()) && !m.isSynthetic()) {
                        named.add(m.getGenericReturnType());
                        named.addAll(List.of(m.getGenericParameterTypes()));
                    }
                }
                for (var k : c.getDeclaredConstructors()) {
                    if (visible(k.getModifiers())) {
                        named.addAll(List.of(((Executable) k).getGenericParameterTypes()));
                    }
                }
                for (Field fl : c.getDeclaredFields()) {
                    if (visible(fl.getModifiers())) {
                        named.add(fl.getGenericType());
                    }
                }
                if (c.isRecord()) {
                    for (RecordComponent rc : c.getRecordComponents()) {
                        named.add(rc.getGenericType());
                    }
                }
                for (Type t : named) {
                    for (Class<?> used : classesOf(t)) {
                        String p = used.getPackageName();
                        if (p.startsWith("dev.wasm4j") && !exported.contains(p)) {
                            leaks.add(name + " -> " + used.getName());
                        }
                    }
                }
            }
        }
        assertTrue(leaks.isEmpty(), "internal types reachable from the API:\n" + String.join("\n", leaks));
    }

    private static boolean isVisible(Class<?> c) {
        for (Class<?> k = c; k != null; k = k.getDeclaringClass()) {
            if (!Modifier.isPublic(k.getModifiers()) && !(k != c && Modifier.isProtected(k.getModifiers()))) {
                return false;
            }
        }
        return true;
    }

    private static boolean visible(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    private static List<Class<?>> classesOf(Type t) {
        List<Class<?>> out = new ArrayList<>();
        switch (t) {
            case null -> { }
            case Class<?> c -> out.add(c.isArray() ? c.componentType() : c);
            case ParameterizedType p -> {
                out.addAll(classesOf(p.getRawType()));
                for (Type a : p.getActualTypeArguments()) {
                    out.addAll(classesOf(a));
                }
            }
            case GenericArrayType g -> out.addAll(classesOf(g.getGenericComponentType()));
            case WildcardType w -> {
                for (Type b : w.getUpperBounds()) {
                    out.addAll(classesOf(b));
                }
            }
            default -> { }
        }
        return out;
    }
}
