/**
 * Checkpoints: what travels with the data (the {@link io.floe.runtime.checkpoint.CheckpointBarrier})
 * and, as it is built, what the JobMaster's coordinator and the tasks exchange to take, complete
 * and restore them. The tasks' side of alignment is {@code io.floe.runtime.task.CheckpointBarrierAligner}.
 */
package io.floe.runtime.checkpoint;
