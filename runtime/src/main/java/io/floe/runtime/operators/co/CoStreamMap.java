package io.floe.runtime.operators.co;

import io.floe.api.functions.co.CoMapFunction;
import io.floe.runtime.operators.TwoInputStreamOperator;

/** {@code connect(...).map(CoMapFunction)}: one output record per record of either input. */
public final class CoStreamMap<IN1, IN2, OUT>
        extends TwoInputStreamOperator<IN1, IN2, OUT, CoMapFunction<IN1, IN2, OUT>> {
    private static final long serialVersionUID = 1L;

    public CoStreamMap(CoMapFunction<IN1, IN2, OUT> function) {
        super(function);
    }

    @Override
    public void processElement1(IN1 element) throws Exception {
        output.collect(userFunction.map1(element));
    }

    @Override
    public void processElement2(IN2 element) throws Exception {
        output.collect(userFunction.map2(element));
    }
}
