package io.floe.runtime.operators.co;

import io.floe.api.Collector;
import io.floe.api.functions.co.CoFlatMapFunction;
import io.floe.runtime.operators.TwoInputStreamOperator;

/** {@code connect(...).flatMap(CoFlatMapFunction)}: any number of output records per record of either input. */
public final class CoStreamFlatMap<IN1, IN2, OUT>
        extends TwoInputStreamOperator<IN1, IN2, OUT, CoFlatMapFunction<IN1, IN2, OUT>> {
    private static final long serialVersionUID = 1L;

    private transient Collector<OUT> collector;

    public CoStreamFlatMap(CoFlatMapFunction<IN1, IN2, OUT> function) {
        super(function);
    }

    @Override
    public void open() throws Exception {
        collector = output::collect;
        super.open();
    }

    @Override
    public void processElement1(IN1 element) throws Exception {
        userFunction.flatMap1(element, collector);
    }

    @Override
    public void processElement2(IN2 element) throws Exception {
        userFunction.flatMap2(element, collector);
    }
}
