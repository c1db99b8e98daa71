package io.floe.api.functions.co;

import io.floe.api.Collector;

/**
 * A stream that is not keyed, connected with a broadcast stream ({@code
 * stream.connect(other.broadcast(descriptors))}): every subtask sees every broadcast element and
 * may write the broadcast state; the elements of the other stream read it.
 */
public abstract class BroadcastProcessFunction<IN1, IN2, OUT> extends BaseBroadcastProcessFunction {
    private static final long serialVersionUID = 1L;

    public abstract void processElement(IN1 value, ReadOnlyContext ctx, Collector<OUT> out) throws Exception;

    public abstract void processBroadcastElement(IN2 value, Context ctx, Collector<OUT> out) throws Exception;
}
