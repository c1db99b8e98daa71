package io.floe.api;

import io.floe.api.functions.co.BroadcastProcessFunction;
import io.floe.api.functions.co.KeyedBroadcastProcessFunction;
import io.floe.runtime.operators.co.BroadcastProcessOperator;
import io.floe.runtime.operators.co.KeyedBroadcastProcessOperator;
import java.util.Objects;

/**
 * A stream connected with a broadcast stream: {@link #process} with a {@link
 * BroadcastProcessFunction} when the first is not keyed, a {@link KeyedBroadcastProcessFunction}
 * when it is.
 */
public class BroadcastConnectedStream<IN1, IN2> {
    private final DataStream<IN1> input;
    private final BroadcastStream<IN2> broadcast;

    BroadcastConnectedStream(DataStream<IN1> input, BroadcastStream<IN2> broadcast) {
        this.input = input;
        this.broadcast = Objects.requireNonNull(broadcast, "broadcast stream");
    }

    public <OUT> SingleOutputStreamOperator<OUT> process(BroadcastProcessFunction<IN1, IN2, OUT> function) {
        Objects.requireNonNull(function, "broadcast process function");
        if (input instanceof KeyedStream<?, ?>) {
            throw new IllegalArgumentException("A BroadcastProcessFunction can only be used on a stream that is not"
                    + " keyed; after keyBy(...) use a KeyedBroadcastProcessFunction.");
        }
        return new ConnectedStreams<>(input.environment, input, broadcast.stream())
                .transform("Co-Process-Broadcast", new BroadcastProcessOperator<>(function, broadcast.descriptors()));
    }

    public <K, OUT> SingleOutputStreamOperator<OUT> process(KeyedBroadcastProcessFunction<K, IN1, IN2, OUT> function) {
        Objects.requireNonNull(function, "keyed broadcast process function");
        if (!(input instanceof KeyedStream<IN1, ?> keyed)) {
            throw new IllegalArgumentException("A KeyedBroadcastProcessFunction can only be used on a keyed stream:"
                    + " keyBy(...).connect(broadcastStream); without a key use a BroadcastProcessFunction.");
        }
        KeyedBroadcastProcessOperator<K, IN1, IN2, OUT> operator =
                new KeyedBroadcastProcessOperator<>(function, broadcast.descriptors());
        operator.setStateKeySelectorOfFirstInput(keyed.getKeySelector());
        return new ConnectedStreams<>(input.environment, input, broadcast.stream())
                .transformKeyedAlready("Co-Process-Broadcast-Keyed", operator);
    }
}
