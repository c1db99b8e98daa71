package io.floe.api.functions;

import io.floe.api.Collector;
import io.floe.api.OutputTag;
import io.floe.api.TimeDomain;
import io.floe.api.TimerService;

/**
 * A {@link ProcessFunction} on a keyed stream ({@code keyBy(...).process(...)}): the keyed state it
 * gets from {@link #getRuntimeContext()} is that of the current record's key, which
 * {@link Context#getCurrentKey()} returns.
 */
public abstract class KeyedProcessFunction<K, I, O> extends AbstractRichFunction {
    private static final long serialVersionUID = 1L;

    public abstract void processElement(I value, Context ctx, Collector<O> out) throws Exception;

    /**
     * Called when a timer set through {@link Context#timerService()} fires, with its key as the
     * current key (and, for an event-time timer, its timestamp as the element timestamp).
     */
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<O> out) throws Exception {}

    /** What {@link #processElement} can see and do besides emitting to the main output. */
    public abstract class Context {
        /** The record's event timestamp, or null when it has none (no timestamp assigner before it). */
        public abstract Long timestamp();

        public abstract TimerService timerService();

        /** Emits {@code value} to the side output {@code outputTag} ({@code getSideOutput(outputTag)}). */
        public abstract <X> void output(OutputTag<X> outputTag, X value);

        /** The key of the record being processed. */
        public abstract K getCurrentKey();
    }

    /** The context of {@link #onTimer}. */
    public abstract class OnTimerContext extends Context {
        public abstract TimeDomain timeDomain();

        /** The key of the timer that fired. */
        @Override
        public abstract K getCurrentKey();
    }
}
