package io.floe.api.functions.co;

import io.floe.api.Collector;
import io.floe.api.TimeDomain;
import io.floe.api.TimerService;
import io.floe.api.state.KeyedStateFunction;
import io.floe.api.state.State;
import io.floe.api.state.StateDescriptor;

/**
 * A keyed stream connected with a broadcast stream ({@code keyed.connect(other.broadcast(descriptors))}):
 * the keyed side has keyed state and timers and reads the broadcast state; the broadcast side
 * writes it and may visit the keyed state of every key ({@link Context#applyToKeyedState}).
 */
public abstract class KeyedBroadcastProcessFunction<K, IN1, IN2, OUT> extends BaseBroadcastProcessFunction {
    private static final long serialVersionUID = 1L;

    public abstract void processElement(IN1 value, ReadOnlyContext ctx, Collector<OUT> out) throws Exception;

    public abstract void processBroadcastElement(IN2 value, Context ctx, Collector<OUT> out) throws Exception;

    public void onTimer(long timestamp, OnTimerContext ctx, Collector<OUT> out) throws Exception {}

    /** The broadcast side's context. */
    public abstract class Context extends BaseBroadcastProcessFunction.Context {
        /** Runs {@code function} on the state {@code stateDescriptor} of each key of this subtask that has it. */
        public abstract <VS, S extends State> void applyToKeyedState(
                StateDescriptor<S, VS> stateDescriptor, KeyedStateFunction<K, S> function) throws Exception;
    }

    /** The keyed side's context. */
    public abstract class ReadOnlyContext extends BaseBroadcastProcessFunction.ReadOnlyContext {
        public abstract TimerService timerService();

        public abstract K getCurrentKey();
    }

    /** The context of {@link #onTimer}. */
    public abstract class OnTimerContext extends ReadOnlyContext {
        public abstract TimeDomain timeDomain();

        @Override
        public abstract K getCurrentKey();
    }
}
