package io.floe.api;

import io.floe.api.functions.AggregateFunction;
import io.floe.api.functions.ReduceFunction;
import io.floe.api.functions.RichFunction;
import io.floe.api.functions.windowing.ProcessWindowFunction;
import io.floe.api.functions.windowing.WindowFunction;
import io.floe.api.windowing.assigners.MergingWindowAssigner;
import io.floe.api.windowing.assigners.SlidingWindows;
import io.floe.api.windowing.assigners.WindowAssigner;
import io.floe.api.windowing.evictors.Evictor;
import io.floe.api.windowing.triggers.EventTimeTrigger;
import io.floe.api.windowing.triggers.Trigger;
import io.floe.api.windowing.windows.TimeWindow;
import io.floe.api.windowing.windows.Window;
import io.floe.runtime.operators.ComparingReduceFunction;
import io.floe.runtime.operators.SumReduceFunction;
import io.floe.runtime.operators.windowing.SlicingWindowOperator;
import io.floe.runtime.operators.windowing.WindowContents;
import io.floe.runtime.operators.windowing.WindowFunctions;
import io.floe.runtime.operators.windowing.WindowOperator;
import java.time.Duration;
import java.util.Objects;

/**
 * A keyed stream cut into windows ({@code keyBy(...).window(assigner)}): say when windows fire
 * ({@link #trigger}), how long they wait for late elements ({@link #allowedLateness}) and where the
 * elements that come later go ({@link #sideOutputLateData}), then what each window computes. An
 * incremental {@code reduce} or {@code aggregate} keeps one value per window; a window function
 * alone keeps every element, and so does a window with an {@link #evictor}, which computes {@code
 * reduce} or {@code aggregate} over what remains when it fires.
 */
public class WindowedStream<T, K, W extends Window> {
    private final KeyedStream<T, K> input;
    private final WindowAssigner<? super T, W> assigner;
    private Trigger<? super T, ? super W> trigger;
    private Evictor<? super T, ? super W> evictor;
    private long allowedLateness;
    private OutputTag<T> lateDataTag;

    WindowedStream(KeyedStream<T, K> input, WindowAssigner<? super T, W> assigner) {
        this.input = input;
        this.assigner = Objects.requireNonNull(assigner, "window assigner");
        this.trigger = assigner.getDefaultTrigger();
    }

    /** Replaces the assigner's default trigger. */
    public WindowedStream<T, K, W> trigger(Trigger<? super T, ? super W> trigger) {
        Objects.requireNonNull(trigger, "trigger");
        if (assigner instanceof MergingWindowAssigner && !trigger.canMerge()) {
            throw new UnsupportedOperationException("The trigger " + trigger + " does not support merging windows,"
                    + " so it cannot be used with " + assigner + ".");
        }
        this.trigger = trigger;
        return this;
    }

    /**
     * Removes elements from each window when it fires, before or after the window function (see
     * {@link Evictor}); what remains stays for the window's next firing. The window then keeps every
     * element, also under {@code reduce} and {@code aggregate}.
     */
    public WindowedStream<T, K, W> evictor(Evictor<? super T, ? super W> evictor) {
        this.evictor = Objects.requireNonNull(evictor, "evictor");
        return this;
    }

    /**
     * How long after its end (in event time) a window is kept: an element that arrives within it
     * fires the window again with it. Default zero.
     */
    public WindowedStream<T, K, W> allowedLateness(Duration lateness) {
        Objects.requireNonNull(lateness, "allowed lateness");
        if (lateness.isNegative()) {
            throw new IllegalArgumentException("allowedLateness must not be negative, but is " + lateness);
        }
        this.allowedLateness = lateness.toMillis();
        return this;
    }

    /** Sends elements that come after their windows are gone to {@code outputTag} instead of dropping them. */
    public WindowedStream<T, K, W> sideOutputLateData(OutputTag<T> outputTag) {
        this.lateDataTag = Objects.requireNonNull(outputTag, "late data output tag");
        return this;
    }

    public SingleOutputStreamOperator<T> reduce(ReduceFunction<T> function) {
        return reduce(function, WindowFunctions.<T, K, W>passThrough());
    }

    public <R> SingleOutputStreamOperator<R> reduce(ReduceFunction<T> reducer, WindowFunction<T, R, K, W> function) {
        return reduce(reducer, WindowFunctions.of(Objects.requireNonNull(function, "window function")));
    }

    public <R> SingleOutputStreamOperator<R> reduce(
            ReduceFunction<T> reducer, ProcessWindowFunction<T, R, K, W> function) {
        Objects.requireNonNull(reducer, "reduce function");
        if (reducer instanceof RichFunction) {
            throw new UnsupportedOperationException("The ReduceFunction of a window reduce cannot be a RichFunction"
                    + " (it runs inside the window's state): use reduce(ReduceFunction, ProcessWindowFunction) and"
                    + " make the window function rich instead.");
        }
        return build("Reduce", WindowContents.reducing(reducer), function);
    }

    public <ACC, R> SingleOutputStreamOperator<R> aggregate(AggregateFunction<T, ACC, R> function) {
        return aggregate(function, WindowFunctions.<R, K, W>passThrough());
    }

    public <ACC, V, R> SingleOutputStreamOperator<R> aggregate(
            AggregateFunction<T, ACC, V> aggregate, WindowFunction<V, R, K, W> function) {
        return aggregate(aggregate, WindowFunctions.of(Objects.requireNonNull(function, "window function")));
    }

    public <ACC, V, R> SingleOutputStreamOperator<R> aggregate(
            AggregateFunction<T, ACC, V> aggregate, ProcessWindowFunction<V, R, K, W> function) {
        Objects.requireNonNull(aggregate, "aggregate function");
        if (aggregate instanceof RichFunction) {
            throw new UnsupportedOperationException("The AggregateFunction of a window aggregate cannot be a"
                    + " RichFunction: use aggregate(AggregateFunction, ProcessWindowFunction) and make the window"
                    + " function rich instead.");
        }
        return build("Aggregate", WindowContents.aggregating(aggregate), function);
    }

    /** Runs {@code function} on all elements of each window when it fires. */
    public <R> SingleOutputStreamOperator<R> apply(WindowFunction<T, R, K, W> function) {
        return process(WindowFunctions.of(Objects.requireNonNull(function, "window function")));
    }

    /** Runs {@code function} on all elements of each window when it fires. */
    public <R> SingleOutputStreamOperator<R> process(ProcessWindowFunction<T, R, K, W> function) {
        return build("Process", WindowContents.<T>listing(), function);
    }

    /** Sums field {@code position} of {@code Tuple2} records per window. */
    public SingleOutputStreamOperator<T> sum(int position) {
        return reduce(new SumReduceFunction<>(position));
    }

    public SingleOutputStreamOperator<T> min(int position) {
        return reduce(new ComparingReduceFunction<>(ComparingReduceFunction.Kind.MIN, position));
    }

    public SingleOutputStreamOperator<T> max(int position) {
        return reduce(new ComparingReduceFunction<>(ComparingReduceFunction.Kind.MAX, position));
    }

    public SingleOutputStreamOperator<T> minBy(int position) {
        return reduce(new ComparingReduceFunction<>(ComparingReduceFunction.Kind.MIN_BY, position));
    }

    public SingleOutputStreamOperator<T> maxBy(int position) {
        return reduce(new ComparingReduceFunction<>(ComparingReduceFunction.Kind.MAX_BY, position));
    }

    @SuppressWarnings("unchecked")
    private <ACC, V, R> SingleOutputStreamOperator<R> build(
            String what, WindowContents<T, ACC, V> contents, ProcessWindowFunction<V, R, K, W> function) {
        Objects.requireNonNull(function, "window function");
        String evicting = evictor == null ? "" : evictor + ", ";
        String name = "Window(" + assigner + ", " + trigger + ", " + evicting + what + ")";
        if (slicesIntoPanes()) {
            SlidingWindows sliding = (SlidingWindows) assigner;
            return input.transform(
                    name,
                    new SlicingWindowOperator<>(
                            input.getKeySelector(),
                            sliding.getSize(),
                            sliding.getSlide(),
                            sliding.getOffset(),
                            contents,
                            (ProcessWindowFunction<V, R, K, TimeWindow>) (ProcessWindowFunction<V, R, K, ?>) function,
                            lateDataTag));
        }
        WindowOperator<K, T, ACC, V, R, W> operator = new WindowOperator<>(
                input.getKeySelector(), assigner, trigger, evictor, contents, function, allowedLateness, lateDataTag);
        return input.transform(name, operator);
    }

    /**
     * Tumbling and sliding event-time windows with the default trigger, no evictor and no allowed
     * lateness keep each element once, in a slide-sized pane the windows share, instead of once per
     * window (and without a trigger call or timer check per element).
     */
    private boolean slicesIntoPanes() {
        return assigner instanceof SlidingWindows sliding
                && assigner.isEventTime()
                && trigger.getClass() == EventTimeTrigger.class
                && evictor == null
                && allowedLateness == 0
                && SlicingWindowOperator.canSlice(sliding.getSize(), sliding.getSlide());
    }
}
