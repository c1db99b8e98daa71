package io.floe.runtime.operators;

import io.floe.api.TaskInfo;
import io.floe.api.functions.RuntimeContext;
import io.floe.api.state.AggregatingState;
import io.floe.api.state.AggregatingStateDescriptor;
import io.floe.api.state.KeyedStateStore;
import io.floe.api.state.ListState;
import io.floe.api.state.ListStateDescriptor;
import io.floe.api.state.MapState;
import io.floe.api.state.MapStateDescriptor;
import io.floe.api.state.ReducingState;
import io.floe.api.state.ReducingStateDescriptor;
import io.floe.api.state.State;
import io.floe.api.state.StateDescriptor;
import io.floe.api.state.ValueState;
import io.floe.api.state.ValueStateDescriptor;
import io.floe.runtime.state.KeyedStateBackend;

/** The {@link RuntimeContext} of a function run by an operator: its subtask, and its keyed state if keyed. */
public final class StreamingRuntimeContext implements RuntimeContext, KeyedStateStore {
    private final OperatorContext task;
    private final KeyedStateBackend<?> keyedState;

    /** @param keyedState the operator's keyed state, or null when it is not on a keyed stream */
    public StreamingRuntimeContext(OperatorContext task, KeyedStateBackend<?> keyedState) {
        this.task = task;
        this.keyedState = keyedState;
    }

    @Override
    public TaskInfo getTaskInfo() {
        return task;
    }

    @Override
    public ClassLoader getUserCodeClassLoader() {
        return task.userClassLoader();
    }

    @Override
    public <T> ValueState<T> getState(ValueStateDescriptor<T> descriptor) {
        return keyed(descriptor);
    }

    @Override
    public <T> ListState<T> getListState(ListStateDescriptor<T> descriptor) {
        return keyed(descriptor);
    }

    @Override
    public <T> ReducingState<T> getReducingState(ReducingStateDescriptor<T> descriptor) {
        return keyed(descriptor);
    }

    @Override
    public <IN, ACC, OUT> AggregatingState<IN, OUT> getAggregatingState(
            AggregatingStateDescriptor<IN, ACC, OUT> descriptor) {
        return keyed(descriptor);
    }

    @Override
    public <K, V> MapState<K, V> getMapState(MapStateDescriptor<K, V> descriptor) {
        return keyed(descriptor);
    }

    private <S extends State> S keyed(StateDescriptor<S, ?> descriptor) {
        if (keyedState == null) {
            throw new IllegalStateException("Keyed state can only be used on a keyed stream, i.e. after keyBy(...): "
                    + task.taskName() + " asked for " + descriptor.describe() + ".");
        }
        return keyedState.getOrCreateState(descriptor);
    }
}
