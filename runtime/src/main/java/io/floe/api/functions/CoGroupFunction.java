package io.floe.api.functions;

import io.floe.api.Collector;

/**
 * Sees, per key and window, the elements of both inputs at once (either may be empty): what a
 * window join is built from, and what an outer join is written with.
 */
@FunctionalInterface
public interface CoGroupFunction<IN1, IN2, OUT> extends Function {
    void coGroup(Iterable<IN1> first, Iterable<IN2> second, Collector<OUT> out) throws Exception;
}
