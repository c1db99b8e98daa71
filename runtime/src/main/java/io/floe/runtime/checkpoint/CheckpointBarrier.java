package io.floe.runtime.checkpoint;

import io.floe.runtime.network.RuntimeEvent;
import java.io.Serializable;
import java.util.Objects;

/**
 * Flows with the records from the sources to the sinks and divides them into those before a
 * checkpoint and those after it. Each task snapshots its state once the barrier has arrived on
 * all its inputs (aligned, for exactly-once) and forwards it on all its outputs. A class rather
 * than a record because it extends {@link RuntimeEvent}.
 */
public final class CheckpointBarrier extends RuntimeEvent implements Serializable {
    private static final long serialVersionUID = 1L;

    private final long checkpointId;
    private final long timestamp;
    private final CheckpointType type;
    private final String directory;

    /**
     * @param checkpointId the checkpoint's number in its job, increasing
     * @param timestamp when the JobMaster triggered it, in epoch milliseconds
     * @param type a checkpoint, a savepoint, or a savepoint that stops the job
     * @param directory where every task writes its state files (a savepoint's own directory, too)
     */
    public CheckpointBarrier(long checkpointId, long timestamp, CheckpointType type, String directory) {
        this.checkpointId = checkpointId;
        this.timestamp = timestamp;
        this.type = type;
        this.directory = directory;
    }

    public long checkpointId() {
        return checkpointId;
    }

    public long timestamp() {
        return timestamp;
    }

    public CheckpointType type() {
        return type;
    }

    public String directory() {
        return directory;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CheckpointBarrier barrier
                && barrier.checkpointId == checkpointId
                && barrier.timestamp == timestamp
                && barrier.type == type
                && Objects.equals(barrier.directory, directory);
    }

    @Override
    public int hashCode() {
        return Objects.hash(checkpointId, timestamp, type, directory);
    }

    @Override
    public String toString() {
        return "CheckpointBarrier[checkpointId=" + checkpointId + ", timestamp=" + timestamp + ", type=" + type
                + ", directory=" + directory + "]";
    }
}
