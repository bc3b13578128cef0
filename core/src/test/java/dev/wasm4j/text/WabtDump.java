package dev.wasm4j.text;

import dev.wasm4j.WasmException;
import dev.wasm4j.text.Token.Kind;
import dev.wasm4j.wast.Testsuite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes every text module of the spec testsuite as {@code N.wat} with the bytes wasm4j assembles as
 * {@code N.wasm} into a directory, for scripts/wabt-compare.sh to compare with wabt's wat2wasm.
 * Usage: {@code WabtDump <out-dir>}.
 */
public final class WabtDump {

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        Files.createDirectories(out);
        int n = 0;
        for (Path f : Testsuite.files()) {
            String name = Testsuite.name(f);
            String text = Testsuite.read(f);
            List<Token> toks;
            try {
                toks = Lexer.tokens(text);
            } catch (WasmException e) {
                continue;
            }
            for (int i = 0; i + 1 < toks.size(); i++) {
                if (toks.get(i).kind() != Kind.LPAR || !toks.get(i + 1).isKeyword("module")) {
                    continue;
                }
                Token next = toks.get(i + 2);
                if (next.isKeyword("binary") || next.isKeyword("quote") || next.isKeyword("instance")
                        || next.kind() == Kind.ID && (toks.get(i + 3).isKeyword("binary")
                        || toks.get(i + 3).isKeyword("quote"))) {
                    continue;
                }
                int depth = 0;
                int j = i;
                do {
                    if (toks.get(j).kind() == Kind.LPAR) {
                        depth++;
                    } else if (toks.get(j).kind() == Kind.RPAR) {
                        depth--;
                    }
                    j++;
                } while (depth > 0 && j < toks.size());
                String wat = text.substring(toks.get(i).start(), toks.get(j - 1).end())
                        .replaceFirst("^\\(module\\s+definition", "(module");
                byte[] bytes;
                try {
                    bytes = Wat.assemble(wat);
                } catch (WasmException e) {
                    continue;
                }
                String id = String.format("%05d", n++);
                int line = (int) text.substring(0, toks.get(i).start()).chars().filter(ch -> ch == '\n').count() + 1;
                Files.writeString(out.resolve(id + ".wat"), ";; " + name + ":" + line + "\n" + wat);
                Files.write(out.resolve(id + ".wasm"), bytes);
            }
        }
        System.out.println(n + " modules written to " + out);
    }
}
