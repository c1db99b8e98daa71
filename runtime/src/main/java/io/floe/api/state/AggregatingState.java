package io.floe.api.state;

/**
 * An accumulator per key, fed by {@code add} through the descriptor's {@code AggregateFunction};
 * {@code get} returns its result, or null when the key has no accumulator.
 */
public interface AggregatingState<IN, OUT> extends MergingState<IN, OUT> {}
