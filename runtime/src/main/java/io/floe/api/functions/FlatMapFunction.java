package io.floe.api.functions;

import java.io.Serializable;

/** Turns one record into zero or more records, emitted through the collector. */
@FunctionalInterface
public interface FlatMapFunction<T, O> extends Serializable {
    void flatMap(T value, Collector<O> out) throws Exception;
}
