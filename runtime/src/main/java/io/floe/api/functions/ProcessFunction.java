package io.floe.api.functions;

import io.floe.api.Collector;
import io.floe.api.OutputTag;
import io.floe.api.TimeDomain;
import io.floe.api.TimerService;

/**
 * The most general one-input function: sees each record with its {@link Context} and may emit
 * any number of records, to the main output through the collector or to side outputs
 * ({@link Context#output}). Applied with {@code DataStream.process(...)}; on a keyed stream use
 * {@link KeyedProcessFunction}, which also has keyed state and the current key.
 */
public abstract class ProcessFunction<I, O> extends AbstractRichFunction {
    private static final long serialVersionUID = 1L;

    public abstract void processElement(I value, Context ctx, Collector<O> out) throws Exception;

    /** Called when a timer fires. Timers arrive with event time support; until then this is never called. */
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<O> out) throws Exception {}

    /** What {@link #processElement} can see and do besides emitting to the main output. */
    public abstract class Context {
        /** The record's event timestamp, or null when it has none (no timestamp assigner before it). */
        public abstract Long timestamp();

        public abstract TimerService timerService();

        /** Emits {@code value} to the side output {@code outputTag} ({@code getSideOutput(outputTag)}). */
        public abstract <X> void output(OutputTag<X> outputTag, X value);
    }

    /** The context of {@link #onTimer}. */
    public abstract class OnTimerContext extends Context {
        public abstract TimeDomain timeDomain();
    }
}
