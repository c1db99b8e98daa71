package io.floe.api.state;

/** Which checkpoint {@code CheckpointedFunction.snapshotState} is called for. */
public interface FunctionSnapshotContext {
    long getCheckpointId();

    /** When the JobMaster triggered the checkpoint, in epoch milliseconds. */
    long getCheckpointTimestamp();
}
