package io.floe.runtime.operators;

import io.floe.api.Collector;
import io.floe.api.OutputTag;
import io.floe.api.TimerService;
import io.floe.api.functions.KeySelector;
import io.floe.api.functions.KeyedProcessFunction;

/**
 * Runs a {@link KeyedProcessFunction} on a keyed stream: the task sets each record's key on the
 * keyed state before {@link #processElement}, and the context returns it.
 */
public final class KeyedProcessOperator<K, IN, OUT>
        extends UserFunctionOperator<IN, OUT, KeyedProcessFunction<K, IN, OUT>> {
    private static final long serialVersionUID = 1L;

    private transient KeyedProcessFunction<K, IN, OUT>.Context processContext;
    private transient Collector<OUT> collector;

    public KeyedProcessOperator(KeyedProcessFunction<K, IN, OUT> function, KeySelector<IN, K> keySelector) {
        super(function);
        setStateKeySelector(keySelector);
    }

    @Override
    public void open() throws Exception {
        Output<OUT> out = output;
        collector = out::collect;
        processContext = userFunction.new Context() {
            @Override
            public Long timestamp() {
                return null;
            }

            @Override
            public TimerService timerService() {
                return UnsupportedTimerService.KEYED;
            }

            @Override
            public <X> void output(OutputTag<X> outputTag, X value) {
                out.collect(outputTag, value);
            }

            @Override
            @SuppressWarnings("unchecked")
            public K getCurrentKey() {
                return (K) keyedStateBackend.getCurrentKey();
            }
        };
        super.open();
    }

    @Override
    public void processElement(IN element) throws Exception {
        userFunction.processElement(element, processContext, collector);
    }
}
