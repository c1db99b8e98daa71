package io.floe.api.state;

import io.floe.api.functions.ReduceFunction;
import java.util.Objects;

/** Describes a {@link ReducingState}: {@code new ReducingStateDescriptor<>("sum", Long::sum, Long.class)}. */
public class ReducingStateDescriptor<T> extends StateDescriptor<ReducingState<T>, T> {
    private static final long serialVersionUID = 1L;

    private final ReduceFunction<T> reduceFunction;

    public ReducingStateDescriptor(String name, ReduceFunction<T> reduceFunction, Class<T> typeClass) {
        super(name, typeClass, null);
        this.reduceFunction = Objects.requireNonNull(reduceFunction, "the reduce function of state '" + name + "'");
    }

    public ReduceFunction<T> getReduceFunction() {
        return reduceFunction;
    }

    @Override
    public Type getType() {
        return Type.REDUCING;
    }
}
