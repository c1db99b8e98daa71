package io.floe.api.functions.co;

import io.floe.api.Collector;
import io.floe.api.OutputTag;
import io.floe.api.TimeDomain;
import io.floe.api.TimerService;
import io.floe.api.functions.AbstractRichFunction;

/**
 * The most general function on two connected streams: each record of either with its context.
 * On streams that are not keyed its timer service tells the time and refuses timers, as in Flink;
 * keyed, use {@link KeyedCoProcessFunction}.
 */
public abstract class CoProcessFunction<IN1, IN2, OUT> extends AbstractRichFunction {
    private static final long serialVersionUID = 1L;

    public abstract void processElement1(IN1 value, Context ctx, Collector<OUT> out) throws Exception;

    public abstract void processElement2(IN2 value, Context ctx, Collector<OUT> out) throws Exception;

    /** Never called on streams that are not keyed (they cannot set timers). */
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<OUT> out) throws Exception {}

    public abstract class Context {
        /** The record's event timestamp, or null when it has none. */
        public abstract Long timestamp();

        public abstract TimerService timerService();

        public abstract <X> void output(OutputTag<X> outputTag, X value);
    }

    public abstract class OnTimerContext extends Context {
        public abstract TimeDomain timeDomain();
    }
}
