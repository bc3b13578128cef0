package dev.wasm4j.exec;

import dev.wasm4j.Global;
import dev.wasm4j.Value;
import dev.wasm4j.model.GlobalType;
import dev.wasm4j.model.NumType;
import dev.wasm4j.model.RefType;
import dev.wasm4j.model.VecType;

/**
 * A global instance (spec 4.2.10). The value lives in raw form: numbers in {@link #value} (f32/f64 as bits),
 * a v128 in {@link #value} and {@link #high}, references in {@link #ref}. Fields are public for the tiers.
 */
public final class GlobalInstance implements Global {
    private final GlobalType type;
    public long value;
    public long high;
    public Object ref;
    /**
     * Set once a freezable global has been frozen into its frozen global (frozen proposal): every access
     * after that traps (see {@link Phases#live}).
     */
    public boolean frozen;

    /** A global of this (closed) type, holding the type's default value until set. */
    public GlobalInstance(GlobalType type) {
        this.type = type;
    }

    @Override
    public GlobalType type() {
        return type;
    }

    @Override
    public Value get() {
        return switch (type.valType()) {
            case NumType n -> switch (n) {
                case I32 -> Value.i32((int) value);
                case I64 -> Value.i64(value);
                case F32 -> Value.f32Bits((int) value);
                case F64 -> Value.f64Bits(value);
            };
            case VecType v -> Value.v128(value, high);
            case RefType r -> new Value.Ref(r, ref);
        };
    }

    @Override
    public void set(Value v) {
        if (!type.mutable()) {
            throw new IllegalStateException("global is immutable");
        }
        setRaw(v);
    }

    /** Sets the value whatever the mutability: for initialization. */
    public void setRaw(Value v) {
        switch (v) {
            case Value.I32 i -> value = i.value();
            case Value.I64 i -> value = i.value();
            case Value.F32 f -> value = f.bits();
            case Value.F64 f -> value = f.bits();
            case Value.V128 x -> {
                value = x.low();
                high = x.high();
            }
            case Value.Ref r -> ref = r.ref();
        }
    }
}
