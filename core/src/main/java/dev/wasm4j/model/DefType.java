package dev.wasm4j.model;

/**
 * A defined type in canonical, closed form (spec 2.3.10 "defined types", 3.1.3 closure): a sub type of a
 * recursive group after the group has been interned. Two modules' types are equivalent exactly when they
 * canonicalize to the same DefType object, so identity is type equivalence; this makes
 * {@code call_indirect} checks and casts cheap and lets types cross module boundaries.
 *
 * <p>In {@link #subType()} every concrete reference is closed: it is a {@link HeapType.Defined} (references
 * into the same group point at the group's other DefTypes, or at this one). Instances are created only by
 * the validator's type registry ({@code dev.wasm4j.valid.TypeRegistry}).
 */
public final class DefType {
    private SubType subType;
    private DefType[] supertypeChain = new DefType[0];
    private final int recGroupIndex;
    private final Object recGroup;
    private boolean freezable;
    private DefType frozenFrom;
    private volatile DefType[] frozenForms = new DefType[0];

    /**
     * Creates an unfilled type; the registry fills it with {@link #fill} once every type of its group
     * exists, since closed types of a group refer to each other.
     *
     * @param recGroup the rec group
     * @param recGroupIndex the rec group index
     */
    public DefType(Object recGroup, int recGroupIndex) {
        this.recGroup = recGroup;
        this.recGroupIndex = recGroupIndex;
    }

    /**
     * Sets the closed sub type and the chain of declared super types, root first, this type last, so that
     * {@link #isSubtypeOf} is a constant-time check.
     *
     * @param closedSubType the closed sub type
     * @param chainRootFirstIncludingThis the chain root first including this
     */
    public void fill(SubType closedSubType, DefType[] chainRootFirstIncludingThis) {
        if (subType != null) {
            throw new IllegalStateException("defined type already filled");
        }
        this.subType = closedSubType;
        this.supertypeChain = chainRootFirstIncludingThis;
    }

    /**
     * Sets what the type says about freezing (frozen proposal): {@code freezable}, or the freezable type it
     * is the frozen form of ({@code (freeze x)}). The registry calls this with {@link #fill}, before the
     * type is published.
     *
     * @param isFreezable the is freezable
     * @param frozenFromType the frozen from type
     */
    public void fillFreeze(boolean isFreezable, DefType frozenFromType) {
        this.freezable = isFreezable;
        this.frozenFrom = frozenFromType;
    }

    /**
     * Whether the type was declared {@code freezable}: its objects may be frozen.
     *
     * @return whether freezable holds
     */
    public boolean isFreezable() {
        return freezable;
    }

    /**
     * The freezable type this type is the frozen form of ({@code (freeze x)}), or null.
     *
     * @return the frozen from
     */
    public DefType frozenFrom() {
        return frozenFrom;
    }

    /**
     * Whether this is a frozen type, declared with {@code (freeze x)}.
     *
     * @return whether frozen holds
     */
    public boolean isFrozen() {
        return frozenFrom != null;
    }

    /**
     * The frozen types declared for this freezable type so far, in the order they were registered; freezing
     * picks among them (see {@code dev.wasm4j.exec.gc.Freezer}).
     *
     * @return the frozen forms
     */
    public DefType[] frozenForms() {
        return frozenForms;
    }

    /**
     * Registers a frozen form of this type (the type registry does, once per canonical frozen type).
     *
     * @param frozen the frozen
     */
    public synchronized void addFrozenForm(DefType frozen) {
        DefType[] old = frozenForms;
        DefType[] grown = java.util.Arrays.copyOf(old, old.length + 1);
        grown[old.length] = frozen;
        frozenForms = grown;
    }

    /**
     * The canonical recursive group this type belongs to (registry-defined key object).
     *
     * @return the rec group
     */
    public Object recGroup() {
        return recGroup;
    }

    /**
     * The rec group index.
     *
     * @return the rec group index
     */
    public int recGroupIndex() {
        return recGroupIndex;
    }

    /**
     * The closed sub type: final flag and composite type. Its {@code supertypes} list is empty, since type
     * indices mean nothing without a module: the declared super type is {@link #supertype()}.
     *
     * @return the sub type
     */
    public SubType subType() {
        return subType;
    }

    /**
     * The composite.
     *
     * @return the composite
     */
    public CompositeType composite() {
        return subType.composite();
    }

    /**
     * Whether final.
     *
     * @return whether final holds
     */
    public boolean isFinal() {
        return subType.isFinal();
    }

    /**
     * Depth in the declared subtype hierarchy: 0 for a type with no super type.
     *
     * @return the depth
     */
    public int depth() {
        return supertypeChain.length - 1;
    }

    /**
     * The declared direct super type, or null.
     *
     * @return the supertype
     */
    public DefType supertype() {
        return supertypeChain.length >= 2 ? supertypeChain[supertypeChain.length - 2] : null;
    }

    /**
     * Whether this type is {@code other} or declares it, directly or transitively, as a super type.
     *
     * @param other the other
     * @return whether subtype of holds
     */
    public boolean isSubtypeOf(DefType other) {
        if (this == other) {
            return true;
        }
        int d = other.depth();
        return d < supertypeChain.length && supertypeChain[d] == other;
    }

    /**
     * Whether func.
     *
     * @return whether func holds
     */
    public boolean isFunc() {
        return subType.composite() instanceof FuncType;
    }

    /**
     * Whether struct.
     *
     * @return whether struct holds
     */
    public boolean isStruct() {
        return subType.composite() instanceof StructType;
    }

    /**
     * Whether array.
     *
     * @return whether array holds
     */
    public boolean isArray() {
        return subType.composite() instanceof ArrayType;
    }

    /**
     * The composite as a func type; the type must be a function type.
     *
     * @return the func type
     */
    public FuncType funcType() {
        return (FuncType) subType.composite();
    }

    @Override
    public String toString() {
        return "deftype#" + Integer.toHexString(System.identityHashCode(this)) + "[" + recGroupIndex + "]";
    }
}
