package dev.wasm4j.text;

import dev.wasm4j.model.FuncType;
import dev.wasm4j.model.RecType;
import dev.wasm4j.model.SubType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The module-level context of the text format (spec 6.6.1 "identifier context"): every index space with
 * its identifiers, the defined types (explicit ones first, then those appended by inline type uses), and
 * the field names of struct types.
 */
final class Scope {
    final IndexSpace types = new IndexSpace("type");
    final IndexSpace funcs = new IndexSpace("function");
    final IndexSpace tables = new IndexSpace("table");
    final IndexSpace memories = new IndexSpace("memory");
    final IndexSpace globals = new IndexSpace("global");
    final IndexSpace tags = new IndexSpace("tag");
    final IndexSpace elems = new IndexSpace("elem segment");
    final IndexSpace datas = new IndexSpace("data segment");

    /** Type definitions in index order, as written (concrete heap types are module type indices). */
    private final List<SubType> typeDefs = new ArrayList<>();
    /** Recursion groups in order, with whether they were written as {@code (rec ...)}. */
    private final List<Group> groups = new ArrayList<>();
    /** Field names per type index (absent: none). */
    private final Map<Integer, IndexSpace> fieldNames = new HashMap<>();
    /** First index of each type that forms a recursion group on its own, for inline type uses. */
    private final Map<SubType, Integer> singletons = new HashMap<>();

    /** A recursion group: its types and whether the text wrote it as {@code (rec ...)}. */
    record Group(RecType rec, boolean explicit) {
    }

    List<Group> groups() {
        return groups;
    }

    /** Defines the next recursion group of explicit type definitions. */
    void defineGroup(List<SubType> subtypes, boolean explicitRec) {
        if (subtypes.size() == 1) {
            singletons.putIfAbsent(subtypes.getFirst(), typeDefs.size());
        }
        typeDefs.addAll(subtypes);
        groups.add(new Group(new RecType(subtypes), explicitRec));
    }

    /** The field names of struct type {@code typeIndex}, created on demand. */
    IndexSpace fields(int typeIndex) {
        return fieldNames.computeIfAbsent(typeIndex, i -> new IndexSpace("field"));
    }

    /** The field names of {@code typeIndex}, or null. */
    IndexSpace fieldsOrNull(int typeIndex) {
        return fieldNames.get(typeIndex);
    }

    /** The definition of type {@code index} known so far, or null. */
    SubType typeDef(int index) {
        return index >= 0 && index < typeDefs.size() ? typeDefs.get(index) : null;
    }

    /** The function type at {@code index}, or null when there is none (yet) or it is not a function type. */
    FuncType funcType(int index) {
        SubType st = typeDef(index);
        return st != null && st.composite() instanceof FuncType f ? f : null;
    }

    /**
     * The type index of an inline function type (spec 6.6.3 "type uses"): the first type that is exactly
     * this function type on its own, or a new type definition appended after all others.
     */
    int inlineType(FuncType ft) {
        SubType st = SubType.of(ft);
        Integer existing = singletons.get(st);
        if (existing != null) {
            return existing;
        }
        int index = typeDefs.size();
        types.bindAnonymous(1);
        typeDefs.add(st);
        singletons.put(st, index);
        groups.add(new Group(new RecType(List.of(st)), false));
        return index;
    }
}
