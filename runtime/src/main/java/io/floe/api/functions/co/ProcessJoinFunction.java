package io.floe.api.functions.co;

import io.floe.api.Collector;
import io.floe.api.OutputTag;
import io.floe.api.functions.AbstractRichFunction;

/** Called for each pair an interval join finds: a left and a right element of one key, close enough in event time. */
public abstract class ProcessJoinFunction<IN1, IN2, OUT> extends AbstractRichFunction {
    private static final long serialVersionUID = 1L;

    public abstract void processElement(IN1 left, IN2 right, Context ctx, Collector<OUT> out) throws Exception;

    public abstract class Context {
        public abstract long getLeftTimestamp();

        public abstract long getRightTimestamp();

        /** The pair's timestamp, that of its output: the later of the two. */
        public abstract long getTimestamp();

        public abstract <X> void output(OutputTag<X> outputTag, X value);
    }
}
