package io.floe.api;

import io.floe.api.functions.AggregateFunction;
import io.floe.api.functions.KeySelector;
import io.floe.api.functions.ReduceFunction;
import io.floe.api.functions.windowing.AllWindowFunction;
import io.floe.api.functions.windowing.ProcessAllWindowFunction;
import io.floe.api.windowing.assigners.WindowAssigner;
import io.floe.api.windowing.evictors.Evictor;
import io.floe.api.windowing.triggers.Trigger;
import io.floe.api.windowing.windows.Window;
import io.floe.runtime.operators.windowing.WindowFunctions;
import java.time.Duration;

/**
 * A whole stream cut into windows ({@code windowAll(assigner)}): one window operator sees every
 * record, so it runs with parallelism 1, as in Flink. The same choices as {@link WindowedStream}.
 */
public class AllWindowedStream<T, W extends Window> {
    private final WindowedStream<T, Byte, W> windows;

    AllWindowedStream(DataStream<T> input, WindowAssigner<? super T, W> assigner) {
        this.windows = new WindowedStream<>(input.keyBy(new AllInOneKey<>()), assigner);
    }

    public AllWindowedStream<T, W> trigger(Trigger<? super T, ? super W> trigger) {
        windows.trigger(trigger);
        return this;
    }

    public AllWindowedStream<T, W> evictor(Evictor<? super T, ? super W> evictor) {
        windows.evictor(evictor);
        return this;
    }

    public AllWindowedStream<T, W> allowedLateness(Duration lateness) {
        windows.allowedLateness(lateness);
        return this;
    }

    public AllWindowedStream<T, W> sideOutputLateData(OutputTag<T> outputTag) {
        windows.sideOutputLateData(outputTag);
        return this;
    }

    public SingleOutputStreamOperator<T> reduce(ReduceFunction<T> function) {
        return single(windows.reduce(function));
    }

    public <R> SingleOutputStreamOperator<R> reduce(ReduceFunction<T> reducer, AllWindowFunction<T, R, W> function) {
        return single(windows.reduce(reducer, WindowFunctions.<T, R, Byte, W>of(function)));
    }

    public <R> SingleOutputStreamOperator<R> reduce(
            ReduceFunction<T> reducer, ProcessAllWindowFunction<T, R, W> function) {
        return single(windows.reduce(reducer, WindowFunctions.<T, R, Byte, W>of(function)));
    }

    public <ACC, R> SingleOutputStreamOperator<R> aggregate(AggregateFunction<T, ACC, R> function) {
        return single(windows.aggregate(function));
    }

    public <ACC, V, R> SingleOutputStreamOperator<R> aggregate(
            AggregateFunction<T, ACC, V> aggregate, ProcessAllWindowFunction<V, R, W> function) {
        return single(windows.aggregate(aggregate, WindowFunctions.<V, R, Byte, W>of(function)));
    }

    public <R> SingleOutputStreamOperator<R> apply(AllWindowFunction<T, R, W> function) {
        return single(windows.process(WindowFunctions.<T, R, Byte, W>of(function)));
    }

    public <R> SingleOutputStreamOperator<R> process(ProcessAllWindowFunction<T, R, W> function) {
        return single(windows.process(WindowFunctions.<T, R, Byte, W>of(function)));
    }

    public SingleOutputStreamOperator<T> sum(int position) {
        return single(windows.sum(position));
    }

    public SingleOutputStreamOperator<T> min(int position) {
        return single(windows.min(position));
    }

    public SingleOutputStreamOperator<T> max(int position) {
        return single(windows.max(position));
    }

    public SingleOutputStreamOperator<T> minBy(int position) {
        return single(windows.minBy(position));
    }

    public SingleOutputStreamOperator<T> maxBy(int position) {
        return single(windows.maxBy(position));
    }

    private static <R> SingleOutputStreamOperator<R> single(SingleOutputStreamOperator<R> operator) {
        return operator.setParallelism(1).setMaxParallelism(1);
    }

    /** Every record has the same key, so one subtask holds all windows. */
    private static final class AllInOneKey<T> implements KeySelector<T, Byte> {
        private static final long serialVersionUID = 1L;
        private static final Byte KEY = 0;

        @Override
        public Byte getKey(T value) {
            return KEY;
        }
    }
}
