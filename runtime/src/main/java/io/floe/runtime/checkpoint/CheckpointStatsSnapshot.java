package io.floe.runtime.checkpoint;

import java.util.List;

/**
 * A job's checkpoint statistics at one moment, for {@code GET /jobs/:jobid/checkpoints} and
 * {@code .../checkpoints/config}.
 *
 * @param history the latest checkpoints and savepoints, newest first, those in progress included
 * @param restored the checkpoint or savepoint the current run started from, or null
 */
public record CheckpointStatsSnapshot(
        long numberOfCompleted,
        long numberOfFailed,
        int numberOfInProgress,
        long numberOfRestored,
        List<CheckpointStats> history,
        RestoredCheckpoint restored,
        CheckpointSettings settings) {

    /** Where a run's state came from. */
    public record RestoredCheckpoint(long id, long restoreTimestamp, boolean savepoint, String externalPath) {}
}
