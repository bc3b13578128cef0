package dev.wasm4j.model;

import java.util.ArrayList;
import java.util.List;

/**
 * A decoded module (spec 2.5): every section's content, plus the index spaces that imports and definitions
 * share. Immutable; build one with {@link Builder}. A Module is syntax only: it says nothing about
 * validity until {@code dev.wasm4j.valid.Validator} has checked it.
 *
 * <p>Part of the decoded module's structure, shared by the engine's packages; not API (see module-info).
 *
 * @hidden
 */
public final class Module {
    private final List<RecType> recTypes;
    private final List<SubType> types;
    private final List<Import> imports;
    private final List<Function> functions;
    private final List<Table> tables;
    private final List<MemoryType> memories;
    private final List<Global> globals;
    private final List<Tag> tags;
    private final List<Export> exports;
    private final int start;
    private final List<ElemSegment> elems;
    private final List<DataSegment> datas;
    private final int dataCount;
    private final List<CustomSection> customSections;
    private final Names names;
    private final List<SectionInfo> sections;
    private final List<PhaseEntry> phases;

    // Index spaces: imports first, then definitions.
    private final int[] funcTypeIndices;
    private final List<TableType> tableTypes;
    private final List<MemoryType> memoryTypes;
    private final List<GlobalType> globalTypes;
    private final List<TagType> tagTypes;
    private final int importedFuncs;
    private final int importedTables;
    private final int importedMemories;
    private final int importedGlobals;
    private final int importedTags;

    private Module(Builder b) {
        recTypes = List.copyOf(b.recTypes);
        types = recTypes.stream().flatMap(r -> r.subtypes().stream()).toList();
        imports = List.copyOf(b.imports);
        functions = List.copyOf(b.functions);
        tables = List.copyOf(b.tables);
        memories = List.copyOf(b.memories);
        globals = List.copyOf(b.globals);
        tags = List.copyOf(b.tags);
        exports = List.copyOf(b.exports);
        start = b.start;
        elems = List.copyOf(b.elems);
        datas = List.copyOf(b.datas);
        dataCount = b.dataCount;
        customSections = List.copyOf(b.customSections);
        names = b.names;
        sections = List.copyOf(b.sections);
        phases = List.copyOf(b.phases);

        List<Integer> funcs = new ArrayList<>();
        List<TableType> tbls = new ArrayList<>();
        List<MemoryType> mems = new ArrayList<>();
        List<GlobalType> glbs = new ArrayList<>();
        List<TagType> tgs = new ArrayList<>();
        for (Import imp : imports) {
            // instanceof rather than a pattern switch, here and on the rest of a module's way to its first
            // instruction: each pattern switch spins a class on first use, which a short run pays for at start-up
            ExternType type = imp.type();
            if (type instanceof ExternType.Func f) {
                funcs.add(f.typeIndex());
            } else if (type instanceof TableType t) {
                tbls.add(t);
            } else if (type instanceof MemoryType m) {
                mems.add(m);
            } else if (type instanceof GlobalType g) {
                glbs.add(g);
            } else {
                tgs.add((TagType) type);
            }
        }
        importedFuncs = funcs.size();
        importedTables = tbls.size();
        importedMemories = mems.size();
        importedGlobals = glbs.size();
        importedTags = tgs.size();
        functions.forEach(f -> funcs.add(f.typeIndex()));
        tables.forEach(t -> tbls.add(t.type()));
        mems.addAll(memories);
        globals.forEach(g -> glbs.add(g.type()));
        tags.forEach(t -> tgs.add(t.type()));
        funcTypeIndices = funcs.stream().mapToInt(Integer::intValue).toArray();
        tableTypes = List.copyOf(tbls);
        memoryTypes = List.copyOf(mems);
        globalTypes = List.copyOf(glbs);
        tagTypes = List.copyOf(tgs);
    }

    /**
     * A builder for a module.
     *
     * @return a new, empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The recursive type groups of the type section, in order.
     *
     * @return the rec types
     */
    public List<RecType> recTypes() {
        return recTypes;
    }

    /**
     * The type index space: every sub type of every rec group, flattened.
     *
     * @return the types
     */
    /**
     * The type section's types, rec groups flattened.
     *
     * @return the types
     */
    public List<SubType> types() {
        return types;
    }

    /**
     * The imports, in order.
     *
     * @return the imports
     */
    public List<Import> imports() {
        return imports;
    }

    /**
     * Functions defined by this module (not imported); function index = importedFunctionCount() + i.
     *
     * @return the functions
     */
    public List<Function> functions() {
        return functions;
    }

    /**
     * Tables defined by this module (not imported).
     *
     * @return the tables
     */
    public List<Table> tables() {
        return tables;
    }

    /**
     * Memories defined by this module (not imported).
     *
     * @return the memories
     */
    public List<MemoryType> memories() {
        return memories;
    }

    /**
     * Globals defined by this module (not imported).
     *
     * @return the globals
     */
    public List<Global> globals() {
        return globals;
    }

    /**
     * Tags defined by this module (not imported).
     *
     * @return the tags
     */
    public List<Tag> tags() {
        return tags;
    }

    /**
     * The exports, in order.
     *
     * @return the exports
     */
    public List<Export> exports() {
        return exports;
    }

    /**
     * The start function's index, or -1.
     *
     * @return the start
     */
    public int start() {
        return start;
    }

    /**
     * The element segments.
     *
     * @return the element segments
     */
    public List<ElemSegment> elems() {
        return elems;
    }

    /**
     * The data segments.
     *
     * @return the data segments
     */
    public List<DataSegment> datas() {
        return datas;
    }

    /**
     * The data count section's value, or -1 when the section is absent.
     *
     * @return the data count
     */
    public int dataCount() {
        return dataCount;
    }

    /**
     * The custom sections, in order.
     *
     * @return the custom sections
     */
    public List<CustomSection> customSections() {
        return customSections;
    }

    /**
     * The names from the {@code name} section (empty when absent).
     *
     * @return the names
     */
    public Names names() {
        return names;
    }

    /**
     * The sections of the binary in order, custom sections included (empty for a module built by hand).
     *
     * @return the sections
     */
    public List<SectionInfo> sections() {
        return sections;
    }

    /**
     * The phase section's entries (frozen proposal), in order; empty when there is none.
     *
     * @return the phases
     */
    public List<PhaseEntry> phases() {
        return phases;
    }

    // ---- index spaces ----

    public int importedFunctionCount() {
        return importedFuncs;
    }

    public int importedTableCount() {
        return importedTables;
    }

    public int importedMemoryCount() {
        return importedMemories;
    }

    public int importedGlobalCount() {
        return importedGlobals;
    }

    public int importedTagCount() {
        return importedTags;
    }

    /**
     * Size of the function index space (imports and definitions).
     *
     * @return the function count
     */
    public int functionCount() {
        return funcTypeIndices.length;
    }

    /**
     * Type index of function {@code funcIndex} in the function index space.
     *
     * @param funcIndex the func index
     * @return the function type index
     */
    public int functionTypeIndex(int funcIndex) {
        return funcTypeIndices[funcIndex];
    }

    /**
     * The func type of function {@code funcIndex}; the module must be valid.
     *
     * @param funcIndex the func index
     * @return the function type
     */
    public FuncType functionType(int funcIndex) {
        return funcType(funcTypeIndices[funcIndex]);
    }

    /**
     * The func type at type index {@code typeIndex}; the module must be valid.
     *
     * @param typeIndex the type index
     * @return the func type
     */
    public FuncType funcType(int typeIndex) {
        return (FuncType) types.get(typeIndex).composite();
    }

    /**
     * Table index space.
     *
     * @return the table types
     */
    public List<TableType> tableTypes() {
        return tableTypes;
    }

    /**
     * Memory index space.
     *
     * @return the memory types
     */
    public List<MemoryType> memoryTypes() {
        return memoryTypes;
    }

    /**
     * Global index space.
     *
     * @return the global types
     */
    public List<GlobalType> globalTypes() {
        return globalTypes;
    }

    /**
     * Tag index space.
     *
     * @return the tag types
     */
    public List<TagType> tagTypes() {
        return tagTypes;
    }

    /** Mutable builder, used by the binary decoder. */
    public static final class Builder {
        private final List<RecType> recTypes = new ArrayList<>();
        private final List<Import> imports = new ArrayList<>();
        private final List<Function> functions = new ArrayList<>();
        private final List<Table> tables = new ArrayList<>();
        private final List<MemoryType> memories = new ArrayList<>();
        private final List<Global> globals = new ArrayList<>();
        private final List<Tag> tags = new ArrayList<>();
        private final List<Export> exports = new ArrayList<>();
        private int start = -1;
        private final List<ElemSegment> elems = new ArrayList<>();
        private final List<DataSegment> datas = new ArrayList<>();
        private int dataCount = -1;
        private final List<CustomSection> customSections = new ArrayList<>();
        private Names names = Names.EMPTY;
        private final List<SectionInfo> sections = new ArrayList<>();
        private final List<PhaseEntry> phases = new ArrayList<>();

        private Builder() {
        }

        /**
         * The add rec type.
         *
         * @param r the recursive type group
         * @return the add rec type
         */
        public Builder addRecType(RecType r) {
            recTypes.add(r);
            return this;
        }

        /**
         * The add import.
         *
         * @param i the index
         * @return the add import
         */
        public Builder addImport(Import i) {
            imports.add(i);
            return this;
        }

        /**
         * The add function.
         *
         * @param f the feature
         * @return the add function
         */
        public Builder addFunction(Function f) {
            functions.add(f);
            return this;
        }

        /**
         * The add table.
         *
         * @param t the type
         * @return the add table
         */
        public Builder addTable(Table t) {
            tables.add(t);
            return this;
        }

        /**
         * The add memory.
         *
         * @param m the memory type
         * @return the add memory
         */
        public Builder addMemory(MemoryType m) {
            memories.add(m);
            return this;
        }

        /**
         * The add global.
         *
         * @param g the global
         * @return the add global
         */
        public Builder addGlobal(Global g) {
            globals.add(g);
            return this;
        }

        /**
         * The add tag.
         *
         * @param t the type
         * @return the add tag
         */
        public Builder addTag(Tag t) {
            tags.add(t);
            return this;
        }

        /**
         * The add export.
         *
         * @param e the entry
         * @return the add export
         */
        public Builder addExport(Export e) {
            exports.add(e);
            return this;
        }

        /**
         * The start.
         *
         * @param funcIndex the func index
         * @return the start
         */
        public Builder start(int funcIndex) {
            start = funcIndex;
            return this;
        }

        /**
         * The add elem.
         *
         * @param e the entry
         * @return the add elem
         */
        public Builder addElem(ElemSegment e) {
            elems.add(e);
            return this;
        }

        /**
         * The add data.
         *
         * @param d the data segment
         * @return the add data
         */
        public Builder addData(DataSegment d) {
            datas.add(d);
            return this;
        }

        /**
         * The data count.
         *
         * @param count the count
         * @return the data count
         */
        public Builder dataCount(int count) {
            dataCount = count;
            return this;
        }

        /**
         * The add custom section.
         *
         * @param c the custom section
         * @return the add custom section
         */
        public Builder addCustomSection(CustomSection c) {
            customSections.add(c);
            return this;
        }

        /**
         * The names.
         *
         * @param n the n
         * @return the names
         */
        public Builder names(Names n) {
            names = n;
            return this;
        }

        /**
         * The add section.
         *
         * @param s the s
         * @return the add section
         */
        public Builder addSection(SectionInfo s) {
            sections.add(s);
            return this;
        }

        /**
         * The add phase.
         *
         * @param p the entry
         * @return the add phase
         */
        public Builder addPhase(PhaseEntry p) {
            phases.add(p);
            return this;
        }

        /**
         * The build.
         *
         * @return the build
         */
        public Module build() {
            return new Module(this);
        }
    }
}
