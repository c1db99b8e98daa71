package io.floe.api.functions.co;

import io.floe.api.Collector;
import io.floe.api.functions.Function;

/** Turns each record of two connected streams into any number of records of one output type. */
public interface CoFlatMapFunction<IN1, IN2, OUT> extends Function {
    void flatMap1(IN1 value, Collector<OUT> out) throws Exception;

    void flatMap2(IN2 value, Collector<OUT> out) throws Exception;
}
