package io.floe.api.functions;

import io.floe.api.TaskInfo;
import io.floe.api.state.AggregatingState;
import io.floe.api.state.AggregatingStateDescriptor;
import io.floe.api.state.ListState;
import io.floe.api.state.ListStateDescriptor;
import io.floe.api.state.MapState;
import io.floe.api.state.MapStateDescriptor;
import io.floe.api.state.ReducingState;
import io.floe.api.state.ReducingStateDescriptor;
import io.floe.api.state.ValueState;
import io.floe.api.state.ValueStateDescriptor;

/**
 * What a {@link RichFunction} knows about the subtask it runs in, and its keyed state.
 *
 * <p>Keyed state ({@code getState}, {@code getListState}, ...) exists only in functions applied to
 * a {@code KeyedStream}: each call of the function sees the state of the current record's key.
 * Asking twice for the same name returns the same state; asking for a name that was registered
 * with another kind or type of state fails with an {@link IllegalStateException} naming it.
 * Call these in {@code open()} or later, on the task's thread.
 */
public interface RuntimeContext {
    TaskInfo getTaskInfo();

    /** The class loader of the job's jars. */
    ClassLoader getUserCodeClassLoader();

    <T> ValueState<T> getState(ValueStateDescriptor<T> descriptor);

    <T> ListState<T> getListState(ListStateDescriptor<T> descriptor);

    <T> ReducingState<T> getReducingState(ReducingStateDescriptor<T> descriptor);

    <IN, ACC, OUT> AggregatingState<IN, OUT> getAggregatingState(AggregatingStateDescriptor<IN, ACC, OUT> descriptor);

    <K, V> MapState<K, V> getMapState(MapStateDescriptor<K, V> descriptor);
}
