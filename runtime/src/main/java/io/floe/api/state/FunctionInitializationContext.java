package io.floe.api.state;

import java.util.OptionalLong;

/** What {@code CheckpointedFunction.initializeState} is given: the state stores, and whether they were restored. */
public interface FunctionInitializationContext {
    /** True when the job was restored from a checkpoint or savepoint that had state for this operator. */
    boolean isRestored();

    /** The checkpoint the state came from, when restored. */
    OptionalLong getRestoredCheckpointId();

    OperatorStateStore getOperatorStateStore();

    /**
     * The keyed state of the operator.
     *
     * @throws IllegalStateException when the operator is not on a keyed stream
     */
    KeyedStateStore getKeyedStateStore();
}
