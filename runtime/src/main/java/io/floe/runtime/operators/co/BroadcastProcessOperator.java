package io.floe.runtime.operators.co;

import io.floe.api.Collector;
import io.floe.api.OutputTag;
import io.floe.api.functions.co.BroadcastProcessFunction;
import io.floe.api.state.BroadcastState;
import io.floe.api.state.MapStateDescriptor;
import io.floe.api.state.ReadOnlyBroadcastState;
import io.floe.runtime.operators.ElementTimestamp;
import io.floe.runtime.operators.OperatorStateContext;
import io.floe.runtime.operators.Output;
import io.floe.runtime.operators.TwoInputStreamOperator;
import java.util.List;

/** Runs a {@link BroadcastProcessFunction}: input 1 is the stream that is not keyed, input 2 the broadcast one. */
public final class BroadcastProcessOperator<IN1, IN2, OUT>
        extends TwoInputStreamOperator<IN1, IN2, OUT, BroadcastProcessFunction<IN1, IN2, OUT>> {
    private static final long serialVersionUID = 1L;

    private final BroadcastStates broadcastStates;

    private transient BroadcastProcessFunction<IN1, IN2, OUT>.ReadOnlyContext readOnlyContext;
    private transient BroadcastProcessFunction<IN1, IN2, OUT>.Context broadcastContext;
    private transient Collector<OUT> collector;
    private transient long currentWatermark;

    public BroadcastProcessOperator(
            BroadcastProcessFunction<IN1, IN2, OUT> function, List<MapStateDescriptor<?, ?>> descriptors) {
        super(function);
        this.broadcastStates = new BroadcastStates(descriptors);
    }

    @Override
    public void initializeState(OperatorStateContext context) throws Exception {
        super.initializeState(context);
        broadcastStates.initialize(context.getOperatorStateStore());
    }

    @Override
    public void snapshotState(long checkpointId, long timestamp) throws Exception {
        broadcastStates.snapshot();
        super.snapshotState(checkpointId, timestamp);
    }

    @Override
    public void open() throws Exception {
        Output<OUT> out = output;
        collector = out::collect;
        currentWatermark = Long.MIN_VALUE;
        ElementTimestamp timestamp = context.timestamp();
        readOnlyContext = userFunction.new ReadOnlyContext() {
            @Override
            public <K, V> ReadOnlyBroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> descriptor) {
                return broadcastStates.get(descriptor);
            }

            @Override
            public Long timestamp() {
                return timestamp.orNull();
            }

            @Override
            public <X> void output(OutputTag<X> outputTag, X value) {
                out.collect(outputTag, value);
            }

            @Override
            public long currentProcessingTime() {
                return System.currentTimeMillis();
            }

            @Override
            public long currentWatermark() {
                return currentWatermark;
            }
        };
        broadcastContext = userFunction.new Context() {
            @Override
            public <K, V> BroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> descriptor) {
                return broadcastStates.get(descriptor);
            }

            @Override
            public Long timestamp() {
                return timestamp.orNull();
            }

            @Override
            public <X> void output(OutputTag<X> outputTag, X value) {
                out.collect(outputTag, value);
            }

            @Override
            public long currentProcessingTime() {
                return System.currentTimeMillis();
            }

            @Override
            public long currentWatermark() {
                return currentWatermark;
            }
        };
        super.open();
    }

    @Override
    public void processWatermark(long watermark) throws Exception {
        currentWatermark = watermark;
        output.emitWatermark(watermark);
    }

    @Override
    public void processElement1(IN1 element) throws Exception {
        userFunction.processElement(element, readOnlyContext, collector);
    }

    @Override
    public void processElement2(IN2 element) throws Exception {
        userFunction.processBroadcastElement(element, broadcastContext, collector);
    }
}
