package io.floe.api.state;

/** One value per key, folded with the descriptor's {@code ReduceFunction} on every {@code add}. */
public interface ReducingState<T> extends MergingState<T, T> {}
