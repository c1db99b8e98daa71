package io.floe.api.state;

/**
 * Hears when a checkpoint the function took part in completed: the moment to make its effects
 * visible (a transactional sink commits here). Called on the task's thread; a checkpoint may be
 * skipped (a later one completes instead) but never reported twice.
 */
public interface CheckpointListener {
    void notifyCheckpointComplete(long checkpointId) throws Exception;

    /** The checkpoint was given up; what was prepared for it can be dropped. */
    default void notifyCheckpointAborted(long checkpointId) throws Exception {}
}
