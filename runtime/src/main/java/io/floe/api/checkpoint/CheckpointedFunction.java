package io.floe.api.checkpoint;

import io.floe.api.state.FunctionInitializationContext;
import io.floe.api.state.FunctionSnapshotContext;

/**
 * A function with state of its own in checkpoints: {@link #initializeState} runs once before
 * {@code open}, with the state restored from the last checkpoint (if any), and
 * {@link #snapshotState} runs on the task's thread when a checkpoint reaches the operator, to
 * move what the function holds in fields into its state.
 */
public interface CheckpointedFunction {
    void snapshotState(FunctionSnapshotContext context) throws Exception;

    void initializeState(FunctionInitializationContext context) throws Exception;
}
