package io.floe.runtime.operators;

import io.floe.api.functions.Collector;
import io.floe.api.functions.FlatMapFunction;

/** Applies a {@link FlatMapFunction}; its collector writes straight into the output. */
public final class FlatMapOperator<IN, OUT> extends StreamOperator<IN, OUT> {
    private static final long serialVersionUID = 1L;
    private final FlatMapFunction<IN, OUT> function;
    private transient Collector<OUT> collector;

    public FlatMapOperator(FlatMapFunction<IN, OUT> function) {
        this.function = function;
    }

    @Override
    public void open() {
        Output<OUT> out = output;
        collector = out::collect;
    }

    @Override
    public void processElement(IN element) throws Exception {
        function.flatMap(element, collector);
    }
}
