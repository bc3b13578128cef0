package dev.wasm4j.compiler;

import dev.wasm4j.binary.Immediates;
import dev.wasm4j.model.Catch;
import dev.wasm4j.model.Opcode;
import dev.wasm4j.model.ValType;
import dev.wasm4j.valid.CodeState;
import dev.wasm4j.valid.CodeWalk;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The first stage of compiling a function: one walk over its body that records its block structure and,
 * for every piece of it, what moving that piece into a method of its own would involve (see
 * {@link SplitPlan}): the bytecode it will take, the locals it reads and writes, the memories and globals it
 * uses, and the labels outside it that it branches to.
 *
 * <p>Labels are named by their <em>level</em>: the function body is level 0, a block directly in it level
 * 1, and so on; a branch at depth {@code d} from a state with {@code n} open frames targets level
 * {@code n - 1 - d}. {@code return} and tail calls target level 0, like a branch to the function's label.
 */
final class FunctionShape {
    final int funcIndex;
    final List<ValType> locals;
    final int params;
    /** The function body: the root node, level 0. */
    final Node root;
    /** Instructions in the body, the final {@code end} included. */
    final int instructions;
    /** Estimated bytecode of the whole function, in bytes. */
    final int size;
    /** Highest operand stack height in slots: a bound for the values any exit of a region carries. */
    final int maxOperandSlots;
    /** Some operand or local is a reference. */
    final boolean usesRefs;
    /** The function has exception handlers ({@code try_table} with catches, or {@code try}). */
    final boolean catches;
    /** Every loop, as the item it is in its body (what it reads and writes inside). */
    final List<Item> loops;

    private FunctionShape(int funcIndex, List<ValType> locals, int params, Node root, int instructions,
                          int maxOperandSlots, boolean usesRefs, boolean catches, List<Item> loops) {
        this.funcIndex = funcIndex;
        this.locals = locals;
        this.params = params;
        this.root = root;
        this.instructions = instructions;
        this.size = root.size;
        this.maxOperandSlots = maxOperandSlots;
        this.usesRefs = usesRefs;
        this.catches = catches;
        this.loops = loops;
    }

    /** A structured instruction ({@code block}, {@code loop}, {@code if}, {@code try_table}, {@code try}), or the body. */
    static final class Node {
        /** The opcode, or null for the function body. */
        final Opcode kind;
        /** Level of the label this node opens. */
        final int level;
        /** Ordinal among the function's loops (as the interpreter counts them), or -1. */
        final int loop;
        /** The arms: one body, two for an if with else, one per clause for a legacy try. */
        final List<Body> bodies = new ArrayList<>();
        /** Estimated bytecode of the node's own instructions and everything inside. */
        int size;
        /** Its type is {@code [] -> []}: it leaves the operand stack as it found it. */
        final boolean empty;

        Node(Opcode kind, int level, int loop, boolean empty) {
            this.kind = kind;
            this.level = level;
            this.loop = loop;
            this.empty = empty;
        }
    }

    /** The instructions of one arm of a node, between its delimiters, as a sequence of items. */
    static final class Body {
        final Node owner;
        final List<Item> items = new ArrayList<>();

        Body(Node owner) {
            this.owner = owner;
        }
    }

    /**
     * One instruction of a body, or a structured instruction with everything up to its {@code end}: the unit
     * a region is made of. Instructions {@code [start, end)} of the function.
     */
    static final class Item {
        final int start;
        int end;
        /** The structured instruction, or null. */
        final Node node;
        /** The operand stack of the enclosing block is empty before this item, in reachable code: a region may start here. */
        final boolean cut;
        int size;
        final BitSet reads = new BitSet();
        final BitSet writes = new BitSet();
        final BitSet memories = new BitSet();
        final BitSet globals = new BitSet();
        /** Levels of labels outside this item that something in it branches to (0: the function returns). */
        final BitSet exits = new BitSet();
        /** A {@code return_call} of the function itself: a jump back to its start. */
        boolean restarts;
        /**
         * Lowest level of a legacy {@code try} that a {@code rethrow} or {@code delegate} in this item names,
         * if it is outside the item; such an item cannot leave its try's method.
         */
        int exceptionRefLevel = Integer.MAX_VALUE;

        Item(int start, Node node, boolean cut) {
            this.start = start;
            this.end = start + 1;
            this.node = node;
            this.cut = cut;
        }

        /** Adds what an inner item does, keeping only what leaves this one ({@code level}: this item's node). */
        void absorb(Item inner, int level) {
            size += inner.size;
            reads.or(inner.reads);
            writes.or(inner.writes);
            memories.or(inner.memories);
            globals.or(inner.globals);
            for (int l = inner.exits.nextSetBit(0); l >= 0 && l < level; l = inner.exits.nextSetBit(l + 1)) {
                exits.set(l);
            }
            restarts |= inner.restarts;
            if (inner.exceptionRefLevel < level) {
                exceptionRefLevel = Math.min(exceptionRefLevel, inner.exceptionRefLevel);
            }
        }

        /** Locals this item reads or writes. */
        BitSet touched() {
            BitSet t = (BitSet) reads.clone();
            t.or(writes);
            return t;
        }
    }

    /** Walks function {@code walk} to its end and returns its shape. */
    static FunctionShape of(CodeWalk walk, boolean inlineMemory) {
        return new Builder(walk, inlineMemory).build();
    }

    /** Builds the tree while walking: a stack of open nodes, each with the item it is. */
    private static final class Builder {
        private final CodeWalk walk;
        private final boolean inlineMemory;
        private final List<Node> nodes = new ArrayList<>();
        private final List<Item> nodeItems = new ArrayList<>();
        private int loops;
        /** Open loops around the current instruction. */
        private int loopDepth;
        private boolean usesRefs;
        private boolean catches;
        private final List<Item> loopItems = new ArrayList<>();

        Builder(CodeWalk walk, boolean inlineMemory) {
            this.walk = walk;
            this.inlineMemory = inlineMemory;
        }

        FunctionShape build() {
            List<ValType> locals = List.copyOf(walk.locals());
            for (ValType t : locals) {
                usesRefs |= t.isRef();
            }
            // A region that returns passes the results through the frame too.
            for (ValType t : walk.type().results()) {
                usesRefs |= t.isRef();
            }
            Node root = new Node(null, 0, -1, false);
            root.bodies.add(new Body(root));
            Item rootItem = new Item(0, root, false);
            nodes.add(root);
            nodeItems.add(rootItem);
            int count = 0;
            int maxSlots = 0;
            while (walk.advance()) {
                count++;
                CodeState st = walk.state();
                maxSlots = Math.max(maxSlots, st.operandSlots());
                instruction(walk.index(), walk.op(), walk.imm(), st);
            }
            rootItem.end = count;
            root.size = rootItem.size;
            return new FunctionShape(walk.funcIndex(), locals, walk.type().params().size(), root, count,
                    Math.max(maxSlots, JvmType.slots(walk.type().results())), usesRefs, catches, List.copyOf(loopItems));
        }

        private Node top() {
            return nodes.getLast();
        }

        private Body body() {
            return top().bodies.getLast();
        }

        private void instruction(int index, Opcode op, Immediates imm, CodeState st) {
            // Any operand may be carried through the frame (a branch out of a region takes all its values).
            for (int k = 0; !usesRefs && !st.unreachable() && k < st.operandCount(); k++) {
                usesRefs = st.operandType(k) != null && st.operandType(k).isRef();
            }
            switch (op) {
                case BLOCK, LOOP, IF, TRY_TABLE, TRY -> {
                    Node node = new Node(op, nodes.size(), op == Opcode.LOOP ? loops++ : -1,
                            imm.blockType instanceof dev.wasm4j.model.BlockType.Empty);
                    if (op == Opcode.LOOP) {
                        loopDepth++;
                    }
                    Item nodeItem = new Item(index, node, isCut(st));
                    nodeItem.size = Estimates.of(op, imm, FunctionCompiler.inlineAccess(inlineMemory, loopDepth));
                    if (op == Opcode.TRY_TABLE) {
                        catches |= !imm.catches.isEmpty();
                        for (Catch c : imm.catches) {
                            nodeItem.exits.set(st.frameCount() - 1 - c.label());
                        }
                    }
                    catches |= op == Opcode.TRY;
                    node.bodies.add(new Body(node));
                    nodes.add(node);
                    nodeItems.add(nodeItem);
                }
                case ELSE, CATCH, CATCH_ALL -> {
                    nodeItems.getLast().size += Estimates.of(op, imm, FunctionCompiler.inlineAccess(inlineMemory, loopDepth));
                    top().bodies.add(new Body(top()));
                }
                case END, DELEGATE -> {
                    if (nodes.size() == 1) {
                        nodeItems.getLast().size += Estimates.of(op, imm, FunctionCompiler.inlineAccess(inlineMemory, loopDepth));
                        return;
                    }
                    Node node = nodes.removeLast();
                    Item nodeItem = nodeItems.removeLast();
                    if (node.kind == Opcode.LOOP) {
                        loopDepth--;
                    }
                    nodeItem.end = index + 1;
                    nodeItem.size += Estimates.of(op, imm, FunctionCompiler.inlineAccess(inlineMemory, loopDepth));
                    if (op == Opcode.DELEGATE) {
                        // the target is counted from outside the try
                        exceptionRef(nodeItem, st.frameCount() - 2 - imm.index);
                    }
                    node.size = nodeItem.size;
                    // what leaves the node is what leaves its item, seen from the enclosing body
                    Item outer = new Item(nodeItem.start, node, nodeItem.cut);
                    outer.end = nodeItem.end;
                    outer.absorb(nodeItem, node.level);
                    // what the loop itself uses, its own label's branches aside
                    if (node.kind == Opcode.LOOP) {
                        loopItems.add(nodeItem);
                    }
                    body().items.add(outer);
                    nodeItems.getLast().absorb(outer, top().level + 1);
                }
                default -> {
                    Item item = new Item(index, null, isCut(st));
                    item.size = Estimates.of(op, imm, FunctionCompiler.inlineAccess(inlineMemory, loopDepth));
                    uses(item, op, imm, st);
                    body().items.add(item);
                    nodeItems.getLast().absorb(item, top().level + 1);
                }
            }
        }

        private static boolean isCut(CodeState st) {
            return !st.unreachable() && st.operandSlots() == st.frame(0).heightSlots();
        }

        private void exceptionRef(Item item, int level) {
            item.exceptionRefLevel = Math.min(item.exceptionRefLevel, level);
        }

        /** What one plain instruction reads, writes and branches to. */
        private void uses(Item item, Opcode op, Immediates imm, CodeState st) {
            int frames = st.frameCount();
            switch (op.imm()) {
                case MEMARG, MEMARG_LANE -> item.memories.set(imm.memory);
                default -> { }
            }
            switch (op) {
                case LOCAL_GET -> item.reads.set(imm.index);
                case LOCAL_SET, LOCAL_TEE -> item.writes.set(imm.index);
                case GLOBAL_GET, GLOBAL_SET -> item.globals.set(imm.index);
                case MEMORY_SIZE, MEMORY_GROW, MEMORY_FILL, MEMORY_DISCARD, MEMORY_MAP, MEMORY_UNMAP,
                     MEMORY_PROTECT, MEMORY_INIT -> item.memories.set(op == Opcode.MEMORY_INIT ? imm.index2 : imm.index);
                case MEMORY_COPY -> {
                    item.memories.set(imm.index);
                    item.memories.set(imm.index2);
                }
                case BR, BR_IF, BR_ON_NULL, BR_ON_NON_NULL, BR_ON_CAST, BR_ON_CAST_FAIL ->
                        item.exits.set(frames - 1 - imm.index);
                case BR_TABLE -> {
                    item.exits.set(frames - 1 - imm.index);
                    for (int l : imm.labels) {
                        item.exits.set(frames - 1 - l);
                    }
                }
                case RETURN, RETURN_CALL_INDIRECT, RETURN_CALL_REF -> item.exits.set(0);
                case RETURN_CALL -> {
                    if (imm.index == walk.funcIndex()) {
                        item.restarts = true;
                        item.writes.set(0, walk.type().params().size());
                    } else {
                        item.exits.set(0);
                    }
                }
                case RETHROW -> exceptionRef(item, frames - 1 - imm.index);
                default -> { }
            }
        }
    }
}
