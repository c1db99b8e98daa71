package io.floe.api;

import io.floe.api.functions.KeySelector;
import io.floe.api.functions.co.CoFlatMapFunction;
import io.floe.api.functions.co.CoMapFunction;
import io.floe.api.functions.co.CoProcessFunction;
import io.floe.api.functions.co.KeyedCoProcessFunction;
import io.floe.runtime.graph.TwoInputTransformation;
import io.floe.runtime.operators.TwoInputStreamOperator;
import io.floe.runtime.operators.co.CoProcessOperator;
import io.floe.runtime.operators.co.CoStreamFlatMap;
import io.floe.runtime.operators.co.CoStreamMap;
import io.floe.runtime.operators.co.KeyedCoProcessOperator;
import java.util.Objects;

/**
 * Two streams, possibly of different types, processed by one operator ({@code a.connect(b)}) that
 * sees the records of each with their own method. Keyed alike ({@link #keyBy}), the records of
 * both with one key share that key's state and timers: the way to join, enrich or control one
 * stream with another.
 */
public class ConnectedStreams<IN1, IN2> {
    private final StreamExecutionEnvironment environment;
    private final DataStream<IN1> first;
    private final DataStream<IN2> second;

    ConnectedStreams(StreamExecutionEnvironment environment, DataStream<IN1> first, DataStream<IN2> second) {
        if (second.environment != environment) {
            throw new IllegalArgumentException("connect: both streams must come from the same environment.");
        }
        this.environment = environment;
        this.first = first;
        this.second = second;
    }

    public DataStream<IN1> getFirstInput() {
        return first;
    }

    public DataStream<IN2> getSecondInput() {
        return second;
    }

    /** Partitions both inputs by key, so that records of either with equal keys meet in one subtask. */
    public <K> ConnectedStreams<IN1, IN2> keyBy(KeySelector<IN1, K> keySelector1, KeySelector<IN2, K> keySelector2) {
        return new ConnectedStreams<>(
                environment,
                first.keyBy(Objects.requireNonNull(keySelector1, "first key selector")),
                second.keyBy(Objects.requireNonNull(keySelector2, "second key selector")));
    }

    public <R> SingleOutputStreamOperator<R> map(CoMapFunction<IN1, IN2, R> mapper) {
        return transform("Co-Map", new CoStreamMap<>(Objects.requireNonNull(mapper, "co-map function")));
    }

    public <R> SingleOutputStreamOperator<R> flatMap(CoFlatMapFunction<IN1, IN2, R> flatMapper) {
        return transform(
                "Co-Flat Map", new CoStreamFlatMap<>(Objects.requireNonNull(flatMapper, "co-flatMap function")));
    }

    /**
     * Applies a {@link CoProcessFunction}; with keyed inputs it has keyed state, but timers need a
     * {@link KeyedCoProcessFunction}.
     */
    public <R> SingleOutputStreamOperator<R> process(CoProcessFunction<IN1, IN2, R> function) {
        return transform(
                "Co-Process", new CoProcessOperator<>(Objects.requireNonNull(function, "co-process function")));
    }

    /** Applies a {@link KeyedCoProcessFunction}: both inputs must be keyed ({@link #keyBy}). */
    public <K, R> SingleOutputStreamOperator<R> process(KeyedCoProcessFunction<K, IN1, IN2, R> function) {
        Objects.requireNonNull(function, "keyed co-process function");
        if (!(first instanceof KeyedStream<?, ?>) || !(second instanceof KeyedStream<?, ?>)) {
            throw new IllegalStateException("A KeyedCoProcessFunction needs both inputs keyed:"
                    + " connect(...).keyBy(keySelector1, keySelector2).process(...), or keyBy each stream before"
                    + " connect.");
        }
        return transform("KeyedCo-Process", new KeyedCoProcessOperator<K, IN1, IN2, R>(function));
    }

    /**
     * The operator with this pair as its inputs; keyed by both key selectors when both inputs are
     * keyed streams.
     */
    <R> SingleOutputStreamOperator<R> transform(String name, TwoInputStreamOperator<IN1, IN2, R, ?> operator) {
        if (first instanceof KeyedStream<IN1, ?> keyed1 && second instanceof KeyedStream<IN2, ?> keyed2) {
            operator.setStateKeySelectors(keyed1.getKeySelector(), keyed2.getKeySelector());
        }
        return transformKeyedAlready(name, operator);
    }

    /** The operator with this pair as its inputs, keyed as it already is. */
    <R> SingleOutputStreamOperator<R> transformKeyedAlready(
            String name, TwoInputStreamOperator<IN1, IN2, R, ?> operator) {
        TwoInputTransformation next = new TwoInputTransformation(
                environment.newTransformationId(), name, first.transformation, second.transformation, operator, -1);
        environment.addTransformation(next);
        return new SingleOutputStreamOperator<>(environment, next);
    }
}
