package dev.wasm4j.binary;

import dev.wasm4j.model.Feature;
import dev.wasm4j.model.Features;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Test-only reader of the spec testsuite's {@code .wast} scripts: just enough S-expression syntax (strings with
 * their escapes, line and block comments) to find every {@code (module ...)} form, binary or text, with the
 * command around it and that command's expected message. The real script parser lives in {@code wast}.
 */
final class WastModules {

    /** A module form of a script: where it is, its command ("module" at top level), its expected message. */
    record ModuleForm(String file, int line, Kind kind, byte[] binary, String text, String command,
                      String expected) {
        String name() {
            return file + ":" + line + " " + command;
        }
    }

    enum Kind { BINARY, QUOTE, TEXT }

    private WastModules() {
    }

    /** The testsuite's root: {@code $WASM_TESTSUITE}, else {@code <project root>/../shared/testsuite}. */
    static Path suiteRoot() {
        String env = System.getenv("WASM_TESTSUITE");
        if (env != null && !env.isEmpty()) {
            return Path.of(env);
        }
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        if (!Files.exists(dir.resolve("core")) && dir.getParent() != null) {
            dir = dir.getParent();    // Maven runs tests in core/
        }
        return dir.resolve("../shared/testsuite").normalize();
    }

    /** Every .wast file of the suite, as paths relative to the root, sorted. */
    static List<Path> files() {
        Path root = suiteRoot();
        if (!Files.isDirectory(root)) {
            throw new IllegalStateException("spec testsuite not found at " + root + " (set WASM_TESTSUITE)");
        }
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.toString().endsWith(".wast")).map(root::relativize).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The features a file's modules are decoded with: Wasm 3.0 ({@link Features#STANDARD}) plus the proposal
     * of its directory.
     */
    static Features featuresFor(Path relative) {
        String p = relative.toString().replace('\\', '/');
        Features f = Features.STANDARD;
        if (p.startsWith("legacy/")) {
            return f.with(Feature.LEGACY_EXCEPTIONS);
        } else if (p.startsWith("proposals/wide-arithmetic/")) {
            return f.with(Feature.WIDE_ARITHMETIC);
        } else if (p.startsWith("proposals/custom-page-sizes/")) {
            return f.with(Feature.CUSTOM_PAGE_SIZES);
        }
        return f;
    }

    static List<ModuleForm> read(Path relative) {
        try {
            byte[] raw = Files.readAllBytes(suiteRoot().resolve(relative));
            // Latin-1 maps each byte to one char, so string literals keep their exact UTF-8 bytes.
            String src = new String(raw, StandardCharsets.ISO_8859_1);
            return new Parser(relative.toString().replace('\\', '/'), src).modules();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A tree of lists, atoms and strings. */
    private sealed interface Node {
    }

    private record Atom(String text) implements Node {
    }

    private record Str(byte[] bytes) implements Node {
    }

    private record SList(int line, int start, int end, List<Node> items) implements Node {
        String head() {
            return !items.isEmpty() && items.getFirst() instanceof Atom(String t) ? t : "";
        }
    }

    private static final class Parser {
        private final String file;
        private final String s;
        private int pos;
        private int line = 1;

        Parser(String file, String s) {
            this.file = file;
            this.s = s;
        }

        List<ModuleForm> modules() {
            List<ModuleForm> out = new ArrayList<>();
            for (SList top : topLevel()) {
                if (top.head().equals("module")) {
                    collect(top, "module", null, out);
                } else {
                    String expected = null;
                    for (Node n : top.items()) {
                        if (n instanceof Str(byte[] b)) {
                            expected = new String(b, StandardCharsets.UTF_8);
                        }
                    }
                    for (Node n : top.items()) {
                        if (n instanceof SList l && l.head().equals("module")) {
                            collect(l, top.head(), expected, out);
                        }
                    }
                }
            }
            return out;
        }

        private void collect(SList m, String command, String expected, List<ModuleForm> out) {
            Kind kind = Kind.TEXT;
            boolean definition = false;
            for (Node n : m.items().subList(1, m.items().size())) {
                if (n instanceof Atom(String t)) {
                    if (t.equals("instance")) {
                        return;     // (module instance $i $m) instantiates, it defines no module
                    } else if (t.equals("definition")) {
                        definition = true;
                    } else if (t.equals("binary")) {
                        kind = Kind.BINARY;
                        break;
                    } else if (t.equals("quote")) {
                        kind = Kind.QUOTE;
                        break;
                    } else if (!t.startsWith("$")) {
                        break;
                    }
                } else {
                    break;
                }
            }
            byte[] binary = null;
            String text;
            if (kind == Kind.TEXT) {
                text = new String(s.substring(m.start(), m.end()).getBytes(StandardCharsets.ISO_8859_1),
                        StandardCharsets.UTF_8);
                if (definition) {
                    text = text.replaceFirst("^\\(module\\s+definition", "(module");
                }
            } else {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                for (Node n : m.items()) {
                    if (n instanceof Str(byte[] b)) {
                        bytes.writeBytes(b);
                    }
                }
                binary = bytes.toByteArray();
                text = kind == Kind.QUOTE ? new String(binary, StandardCharsets.UTF_8) : null;
                if (kind == Kind.QUOTE) {
                    binary = null;
                }
            }
            out.add(new ModuleForm(file, m.line(), kind, binary, text, command, expected));
        }

        private List<SList> topLevel() {
            List<SList> out = new ArrayList<>();
            while (true) {
                skipSpace();
                if (pos >= s.length()) {
                    return out;
                }
                if (s.charAt(pos) != '(') {
                    throw error("expected '('");
                }
                out.add(list());
            }
        }

        private SList list() {
            int startLine = line;
            int start = pos;
            pos++;  // (
            List<Node> items = new ArrayList<>();
            while (true) {
                skipSpace();
                if (pos >= s.length()) {
                    throw error("unclosed list from line " + startLine);
                }
                char c = s.charAt(pos);
                if (c == ')') {
                    pos++;
                    return new SList(startLine, start, pos, items);
                } else if (c == '(') {
                    items.add(list());
                } else if (c == '"') {
                    items.add(string());
                } else {
                    int a = pos;
                    pos++;   // not a delimiter that skipSpace would have consumed, or a lone ';'
                    while (pos < s.length() && !isDelimiter(s.charAt(pos))) {
                        pos++;
                    }
                    items.add(new Atom(s.substring(a, pos)));
                }
            }
        }

        private static boolean isDelimiter(char c) {
            return c == '(' || c == ')' || c == '"' || c == ';' || Character.isWhitespace(c);
        }

        private Str string() {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            pos++;
            while (true) {
                if (pos >= s.length()) {
                    throw error("unclosed string");
                }
                char c = s.charAt(pos++);
                if (c == '"') {
                    return new Str(out.toByteArray());
                }
                if (c == '\n') {
                    line++;
                }
                if (c != '\\') {
                    out.write(c);   // a Latin-1 char is one byte of the file
                    continue;
                }
                char e = s.charAt(pos++);
                switch (e) {
                    case 'n' -> out.write('\n');
                    case 't' -> out.write('\t');
                    case 'r' -> out.write('\r');
                    case '\\' -> out.write('\\');
                    case '\'' -> out.write('\'');
                    case '"' -> out.write('"');
                    case 'u' -> {
                        int close = s.indexOf('}', pos);
                        int cp = Integer.parseInt(s.substring(pos + 1, close).replace("_", ""), 16);
                        pos = close + 1;
                        out.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
                    }
                    default -> {
                        out.write(Integer.parseInt(s.substring(pos - 1, pos + 1), 16));
                        pos++;
                    }
                }
            }
        }

        private void skipSpace() {
            while (pos < s.length()) {
                char c = s.charAt(pos);
                if (c == '\n') {
                    line++;
                    pos++;
                } else if (Character.isWhitespace(c)) {
                    pos++;
                } else if (s.startsWith(";;", pos)) {
                    while (pos < s.length() && s.charAt(pos) != '\n') {
                        pos++;
                    }
                } else if (s.startsWith("(;", pos)) {
                    blockComment();
                } else {
                    return;
                }
            }
        }

        private void blockComment() {
            int depth = 0;
            while (pos < s.length()) {
                if (s.startsWith("(;", pos)) {
                    depth++;
                    pos += 2;
                } else if (s.startsWith(";)", pos)) {
                    depth--;
                    pos += 2;
                    if (depth == 0) {
                        return;
                    }
                } else {
                    if (s.charAt(pos) == '\n') {
                        line++;
                    }
                    pos++;
                }
            }
            throw error("unclosed block comment");
        }

        private IllegalStateException error(String msg) {
            return new IllegalStateException(file + ":" + line + ": " + msg);
        }
    }
}
