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
    STOP_SAVEPOINT,
    /**
     * A stop savepoint before whose barrier every source ends event time ({@code floe stop
     * --drain}): every event-time window and timer fires, and its output is in the savepoint.
     */
    DRAIN_SAVEPOINT;

    public boolean isSavepoint() {
        return this != CHECKPOINT;
    }

    /** Whether the tasks finish once it completed. */
    public boolean isStop() {
        return this == STOP_SAVEPOINT || this == DRAIN_SAVEPOINT;
    }
}
