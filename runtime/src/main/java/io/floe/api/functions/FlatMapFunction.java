package io.floe.api.functions;

import io.floe.api.Collector;

/** Turns one record into zero or more records, emitted through the collector. */
@FunctionalInterface
public interface FlatMapFunction<T, O> extends Function {
    void flatMap(T value, Collector<O> out) throws Exception;
}
