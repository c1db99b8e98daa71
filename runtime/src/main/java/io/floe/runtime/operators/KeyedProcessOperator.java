package io.floe.runtime.operators;

import io.floe.api.Collector;
import io.floe.api.OutputTag;
import io.floe.api.TimeDomain;
import io.floe.api.TimerService;
import io.floe.api.functions.KeySelector;
import io.floe.api.functions.KeyedProcessFunction;

/**
 * Runs a {@link KeyedProcessFunction} on a keyed stream: the task sets each record's key on the
 * keyed state before {@link #processElement}, and the context returns it. Its timers ({@link
 * KeyedTimerService}, Flink's "user-timers") fire {@code onTimer} with their key set: event-time
 * timers when a watermark passes them, processing-time timers when the clock does.
 */
public final class KeyedProcessOperator<K, IN, OUT>
        extends UserFunctionOperator<IN, OUT, KeyedProcessFunction<K, IN, OUT>> {
    private static final long serialVersionUID = 1L;

    private transient KeyedProcessFunction<K, IN, OUT>.Context processContext;
    private transient TimerContext timerContext;
    private transient Collector<OUT> collector;
    private transient KeyedTimerService<K, Void> timers;
    private transient TimerService timerService;

    public KeyedProcessOperator(KeyedProcessFunction<K, IN, OUT> function, KeySelector<IN, K> keySelector) {
        super(function);
        setStateKeySelector(keySelector);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void open() throws Exception {
        Output<OUT> out = output;
        collector = out::collect;
        ElementTimestamp timestamp = context.timestamp();
        timers = new KeyedTimerService<>(
                "user-timers",
                (io.floe.runtime.state.KeyedStateBackend<K>) (Object) keyedStateBackend,
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
    public void processElement(IN element) throws Exception {
        userFunction.processElement(element, processContext, collector);
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
    private final class TimerContext extends KeyedProcessFunction<K, IN, OUT>.OnTimerContext {
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
