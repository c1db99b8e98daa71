package io.floe.runtime.checkpoint;

import io.floe.runtime.network.RuntimeEvent;
import java.io.Serializable;

/**
 * Flows with the records from the sources to the sinks and divides them into those before a
 * checkpoint and those after it. Each task snapshots its state once the barrier has arrived on
 * all its inputs (aligned, for exactly-once) and forwards it on all its outputs.
 *
 * @param checkpointId the checkpoint's number in its job, increasing
 * @param timestamp when the JobMaster triggered it, in epoch milliseconds
 * @param type a checkpoint, a savepoint, or a savepoint that stops the job
 * @param directory where every task writes its state files (a savepoint's own directory, too)
 */
public record CheckpointBarrier(long checkpointId, long timestamp, CheckpointType type, String directory)
        implements Serializable, RuntimeEvent {}
