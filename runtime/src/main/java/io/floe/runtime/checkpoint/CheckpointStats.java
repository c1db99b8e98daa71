package io.floe.runtime.checkpoint;

/**
 * One checkpoint as the REST API shows it ({@code GET /jobs/:jobid/checkpoints}, Flink's fields).
 *
 * @param status IN_PROGRESS, COMPLETED or FAILED
 * @param endToEndDurationMillis from the trigger to completion or failure; -1 while in progress
 */
public record CheckpointStats(
        long id,
        String status,
        boolean savepoint,
        long triggerTimestamp,
        long latestAckTimestamp,
        long stateSize,
        long endToEndDurationMillis,
        int numSubtasks,
        int numAcknowledgedSubtasks,
        String externalPath,
        String failureMessage) {}
