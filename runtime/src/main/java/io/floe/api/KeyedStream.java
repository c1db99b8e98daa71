package io.floe.api;

import io.floe.api.functions.KeySelector;
import io.floe.api.functions.ReduceFunction;
import io.floe.runtime.graph.Transformation;
import io.floe.runtime.operators.KeyedReduceOperator;
import io.floe.runtime.operators.SumReduceFunction;
import java.util.Objects;

/**
 * A stream partitioned by key. Aggregations keep one value per key: in STREAMING mode they emit
 * every update, in BATCH mode one final record per key when the input ends.
 */
public class KeyedStream<T, K> extends DataStream<T> {
    private final KeySelector<T, K> keySelector;

    KeyedStream(StreamExecutionEnvironment environment, Transformation partition, KeySelector<T, K> keySelector) {
        super(environment, partition);
        this.keySelector = keySelector;
    }

    public KeySelector<T, K> getKeySelector() {
        return keySelector;
    }

    public DataStream<T> reduce(ReduceFunction<T> reducer) {
        return transform(
                "Keyed Reduce",
                new KeyedReduceOperator<>(Objects.requireNonNull(reducer, "reduce function"), keySelector));
    }

    /** Sums field {@code position} of {@code Tuple2} records per key. */
    public DataStream<T> sum(int position) {
        return transform(
                "Keyed Aggregation", new KeyedReduceOperator<>(new SumReduceFunction<>(position), keySelector));
    }
}
