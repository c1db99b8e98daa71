package io.floe.api.state;

/** Describes a {@link ValueState}: {@code new ValueStateDescriptor<>("count", Long.class)}. */
public class ValueStateDescriptor<T> extends StateDescriptor<ValueState<T>, T> {
    private static final long serialVersionUID = 1L;

    public ValueStateDescriptor(String name, Class<T> typeClass) {
        super(name, typeClass, null);
    }

    /** @deprecated as in Flink: use the two-argument constructor and check for null. */
    @Deprecated
    public ValueStateDescriptor(String name, Class<T> typeClass, T defaultValue) {
        super(name, typeClass, defaultValue);
    }

    @Override
    public Type getType() {
        return Type.VALUE;
    }
}
