package io.floe.api.state;

/** An {@link AppendingState} whose values can be merged (as session windows will need). */
public interface MergingState<IN, OUT> extends AppendingState<IN, OUT> {}
