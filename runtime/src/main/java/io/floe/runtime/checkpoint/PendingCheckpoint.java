package io.floe.runtime.checkpoint;

import io.floe.runtime.types.ExecutionAttemptId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A checkpoint triggered and not yet complete: which subtasks still owe an acknowledgement, and
 * the state of those that gave it. The coordinator's main thread only.
 */
final class PendingCheckpoint {
    final long checkpointId;
    final long triggerTimestamp;
    final boolean savepoint;
    final CheckpointType type;
    final CompletableFuture<CompletedCheckpoint> result = new CompletableFuture<>();

    private final Map<ExecutionAttemptId, CheckpointCoordinator.TaskInCheckpoint> notYetAcknowledged =
            new LinkedHashMap<>();
    private final List<SubtaskCheckpointState> acknowledged = new ArrayList<>();
    private final List<CheckpointCoordinator.TaskInCheckpoint> tasks;
    /** Null until the storage created it. */
    String directory;

    CheckpointCoordinator.Cancellable timeout;
    long latestAckTimestamp;
    /** Every task acknowledged; the metadata is being written. A timeout no longer aborts it. */
    boolean finalizing;

    boolean discarded;

    PendingCheckpoint(
            long checkpointId,
            long triggerTimestamp,
            CheckpointType type,
            List<CheckpointCoordinator.TaskInCheckpoint> tasks) {
        this.checkpointId = checkpointId;
        this.triggerTimestamp = triggerTimestamp;
        this.type = type;
        this.savepoint = type.isSavepoint();
        this.tasks = List.copyOf(tasks);
        for (CheckpointCoordinator.TaskInCheckpoint task : tasks) {
            notYetAcknowledged.put(task.attempt(), task);
        }
    }

    List<CheckpointCoordinator.TaskInCheckpoint> tasks() {
        return tasks;
    }

    /** @return false if {@code attempt} is not a task of this checkpoint or acknowledged already */
    boolean acknowledge(ExecutionAttemptId attempt, TaskStateSnapshot state, long now) {
        CheckpointCoordinator.TaskInCheckpoint task = notYetAcknowledged.remove(attempt);
        if (task == null) {
            return false;
        }
        acknowledged.add(new SubtaskCheckpointState(task.vertex(), task.subtaskIndex(), state));
        latestAckTimestamp = now;
        return true;
    }

    boolean isFullyAcknowledged() {
        return notYetAcknowledged.isEmpty();
    }

    boolean involves(ExecutionAttemptId attempt) {
        return tasks.stream().anyMatch(task -> task.attempt().equals(attempt));
    }

    List<SubtaskCheckpointState> acknowledgedStates() {
        return acknowledged;
    }

    int numberOfAcknowledged() {
        return acknowledged.size();
    }

    long stateSize() {
        return acknowledged.stream().mapToLong(s -> s.state().stateSize()).sum();
    }
}
