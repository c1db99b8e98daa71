package io.floe.runtime.operators;

import io.floe.api.Collector;
import io.floe.api.functions.FlatMapFunction;

/** Applies a {@link FlatMapFunction}; its collector writes straight into the output. */
public final class FlatMapOperator<IN, OUT> extends UserFunctionOperator<IN, OUT, FlatMapFunction<IN, OUT>> {
    private static final long serialVersionUID = 1L;
    private transient Collector<OUT> collector;

    public FlatMapOperator(FlatMapFunction<IN, OUT> function) {
        super(function);
    }

    @Override
    public void open() throws Exception {
        Output<OUT> out = output;
        collector = out::collect;
        super.open();
    }

    @Override
    public void processElement(IN element) throws Exception {
        userFunction.flatMap(element, collector);
    }
}
