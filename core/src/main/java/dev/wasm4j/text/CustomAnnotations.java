package dev.wasm4j.text;

import dev.wasm4j.MalformedException;
import dev.wasm4j.text.Annotation.Atom;
import dev.wasm4j.text.Annotation.Item;
import dev.wasm4j.text.Annotation.Parens;
import dev.wasm4j.text.Annotation.Str;

import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * {@code (@custom "name" (before|after section)? "bytes"*)} annotations (custom annotations proposal):
 * each becomes a custom section placed relative to the section it names ({@code after last} by default).
 * They are allowed between module fields only.
 */
final class CustomAnnotations {

    private CustomAnnotations() {
    }

    private static MalformedException error(String rule, int offset) {
        return new MalformedException("@custom annotation: " + rule, offset);
    }

    /** Adds the annotations at {@code fieldDepth} as custom sections; those nested deeper are misplaced. */
    static void place(List<Annotation> annotations, int fieldDepth, Sections out) {
        for (Annotation a : annotations) {
            if (a.depth() < fieldDepth) {
                continue;
            }
            Sections.Custom custom = parse(a);
            if (a.depth() > fieldDepth) {
                throw new MalformedException("misplaced @custom annotation", a.start());
            }
            out.customs.add(custom);
        }
    }

    private static Sections.Custom parse(Annotation a) {
        List<Item> items = a.items();
        int i = 0;
        if (items.isEmpty() || !(items.getFirst() instanceof Str name)) {
            throw error("missing section name", a.start());
        }
        try {
            Syntax.checkUtf8(name.bytes(), new Token(Token.Kind.STRING, name.offset(), name.offset(), null, null));
        } catch (MalformedException e) {
            throw error("malformed UTF-8 encoding", name.offset());
        }
        i++;
        Sections.Kind kind = Sections.Kind.DATA;
        boolean after = true;
        if (i < items.size() && items.get(i) instanceof Parens place) {
            List<Item> p = place.items();
            if (p.isEmpty() || !(p.getFirst() instanceof Atom dir)
                    || !dir.text().equals("before") && !dir.text().equals("after")) {
                throw error("malformed placement", place.offset());
            }
            after = dir.text().equals("after");
            if (p.size() < 2 || !(p.get(1) instanceof Atom sec) || Sections.Kind.of(sec.text()) == null) {
                throw error("malformed section kind", place.offset());
            }
            kind = Sections.Kind.of(sec.text());
            if (p.size() > 2) {
                throw error("unexpected token", p.get(2).offset());
            }
            i++;
        }
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        while (i < items.size() && items.get(i) instanceof Str s) {
            content.writeBytes(s.bytes());
            i++;
        }
        if (i < items.size()) {
            throw error("unexpected token", items.get(i).offset());
        }
        return new Sections.Custom(name.bytes(), content.toByteArray(), kind, after);
    }
}
