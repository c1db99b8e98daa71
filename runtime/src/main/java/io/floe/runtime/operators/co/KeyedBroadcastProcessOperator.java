package io.floe.runtime.operators.co;

import io.floe.api.Collector;
import io.floe.api.OutputTag;
import io.floe.api.TimeDomain;
import io.floe.api.TimerService;
import io.floe.api.functions.co.KeyedBroadcastProcessFunction;
import io.floe.api.state.BroadcastState;
import io.floe.api.state.KeyedStateFunction;
import io.floe.api.state.MapStateDescriptor;
import io.floe.api.state.ReadOnlyBroadcastState;
import io.floe.api.state.State;
import io.floe.api.state.StateDescriptor;
import io.floe.runtime.operators.ElementTimestamp;
import io.floe.runtime.operators.KeyedTimerService;
import io.floe.runtime.operators.OperatorStateContext;
import io.floe.runtime.operators.Output;
import io.floe.runtime.operators.TwoInputStreamOperator;
import io.floe.runtime.state.KeyedStateBackend;
import java.util.List;

/**
 * Runs a {@link KeyedBroadcastProcessFunction}: input 1 is the keyed stream (keyed state, timers),
 * input 2 the broadcast one, whose elements have no key and reach keyed state only through
 * {@code applyToKeyedState}.
 */
public final class KeyedBroadcastProcessOperator<K, IN1, IN2, OUT>
        extends TwoInputStreamOperator<IN1, IN2, OUT, KeyedBroadcastProcessFunction<K, IN1, IN2, OUT>> {
    private static final long serialVersionUID = 1L;

    private final BroadcastStates broadcastStates;

    private transient KeyedBroadcastProcessFunction<K, IN1, IN2, OUT>.ReadOnlyContext readOnlyContext;
    private transient KeyedBroadcastProcessFunction<K, IN1, IN2, OUT>.Context broadcastContext;
    private transient TimerContext timerContext;
    private transient Collector<OUT> collector;
    private transient KeyedTimerService<K, Void> timers;
    private transient TimerService timerService;

    public KeyedBroadcastProcessOperator(
            KeyedBroadcastProcessFunction<K, IN1, IN2, OUT> function, List<MapStateDescriptor<?, ?>> descriptors) {
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
    @SuppressWarnings("unchecked")
    public void open() throws Exception {
        Output<OUT> out = output;
        collector = out::collect;
        ElementTimestamp timestamp = context.timestamp();
        KeyedStateBackend<K> backend = (KeyedStateBackend<K>) (Object) keyedStateBackend;
        timers = new KeyedTimerService<>(
                "user-timers",
                backend,
                context.processingTime(),
                timestamp,
                (key, namespace, time, domain) -> onTimer(key, time, domain));
        timerService = timers.forUserFunction();
        readOnlyContext = new KeyedSide(out, timestamp);
        timerContext = new TimerContext(out, timestamp);
        broadcastContext = userFunction.new Context() {
            @Override
            public <KK, V> BroadcastState<KK, V> getBroadcastState(MapStateDescriptor<KK, V> descriptor) {
                return broadcastStates.get(descriptor);
            }

            @Override
            public <VS, S extends State> void applyToKeyedState(
                    StateDescriptor<S, VS> descriptor, KeyedStateFunction<K, S> function) throws Exception {
                backend.forEachKey(
                        descriptor.getName(), key -> function.process(key, backend.getOrCreateState(descriptor)));
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
                return timers.currentProcessingTime();
            }

            @Override
            public long currentWatermark() {
                return timers.currentWatermark();
            }
        };
        super.open();
    }

    @Override
    public void processElement1(IN1 element) throws Exception {
        userFunction.processElement(element, readOnlyContext, collector);
    }

    @Override
    public void processElement2(IN2 element) throws Exception {
        userFunction.processBroadcastElement(element, broadcastContext, collector);
    }

    @Override
    public void processWatermark(long watermark) throws Exception {
        timers.advanceWatermark(watermark);
        output.emitWatermark(watermark);
    }

    private void onTimer(K key, long time, TimeDomain domain) throws Exception {
        timerContext.domain = domain;
        timerContext.key = key;
        userFunction.onTimer(time, timerContext, collector);
    }

    @Override
    public void close() throws Exception {
        if (timers != null) {
            timers.close();
        }
        super.close();
    }

    /** What the keyed side's element sees. */
    private class KeyedSide extends KeyedBroadcastProcessFunction<K, IN1, IN2, OUT>.ReadOnlyContext {
        private final Output<OUT> out;
        private final ElementTimestamp timestamp;

        KeyedSide(Output<OUT> out, ElementTimestamp timestamp) {
            userFunction.super();
            this.out = out;
            this.timestamp = timestamp;
        }

        @Override
        public <KK, V> ReadOnlyBroadcastState<KK, V> getBroadcastState(MapStateDescriptor<KK, V> descriptor) {
            return broadcastStates.get(descriptor);
        }

        @Override
        public TimerService timerService() {
            return timerService;
        }

        @Override
        @SuppressWarnings("unchecked")
        public K getCurrentKey() {
            return (K) keyedStateBackend.getCurrentKey();
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
            return timers.currentProcessingTime();
        }

        @Override
        public long currentWatermark() {
            return timers.currentWatermark();
        }
    }

    /** What {@code onTimer} sees: the timer's key and domain. */
    private final class TimerContext extends KeyedBroadcastProcessFunction<K, IN1, IN2, OUT>.OnTimerContext {
        private final Output<OUT> out;
        private final ElementTimestamp timestamp;
        private TimeDomain domain;
        private K key;

        TimerContext(Output<OUT> out, ElementTimestamp timestamp) {
            userFunction.super();
            this.out = out;
            this.timestamp = timestamp;
        }

        @Override
        public TimeDomain timeDomain() {
            return domain;
        }

        @Override
        public K getCurrentKey() {
            return key;
        }

        @Override
        public <KK, V> ReadOnlyBroadcastState<KK, V> getBroadcastState(MapStateDescriptor<KK, V> descriptor) {
            return broadcastStates.get(descriptor);
        }

        @Override
        public TimerService timerService() {
            return timerService;
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
            return timers.currentProcessingTime();
        }

        @Override
        public long currentWatermark() {
            return timers.currentWatermark();
        }
    }
}
