package io.floe.api;

import io.floe.api.functions.KeySelector;
import io.floe.api.functions.KeyedProcessFunction;
import io.floe.api.functions.ReduceFunction;
import io.floe.api.functions.co.ProcessJoinFunction;
import io.floe.api.windowing.assigners.GlobalWindows;
import io.floe.api.windowing.assigners.WindowAssigner;
import io.floe.api.windowing.evictors.CountEvictor;
import io.floe.api.windowing.triggers.CountTrigger;
import io.floe.api.windowing.triggers.PurgingTrigger;
import io.floe.api.windowing.windows.GlobalWindow;
import io.floe.api.windowing.windows.Window;
import io.floe.runtime.graph.Transformation;
import io.floe.runtime.operators.KeyedProcessOperator;
import io.floe.runtime.operators.KeyedReduceOperator;
import io.floe.runtime.operators.StreamOperator;
import io.floe.runtime.operators.SumReduceFunction;
import io.floe.runtime.operators.co.IntervalJoinOperator;
import java.time.Duration;
import java.util.Objects;

/**
 * A stream partitioned by key. The operators applied to it are keyed: their rich functions get
 * keyed state ({@code getRuntimeContext().getState(...)}) of the current record's key.
 * Aggregations keep one value per key in that state: in STREAMING mode they emit every update, in
 * BATCH mode one final record per key when the input ends.
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

    public SingleOutputStreamOperator<T> reduce(ReduceFunction<T> reducer) {
        return transform(
                "Keyed Reduce",
                new KeyedReduceOperator<>(Objects.requireNonNull(reducer, "reduce function"), keySelector));
    }

    /** Sums field {@code position} of {@code Tuple2} records per key. */
    public SingleOutputStreamOperator<T> sum(int position) {
        return transform(
                "Keyed Aggregation", new KeyedReduceOperator<>(new SumReduceFunction<>(position), keySelector));
    }

    /** Applies a {@link KeyedProcessFunction}: per record, with the record's key and that key's state. */
    public <R> SingleOutputStreamOperator<R> process(KeyedProcessFunction<K, T, R> function) {
        return transform(
                "KeyedProcess",
                new KeyedProcessOperator<>(Objects.requireNonNull(function, "keyed process function"), keySelector));
    }

    /** Cuts each key's records into the windows {@code assigner} gives. */
    public <W extends Window> WindowedStream<T, K, W> window(WindowAssigner<? super T, W> assigner) {
        return new WindowedStream<>(this, assigner);
    }

    /** Windows of {@code size} records per key, each fired (and emptied) when it is full. */
    public WindowedStream<T, K, GlobalWindow> countWindow(long size) {
        return window(GlobalWindows.create()).trigger(PurgingTrigger.of(CountTrigger.<GlobalWindow>of(size)));
    }

    /**
     * Joins this stream with {@code other} (keyed by a key of the same type) on key and event time:
     * each element of this stream with each of the other whose timestamp lies in an interval
     * around its own ({@link IntervalJoin#between}).
     */
    public <T1> IntervalJoin<T, T1, K> intervalJoin(KeyedStream<T1, K> other) {
        return new IntervalJoin<>(this, Objects.requireNonNull(other, "stream to join"));
    }

    /** An interval join waiting for its bounds. */
    public static final class IntervalJoin<T1, T2, K> {
        private final KeyedStream<T1, K> left;
        private final KeyedStream<T2, K> right;

        IntervalJoin(KeyedStream<T1, K> left, KeyedStream<T2, K> right) {
            this.left = left;
            this.right = right;
        }

        /**
         * A left element at time {@code t} joins the right elements at times in {@code [t + lowerBound,
         * t + upperBound]} (bounds may be negative; inclusive unless made exclusive).
         */
        public IntervalJoined<T1, T2, K> between(Duration lowerBound, Duration upperBound) {
            long lower = Objects.requireNonNull(lowerBound, "lower bound").toMillis();
            long upper = Objects.requireNonNull(upperBound, "upper bound").toMillis();
            if (lower > upper) {
                throw new IllegalArgumentException("intervalJoin(...).between(" + lowerBound + ", " + upperBound
                        + "): the lower bound must not be above the upper bound.");
            }
            return new IntervalJoined<>(left, right, lower, upper);
        }
    }

    /** An interval join with its bounds: {@link #process} says what each pair gives. */
    public static final class IntervalJoined<T1, T2, K> {
        private final KeyedStream<T1, K> left;
        private final KeyedStream<T2, K> right;
        private long lowerBound;
        private long upperBound;

        IntervalJoined(KeyedStream<T1, K> left, KeyedStream<T2, K> right, long lowerBound, long upperBound) {
            this.left = left;
            this.right = right;
            this.lowerBound = lowerBound;
            this.upperBound = upperBound;
        }

        public IntervalJoined<T1, T2, K> lowerBoundExclusive() {
            lowerBound++;
            return this;
        }

        public IntervalJoined<T1, T2, K> upperBoundExclusive() {
            upperBound--;
            return this;
        }

        public <OUT> SingleOutputStreamOperator<OUT> process(ProcessJoinFunction<T1, T2, OUT> function) {
            Objects.requireNonNull(function, "process join function");
            if (lowerBound > upperBound) {
                throw new IllegalArgumentException("The interval join's bounds leave no time: exclusive bounds"
                        + " around one point (" + (lowerBound - 1) + ", " + (upperBound + 1) + ") ms.");
            }
            return new ConnectedStreams<>(left.environment, left, right)
                    .transform(
                            "Interval Join",
                            new IntervalJoinOperator<K, T1, T2, OUT>(lowerBound, upperBound, function));
        }
    }

    /**
     * Sliding windows of the last {@code size} records per key, fired every {@code slide} records:
     * a global window that keeps the latest {@code size} elements ({@link CountEvictor}) and fires
     * every {@code slide} ({@link CountTrigger}), as in Flink. The first firings see fewer than
     * {@code size} records.
     */
    public WindowedStream<T, K, GlobalWindow> countWindow(long size, long slide) {
        return window(GlobalWindows.create())
                .evictor(CountEvictor.<GlobalWindow>of(size))
                .trigger(CountTrigger.<GlobalWindow>of(slide));
    }

    /** Every operator of a keyed stream is keyed, so that its function can use keyed state. */
    @Override
    protected <R> SingleOutputStreamOperator<R> transform(String name, StreamOperator<T, R> operator) {
        operator.setStateKeySelector(keySelector);
        return super.transform(name, operator);
    }
}
