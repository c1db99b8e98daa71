package io.floe.runtime.highavailability;

import io.floe.api.JobId;
import java.io.IOException;

/**
 * Where each job's latest completed checkpoint is, kept durably beside the job graphs, so that the
 * next JobManager (a new YARN application attempt) restores a recovered job from it instead of
 * running it from scratch. A checkpoint is recorded here before any task hears that it completed
 * (a sink that commits on that news never commits output that the recovered job produces again)
 * and before the checkpoints it subsumes are deleted. Implementations are thread-safe and block on
 * I/O: call them from an I/O thread.
 */
public interface CompletedCheckpointStore {
    /** No store: jobs are not recovered by another JobManager (no {@code high-availability.storageDir}). */
    CompletedCheckpointStore NONE = new CompletedCheckpointStore() {
        @Override
        public void add(JobId jobId, long checkpointId, String directory) {}

        @Override
        public String latest(JobId jobId) {
            return null;
        }

        @Override
        public void remove(JobId jobId) {}

        @Override
        public String toString() {
            return "no completed-checkpoint store";
        }
    };

    /** Records that checkpoint {@code checkpointId} of the job completed in {@code directory}; durable on return. */
    void add(JobId jobId, long checkpointId, String directory) throws IOException;

    /** The directory of the job's latest recorded checkpoint, or null if none was recorded. */
    String latest(JobId jobId) throws IOException;

    /** Forgets the job's checkpoints (the job ended for good); the checkpoints themselves stay where they are. */
    void remove(JobId jobId) throws IOException;

    /**
     * Confirms that this JobManager may still change the job's checkpoints: it is called before a
     * checkpoint's metadata is written and before a checkpoint is deleted, so that a deposed leader
     * neither overwrites nor deletes what its successor restored from or wrote. Blocks on I/O. Nothing
     * to confirm by default (one JobManager).
     *
     * @throws LeadershipLostException if this JobManager no longer leads
     */
    default void confirmLeadership() throws LeadershipLostException {}
}
