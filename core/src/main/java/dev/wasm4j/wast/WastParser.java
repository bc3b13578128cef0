package dev.wasm4j.wast;

import dev.wasm4j.MalformedException;
import dev.wasm4j.ModuleException;
import dev.wasm4j.Value;
import dev.wasm4j.WasmException;
import dev.wasm4j.model.AbsHeapType;
import dev.wasm4j.model.HeapType;
import dev.wasm4j.model.RefType;
import dev.wasm4j.text.Lexer;
import dev.wasm4j.text.Literals;
import dev.wasm4j.text.Token;
import dev.wasm4j.text.Token.Kind;
import dev.wasm4j.text.Wat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Parses a .wast script (spec interpreter's script format, the language of the testsuite) into a
 * {@link Script}. Text modules are assembled to binary as they are read; a text module that cannot be
 * assembled becomes {@link ModuleSource.Failed}, so that {@code assert_malformed} and {@code assert_invalid}
 * can observe the error. Module and instance names keep their {@code $}.
 */
public final class WastParser {
    private final String text;
    private final List<Token> tokens;
    private final int[] lineStarts;
    private int pos;

    private WastParser(String text) {
        this.text = text;
        this.tokens = Lexer.tokens(text);
        this.lineStarts = lineStarts(text);
    }

    /** Parses {@code text}, the content of the script {@code fileName}. */
    public static Script parse(String fileName, String text) {
        try {
            WastParser p = new WastParser(text);
            return new Script(fileName, p.script());
        } catch (WasmException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            throw new MalformedException("internal script parser error: " + e, -1);
        }
    }

    // ---------------------------------------------------------------- tokens

    private Token peek() {
        return tokens.get(pos);
    }

    private Token peek(int k) {
        return tokens.get(Math.min(pos + k, tokens.size() - 1));
    }

    private Token next() {
        Token t = tokens.get(pos);
        if (t.kind() != Kind.EOF) {
            pos++;
        }
        return t;
    }

    private boolean at(Kind k) {
        return peek().kind() == k;
    }

    private boolean atKeyword(String kw) {
        return peek().isKeyword(kw);
    }

    private MalformedException unexpected(Token t) {
        return new MalformedException(t.kind() == Kind.RESERVED ? "unknown operator " + t.text()
                : "unexpected token", t.start());
    }

    private Token expect(Kind k) {
        if (!at(k)) {
            throw unexpected(peek());
        }
        return next();
    }

    private void expectRpar() {
        expect(Kind.RPAR);
    }

    private String keyword() {
        Token t = peek();
        if (t.kind() != Kind.KEYWORD) {
            throw unexpected(t);
        }
        next();
        return t.text();
    }

    private String optId() {
        return at(Kind.ID) ? "$" + next().text() : null;
    }

    private String string() {
        Token t = expect(Kind.STRING);
        return new String(t.bytes(), StandardCharsets.UTF_8);
    }

    /** Skips to just after the paren closing the group whose {@code (} was consumed; returns that paren. */
    private Token skipToClose() {
        int depth = 1;
        while (true) {
            Token t = next();
            switch (t.kind()) {
                case LPAR -> depth++;
                case RPAR -> {
                    if (--depth == 0) {
                        return t;
                    }
                }
                case EOF -> throw unexpected(t);
                default -> { }
            }
        }
    }

    private static int[] lineStarts(String text) {
        int[] starts = new int[16];
        int n = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                if (n == starts.length) {
                    starts = Arrays.copyOf(starts, n * 2);
                }
                starts[n++] = i + 1;
            }
        }
        return Arrays.copyOf(starts, n);
    }

    /** 1-based line of a character offset. */
    private int line(int offset) {
        int i = Arrays.binarySearch(lineStarts, offset);
        return i >= 0 ? i + 1 : -i - 1;
    }

    // ---------------------------------------------------------------- commands

    private List<Command> script() {
        List<Command> commands = new ArrayList<>();
        if (at(Kind.LPAR) && peek(1).kind() == Kind.KEYWORD && isModuleField(peek(1).text())) {
            // A script that is just the fields of one module.
            Token first = peek();
            byte[] bytes = Wat.assembleFields(text, first.start(), text.length(), null);
            commands.add(new Command.Module(line(first.start()), null, new ModuleSource.Binary(bytes, true), false));
            return commands;
        }
        while (!at(Kind.EOF)) {
            commands.add(command());
        }
        return commands;
    }

    private static boolean isModuleField(String kw) {
        return switch (kw) {
            case "type", "rec", "func", "table", "memory", "global", "tag", "import", "export", "start", "elem",
                 "data" -> true;
            default -> false;
        };
    }

    private Command command() {
        Token lpar = expect(Kind.LPAR);
        int line = line(lpar.start());
        Token kwTok = peek();
        String kw = keyword();
        if (kw.equals("invoke") || kw.equals("get")) {
            pos -= 2;
            return new Command.Perform(line, action());
        }
        Command cmd = switch (kw) {
            case "module" -> moduleCommand(line);
            case "register" -> {
                String name = string();
                String id = optId();
                yield new Command.Register(line, name, id);
            }
            case "assert_return" -> {
                Action a = action();
                List<Expected> results = new ArrayList<>();
                while (!at(Kind.RPAR)) {
                    results.add(result());
                }
                yield new Command.AssertReturn(line, a, results);
            }
            case "assert_trap" -> {
                if (at(Kind.LPAR) && peek(1).isKeyword("module")) {
                    ModuleSource m = module();
                    yield new Command.AssertModuleTrap(line, m, string());
                }
                Action a = action();
                yield new Command.AssertTrap(line, a, string());
            }
            case "assert_exhaustion" -> {
                Action a = action();
                yield new Command.AssertExhaustion(line, a, string());
            }
            case "assert_exception" -> new Command.AssertException(line, action());
            case "assert_invalid" -> {
                ModuleSource m = module();
                yield new Command.AssertInvalid(line, m, string());
            }
            case "assert_malformed" -> {
                ModuleSource m = module();
                yield new Command.AssertMalformed(line, m, string());
            }
            case "assert_unlinkable" -> {
                ModuleSource m = module();
                yield new Command.AssertUnlinkable(line, m, string());
            }
            case "thread" -> thread(line);
            case "wait" -> new Command.Wait(line, optId());
            case "assert_malformed_custom", "assert_invalid_custom" -> {
                ModuleSource m = module();
                yield new Command.AssertCustom(line, m, string(), kw.equals("assert_malformed_custom"));
            }
            default -> throw unexpected(kwTok);
        };
        expectRpar();
        return cmd;
    }

    /** After {@code (thread}: its name, the instances it shares, and its commands (up to the paren). */
    private Command thread(int line) {
        String id = optId();
        List<String> shared = new ArrayList<>();
        while (at(Kind.LPAR) && peek(1).isKeyword("shared")) {
            next();
            next();
            while (at(Kind.LPAR)) {
                next();
                if (!atKeyword("module")) {
                    throw unexpected(peek());
                }
                next();
                Token name = expect(Kind.ID);
                shared.add("$" + name.text());
                expectRpar();
            }
            expectRpar();
        }
        List<Command> commands = new ArrayList<>();
        while (!at(Kind.RPAR)) {
            commands.add(command());
        }
        return new Command.Thread(line, id, shared, commands);
    }

    /** After {@code (module}: a definition, a module (defined and instantiated), or an instance. */
    private Command moduleCommand(int line) {
        if (atKeyword("instance")) {
            next();
            String first = optId();
            String second = optId();
            return second == null ? new Command.ModuleInstance(line, null, first)
                    : new Command.ModuleInstance(line, first, second);
        }
        boolean definition = false;
        if (atKeyword("definition")) {
            next();
            definition = true;
        }
        String id = optId();
        ModuleSource source = moduleBody(id);
        return new Command.Module(line, id, source, definition);
    }

    /** A {@code (module ...)} inside an assertion, with its closing paren. */
    private ModuleSource module() {
        expect(Kind.LPAR);
        if (!atKeyword("module")) {
            throw unexpected(peek());
        }
        next();
        if (atKeyword("definition")) {
            next();
        }
        ModuleSource m = moduleBody(optId());
        expectRpar();
        return m;
    }

    /** The rest of a module after its header: binary strings, quoted text or fields (up to the paren). */
    private ModuleSource moduleBody(String id) {
        if (atKeyword("binary")) {
            next();
            return new ModuleSource.Binary(strings(), false);
        }
        if (atKeyword("quote")) {
            next();
            return new ModuleSource.Quote(decodeQuote(strings()));
        }
        int from = tokens.get(pos - 1).end();
        Token close = skipToClose();
        pos--; // leave the closing paren to the caller
        try {
            byte[] bytes = Wat.assembleFields(text, from, close.start(), id == null ? null : id.substring(1));
            return new ModuleSource.Binary(bytes, true);
        } catch (ModuleException e) {
            return new ModuleSource.Failed(e);
        }
    }

    private byte[] strings() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        while (at(Kind.STRING)) {
            b.writeBytes(next().bytes());
        }
        return b.toByteArray();
    }

    /**
     * UTF-8 bytes as a string; each byte that is not part of a valid UTF-8 sequence becomes a lone surrogate
     * U+DC80..U+DCFF, which the text lexer reports as malformed UTF-8.
     */
    static String decodeQuote(byte[] b) {
        StringBuilder sb = new StringBuilder(b.length);
        int i = 0;
        while (i < b.length) {
            int c = b[i] & 0xFF;
            int n = c < 0x80 ? 0 : c >= 0xC2 && c <= 0xDF ? 1 : c >= 0xE0 && c <= 0xEF ? 2
                    : c >= 0xF0 && c <= 0xF4 ? 3 : -1;
            int cp = n <= 0 ? c : c & (0x3F >> n);
            boolean ok = n >= 0 && i + n < b.length;
            for (int k = 1; ok && k <= n; k++) {
                int cc = b[i + k] & 0xFF;
                ok = (cc & 0xC0) == 0x80;
                cp = cp << 6 | cc & 0x3F;
            }
            int min = n == 1 ? 0x80 : n == 2 ? 0x800 : n == 3 ? 0x10000 : 0;
            if (ok && cp >= min && cp <= 0x10FFFF && !(cp >= 0xD800 && cp < 0xE000)) {
                sb.appendCodePoint(cp);
                i += n + 1;
            } else {
                sb.append((char) (0xDC00 | c));
                i++;
            }
        }
        return sb.toString();
    }

    // ---------------------------------------------------------------- actions and values

    private Action action() {
        expect(Kind.LPAR);
        Token kw = peek();
        String k = keyword();
        String id = optId();
        String name = string();
        Action a;
        if (k.equals("invoke")) {
            List<Value> args = new ArrayList<>();
            while (!at(Kind.RPAR)) {
                args.add(argument());
            }
            a = new Action.Invoke(id, name, args);
        } else if (k.equals("get")) {
            a = new Action.Get(id, name);
        } else {
            throw unexpected(kw);
        }
        expectRpar();
        return a;
    }

    private Value argument() {
        expect(Kind.LPAR);
        Token kw = peek();
        Value v = switch (keyword()) {
            case "i32.const" -> Value.i32(Literals.i32(num().text(), kw.start()));
            case "i64.const" -> Value.i64(Literals.i64(num().text(), kw.start()));
            case "f32.const" -> Value.f32Bits(Literals.f32(num().text(), kw.start()));
            case "f64.const" -> Value.f64Bits(Literals.f64(num().text(), kw.start()));
            case "v128.const" -> v128(kw);
            case "ref.null" -> new Value.Ref(RefType.of(true, heapType()), null);
            case "ref.extern" -> Value.externRef(new HostRef(nat()));
            case "ref.host" -> new Value.Ref(RefType.ANYREF, new HostRef(nat()));
            default -> throw unexpected(kw);
        };
        expectRpar();
        return v;
    }

    private Token num() {
        Token t = peek();
        if (!t.isNumber()) {
            throw unexpected(t);
        }
        return next();
    }

    private int nat() {
        Token t = expect(Kind.NAT);
        long v = Literals.integer(t.text(), 64, t.start());
        if (v < 0 || v > 0xFFFF_FFFFL) {
            throw new MalformedException("i32 constant out of range", t.start());
        }
        return (int) v;
    }

    private HeapType heapType() {
        Token t = peek();
        if (t.kind() == Kind.NAT) {
            return HeapType.of(nat());
        }
        String kw = keyword();
        for (AbsHeapType a : AbsHeapType.values()) {
            if (a.toString().equals(kw)) {
                return a;
            }
        }
        throw unexpected(t);
    }

    private static int lanes(String shape) {
        return switch (shape) {
            case "i8x16" -> 16;
            case "i16x8" -> 8;
            case "i32x4", "f32x4" -> 4;
            case "i64x2", "f64x2" -> 2;
            default -> -1;
        };
    }

    private Value v128(Token kw) {
        Token shapeTok = peek();
        String shape = keyword();
        int n = lanes(shape);
        if (n < 0) {
            throw unexpected(shapeTok);
        }
        long[] halves = new long[2];
        int width = 128 / n;
        for (int i = 0; i < n; i++) {
            Token t = num();
            long bits = laneBits(shape, t);
            int bit = i * width;
            long mask = width == 64 ? -1L : (1L << width) - 1;
            halves[bit / 64] |= (bits & mask) << (bit % 64);
        }
        if (at(Kind.NAT) || at(Kind.INT) || at(Kind.FLOAT)) {
            throw new MalformedException("wrong number of lane literals", kw.start());
        }
        return Value.v128(halves[0], halves[1]);
    }

    private static long laneBits(String shape, Token t) {
        return switch (shape) {
            case "i8x16" -> Literals.integer(t.text(), 8, t.start());
            case "i16x8" -> Literals.integer(t.text(), 16, t.start());
            case "i32x4" -> Literals.i32(t.text(), t.start());
            case "i64x2" -> Literals.i64(t.text(), t.start());
            case "f32x4" -> Literals.f32(t.text(), t.start());
            default -> Literals.f64(t.text(), t.start());
        };
    }

    private Expected result() {
        expect(Kind.LPAR);
        Token kw = peek();
        String k = keyword();
        boolean nan = atKeyword("nan:canonical") || atKeyword("nan:arithmetic");
        if (k.equals("i32.const") || k.equals("i64.const") || (k.equals("f32.const") || k.equals("f64.const")) && !nan) {
            pos -= 2;
            return new Expected.Exact(argument());
        }
        Expected e = switch (k) {
            case "v128.const" -> v128Result(kw);
            case "f32.const", "f64.const" -> new Expected.Nan(k.equals("f64.const"),
                    next().text().equals("nan:canonical"));
            case "ref.null" -> new Expected.RefNull(at(Kind.RPAR) ? null : heapType());
            case "ref.extern" -> new Expected.RefExtern(at(Kind.RPAR) ? null : nat());
            case "ref.host" -> new Expected.RefHost(nat());
            case "ref" -> new Expected.RefKind("ref.any");
            case "ref.func", "ref.struct", "ref.array", "ref.i31", "ref.eq", "ref.any", "ref.exn" ->
                    new Expected.RefKind(k);
            case "either" -> {
                List<Expected> alternatives = new ArrayList<>();
                while (!at(Kind.RPAR)) {
                    alternatives.add(result());
                }
                yield new Expected.Either(alternatives);
            }
            default -> throw unexpected(kw);
        };
        expectRpar();
        return e;
    }

    /** A v128 result: exact, or lane by lane when a float lane is a NaN pattern. */
    private Expected v128Result(Token kw) {
        int start = pos;
        Token shapeTok = peek();
        String shape = keyword();
        boolean floats = shape.equals("f32x4") || shape.equals("f64x2");
        boolean nanLanes = false;
        for (int i = pos; floats && tokens.get(i).kind() != Kind.RPAR && tokens.get(i).kind() != Kind.EOF; i++) {
            Token t = tokens.get(i);
            nanLanes |= t.isKeyword("nan:canonical") || t.isKeyword("nan:arithmetic");
        }
        if (!nanLanes) {
            pos = start;
            return new Expected.Exact(v128(kw));
        }
        boolean f64 = shape.equals("f64x2");
        List<Expected> lanes = new ArrayList<>();
        while (!at(Kind.RPAR)) {
            Token t = peek();
            if (t.isKeyword("nan:canonical") || t.isKeyword("nan:arithmetic")) {
                next();
                lanes.add(new Expected.Nan(f64, t.text().equals("nan:canonical")));
            } else {
                num();
                lanes.add(new Expected.Exact(f64 ? Value.f64Bits(Literals.f64(t.text(), t.start()))
                        : Value.f32Bits(Literals.f32(t.text(), t.start()))));
            }
        }
        if (lanes.size() != lanes(shape)) {
            throw new MalformedException("wrong number of lane literals", shapeTok.start());
        }
        return new Expected.V128Lanes(shape, lanes);
    }
}
