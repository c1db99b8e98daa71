package io.floe.runtime.checkpoint;

/**
 * A checkpoint every task acknowledged and whose metadata is written: one a job can be restored
 * from.
 *
 * @param directory where its {@code _metadata} and state files are (the external pointer)
 * @param durationMillis from the trigger to the metadata written
 */
public record CompletedCheckpoint(CheckpointMetadata metadata, String directory, long durationMillis) {
    public long checkpointId() {
        return metadata.checkpointId();
    }

    public boolean isSavepoint() {
        return metadata.savepoint();
    }
}
