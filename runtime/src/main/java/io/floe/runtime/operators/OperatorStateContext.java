package io.floe.runtime.operators;

import io.floe.api.state.FunctionInitializationContext;
import io.floe.api.state.KeyedStateStore;
import io.floe.api.state.OperatorStateStore;
import java.util.OptionalLong;

/**
 * The state an operator starts with, handed to {@link StreamOperator#initializeState} (and on to a
 * {@code CheckpointedFunction}): its operator state, its keyed state when keyed, and whether they
 * were restored from a checkpoint.
 */
public record OperatorStateContext(
        OperatorStateStore operatorState, KeyedStateStore keyedState, OptionalLong restoredCheckpointId)
        implements FunctionInitializationContext {

    @Override
    public boolean isRestored() {
        return restoredCheckpointId.isPresent();
    }

    @Override
    public OptionalLong getRestoredCheckpointId() {
        return restoredCheckpointId;
    }

    @Override
    public OperatorStateStore getOperatorStateStore() {
        return operatorState;
    }

    @Override
    public KeyedStateStore getKeyedStateStore() {
        if (keyedState == null) {
            throw new IllegalStateException("Keyed state can only be used on a keyed stream, i.e. after keyBy(...):"
                    + " this operator is not keyed.");
        }
        return keyedState;
    }
}
