package io.floe.runtime.operators.co;

import io.floe.api.Collector;
import io.floe.api.OutputTag;
import io.floe.api.TimerService;
import io.floe.api.functions.co.CoProcessFunction;
import io.floe.runtime.operators.ElementTimestamp;
import io.floe.runtime.operators.Output;
import io.floe.runtime.operators.TwoInputStreamOperator;
import io.floe.runtime.operators.UnsupportedTimerService;

/** Runs a {@link CoProcessFunction} on two connected streams that are not keyed (so without timers). */
public final class CoProcessOperator<IN1, IN2, OUT>
        extends TwoInputStreamOperator<IN1, IN2, OUT, CoProcessFunction<IN1, IN2, OUT>> {
    private static final long serialVersionUID = 1L;

    private transient CoProcessFunction<IN1, IN2, OUT>.Context processContext;
    private transient Collector<OUT> collector;
    private transient long currentWatermark;

    public CoProcessOperator(CoProcessFunction<IN1, IN2, OUT> function) {
        super(function);
    }

    @Override
    public void open() throws Exception {
        Output<OUT> out = output;
        collector = out::collect;
        currentWatermark = Long.MIN_VALUE;
        ElementTimestamp timestamp = context.timestamp();
        TimerService timerService = new UnsupportedTimerService(() -> currentWatermark);
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
        userFunction.processElement1(element, processContext, collector);
    }

    @Override
    public void processElement2(IN2 element) throws Exception {
        userFunction.processElement2(element, processContext, collector);
    }
}
