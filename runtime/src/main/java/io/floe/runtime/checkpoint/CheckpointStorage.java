package io.floe.runtime.checkpoint;

import java.io.IOException;

/**
 * Where a job's checkpoints and savepoints are written, with Flink's layout:
 * {@code <checkpoint dir>/<job id>/chk-<n>/} holding {@code _metadata} and the state files, and
 * savepoints in {@code <target dir>/savepoint-<job id prefix>-<random>/}. Implementations do
 * I/O: call them from an I/O thread, never from an endpoint's main thread.
 */
public interface CheckpointStorage {
    /**
     * Creates the job's checkpoint directory, so that a directory the JobManager cannot write is
     * reported before the job runs.
     *
     * @throws IOException naming the directory and the key that set it
     */
    void checkCheckpointDirectory() throws IOException;

    /** Creates the directory of checkpoint {@code checkpointId} and returns its path. */
    String initializeCheckpoint(long checkpointId) throws IOException;

    /** Creates a new savepoint directory under {@code targetDirectory} (or the default one, if null). */
    String initializeSavepoint(String targetDirectory) throws IOException;

    /** Writes {@code _metadata} into {@code directory}, atomically: a reader sees all of it or none. */
    void writeMetadata(String directory, CheckpointMetadata metadata) throws IOException;

    /**
     * Reads the metadata of a checkpoint or savepoint: {@code path} is its directory or its
     * {@code _metadata} file.
     *
     * @throws IOException naming the path if there is nothing there or it is not a checkpoint
     */
    CheckpointMetadata readMetadata(String path) throws IOException;

    /** Deletes a checkpoint's or savepoint's directory with everything in it; quiet if it is gone. */
    void discard(String directory) throws IOException;
}
