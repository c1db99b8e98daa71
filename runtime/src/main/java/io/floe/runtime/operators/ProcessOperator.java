package io.floe.runtime.operators;

import io.floe.api.Collector;
import io.floe.api.OutputTag;
import io.floe.api.TimerService;
import io.floe.api.functions.ProcessFunction;

/** Runs a {@link ProcessFunction}: main records through the collector, side outputs through the context. */
public final class ProcessOperator<IN, OUT> extends UserFunctionOperator<IN, OUT, ProcessFunction<IN, OUT>> {
    private static final long serialVersionUID = 1L;

    private transient ProcessFunction<IN, OUT>.Context processContext;
    private transient Collector<OUT> collector;
    private transient long currentWatermark;

    public ProcessOperator(ProcessFunction<IN, OUT> function) {
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
    public void processElement(IN element) throws Exception {
        userFunction.processElement(element, processContext, collector);
    }
}
