package io.floe.runtime.checkpoint;

import io.floe.api.JobId;
import java.util.List;

/**
 * The {@code _metadata} file of a completed checkpoint or savepoint: which checkpoint it is and
 * where each subtask's state lies (paths relative to the file's directory). Written as JSON.
 */
public record CheckpointMetadata(
        int version,
        JobId jobId,
        long checkpointId,
        long timestamp,
        boolean savepoint,
        List<SubtaskCheckpointState> subtasks) {
    public static final int CURRENT_VERSION = 1;

    public CheckpointMetadata {
        subtasks = List.copyOf(subtasks);
    }

    public long stateSize() {
        return subtasks.stream().mapToLong(s -> s.state().stateSize()).sum();
    }
}
