package dev.wasm4j.model;

import java.util.List;

/**
 * An element segment (spec 2.5.7): its reference type, its items and its mode. Items are either plain
 * function indices (the compact encodings) or constant expressions.
 *
 * <p>Part of the decoded module's structure, shared by the engine's packages; not API (see module-info).
 *
 * @hidden
 *
 * @param type the type
 * @param items the items
 * @param mode the mode
 */
public record ElemSegment(RefType type, Items items, ElemMode mode) {

    public int size() {
        return switch (items) {
            case Items.FuncIndices f -> f.indices().length;
            case Items.Exprs e -> e.exprs().size();
        };
    }

    /** The items of a segment. */
    public sealed interface Items {
        /**
         * {@code ref.func} of each index.
         *
         * @param indices the indices
         */
        record FuncIndices(int[] indices) implements Items {
        }

        /**
         * A constant expression per item.
         *
         * @param exprs the exprs
         */
        record Exprs(List<Expr> exprs) implements Items {
            /**
             * Checks and normalizes the components.
             */
            public Exprs {
                exprs = List.copyOf(exprs);
            }
        }
    }
}
