package io.floe.runtime.operators.co;

import io.floe.api.Collector;
import io.floe.api.OutputTag;
import io.floe.api.TimeDomain;
import io.floe.api.TimerService;
import io.floe.api.functions.co.KeyedCoProcessFunction;
import io.floe.runtime.operators.ElementTimestamp;
import io.floe.runtime.operators.KeyedTimerService;
import io.floe.runtime.operators.Output;
import io.floe.runtime.operators.TwoInputStreamOperator;
import io.floe.runtime.state.KeyedStateBackend;

/**
 * Runs a {@link KeyedCoProcessFunction}: the records of both inputs with one key share its keyed
 * state, and its timers (keyed state too, Flink's "user-timers") fire {@code onTimer} with their key.
 */
public final class KeyedCoProcessOperator<K, IN1, IN2, OUT>
        extends TwoInputStreamOperator<IN1, IN2, OUT, KeyedCoProcessFunction<K, IN1, IN2, OUT>> {
    private static final long serialVersionUID = 1L;

    private transient KeyedCoProcessFunction<K, IN1, IN2, OUT>.Context processContext;
    private transient TimerContext timerContext;
    private transient Collector<OUT> collector;
    private transient KeyedTimerService<K, Void> timers;
    private transient TimerService timerService;

    public KeyedCoProcessOperator(KeyedCoProcessFunction<K, IN1, IN2, OUT> function) {
        super(function);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void open() throws Exception {
        Output<OUT> out = output;
        collector = out::collect;
        ElementTimestamp timestamp = context.timestamp();
        timers = new KeyedTimerService<>(
                "user-timers",
                (KeyedStateBackend<K>) (Object) keyedStateBackend,
                context.processingTime(),
                timestamp,
                (key, namespace, time, domain) -> onTimer(key, time, domain));
        timerService = timers.forUserFunction();
        processContext = userFunction.new Context() {
            @Override
            public Long timestamp() {
                return timestamp.orNull();
            }

            @Override
            public TimerService timerService() {
                return timerService;
            }

            @Override
            public <X> void output(OutputTag<X> outputTag, X value) {
                out.collect(outputTag, value);
            }

            @Override
            public K getCurrentKey() {
                return (K) keyedStateBackend.getCurrentKey();
            }
        };
        timerContext = new TimerContext(out, timestamp);
        super.open();
    }

    @Override
    public void processElement1(IN1 element) throws Exception {
        userFunction.processElement1(element, processContext, collector);
    }

    @Override
    public void processElement2(IN2 element) throws Exception {
        userFunction.processElement2(element, processContext, collector);
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

    /** What {@code onTimer} sees: the timer's key, domain and (event time) timestamp. */
    private final class TimerContext extends KeyedCoProcessFunction<K, IN1, IN2, OUT>.OnTimerContext {
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
        public Long timestamp() {
            return timestamp.orNull();
        }

        @Override
        public TimerService timerService() {
            return timerService;
        }

        @Override
        public <X> void output(OutputTag<X> outputTag, X value) {
            out.collect(outputTag, value);
        }
    }
}
