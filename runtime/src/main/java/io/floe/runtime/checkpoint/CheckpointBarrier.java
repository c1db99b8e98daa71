package io.floe.runtime.checkpoint;

import java.io.Serializable;

/**
 * Flows with the records from the sources to the sinks and divides them into those before a
 * checkpoint and those after it. Each task snapshots its state once the barrier has arrived on
 * all its inputs (aligned, for exactly-once) and forwards it on all its outputs.
 *
 * @param checkpointId the checkpoint's number in its job, increasing
 * @param timestamp when the JobMaster triggered it, in epoch milliseconds
 * @param savepoint whether the checkpoint is a savepoint the user asked for
 */
public record CheckpointBarrier(long checkpointId, long timestamp, boolean savepoint) implements Serializable {}
