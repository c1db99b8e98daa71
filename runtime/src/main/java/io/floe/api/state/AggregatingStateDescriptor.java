package io.floe.api.state;

import io.floe.api.functions.AggregateFunction;
import java.util.Objects;

/**
 * Describes an {@link AggregatingState}:
 * {@code new AggregatingStateDescriptor<>("avg", new AverageAggregate(), Tuple2.class)}, where the
 * class is the accumulator's.
 */
public class AggregatingStateDescriptor<IN, ACC, OUT> extends StateDescriptor<AggregatingState<IN, OUT>, ACC> {
    private static final long serialVersionUID = 1L;

    private final AggregateFunction<IN, ACC, OUT> aggregateFunction;

    public AggregatingStateDescriptor(
            String name, AggregateFunction<IN, ACC, OUT> aggregateFunction, Class<ACC> accumulatorClass) {
        super(name, accumulatorClass, null);
        this.aggregateFunction =
                Objects.requireNonNull(aggregateFunction, "the aggregate function of state '" + name + "'");
    }

    public AggregateFunction<IN, ACC, OUT> getAggregateFunction() {
        return aggregateFunction;
    }

    @Override
    public Type getType() {
        return Type.AGGREGATING;
    }
}
