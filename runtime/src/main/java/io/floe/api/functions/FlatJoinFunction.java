package io.floe.api.functions;

import io.floe.api.Collector;

/** Makes any number of records of a pair that a window join found. */
@FunctionalInterface
public interface FlatJoinFunction<IN1, IN2, OUT> extends Function {
    void join(IN1 first, IN2 second, Collector<OUT> out) throws Exception;
}
