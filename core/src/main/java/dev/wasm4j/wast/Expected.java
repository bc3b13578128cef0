package dev.wasm4j.wast;

import dev.wasm4j.Value;
import dev.wasm4j.model.HeapType;

import java.util.List;

/** An expected result of {@code assert_return}. */
public sealed interface Expected {

    /** Exactly this value (floats compared bit for bit). */
    record Exact(Value value) implements Expected {
    }

    /** An f32 or f64 NaN; {@code canonical} for nan:canonical, otherwise nan:arithmetic. */
    record Nan(boolean f64, boolean canonical) implements Expected {
    }

    /**
     * A v128 given lane by lane, for float shapes with NaN patterns: {@code shape} is f32x4 or f64x2 and each
     * lane is an {@link Exact} (F32/F64 bits) or a {@link Nan}.
     */
    record V128Lanes(String shape, List<Expected> lanes) implements Expected {
        public V128Lanes {
            lanes = List.copyOf(lanes);
        }
    }

    /** A null reference; {@code heapType} as written, or null for {@code (ref.null)} (any null). */
    record RefNull(HeapType heapType) implements Expected {
    }

    /** {@code (ref.extern N)}, or any non-null externref (host value) when {@code id} is null. */
    record RefExtern(Integer id) implements Expected {
    }

    /** {@code (ref.host N)}: the host reference N. */
    record RefHost(int id) implements Expected {
    }

    /** A non-null reference of an abstract kind: {@code ref.func}, {@code ref.struct}, {@code ref.array}, {@code ref.i31}, {@code ref.eq}, {@code ref.any}, {@code ref.exn}. */
    record RefKind(String kind) implements Expected {
    }

    /** {@code (either r1 r2 ...)}: any of the alternatives (each is a full result list of length 1). */
    record Either(List<Expected> alternatives) implements Expected {
        public Either {
            alternatives = List.copyOf(alternatives);
        }
    }
}
