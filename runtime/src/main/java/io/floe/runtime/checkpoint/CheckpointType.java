package io.floe.runtime.checkpoint;

/** What a checkpoint is for: recovery, a savepoint the user asked for, or one that also stops the job. */
public enum CheckpointType {
    /** Periodic, owned by Floe: retained, subsumed and deleted as configured. */
    CHECKPOINT,
    /** Owned by the user: never deleted by Floe. */
    SAVEPOINT,
    /**
     * A savepoint after which the sources stop and every task finishes once it completed ({@code
     * floe stop}): nothing after it is committed, so a job restored from it continues exactly once.
     */
    STOP_SAVEPOINT;

    public boolean isSavepoint() {
        return this != CHECKPOINT;
    }
}
