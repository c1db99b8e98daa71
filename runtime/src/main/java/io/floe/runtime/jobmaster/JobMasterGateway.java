package io.floe.runtime.jobmaster;

import io.floe.api.JobStatus;
import io.floe.runtime.checkpoint.CheckpointStatsSnapshot;
import io.floe.runtime.checkpoint.TaskStateSnapshot;
import io.floe.runtime.deployment.SlotOffer;
import io.floe.runtime.deployment.TaskExecutionState;
import io.floe.runtime.deployment.TaskManagerLocation;
import io.floe.runtime.rpc.FencedRpcGateway;
import io.floe.runtime.types.AllocationId;
import io.floe.runtime.types.ExecutionAttemptId;
import io.floe.runtime.types.ResourceId;
import io.floe.runtime.webmonitor.JobDetailsInfo;
import io.floe.runtime.webmonitor.JobExceptionsInfo;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * The JobMaster of one job run; fenced by that run's JobMaster id, so TaskManagers still talking
 * to an earlier run are refused.
 */
public interface JobMasterGateway extends FencedRpcGateway<UUID> {
    CompletableFuture<Void> registerTaskManager(TaskManagerLocation location);

    /** Returns the offers the JobMaster accepted; the TaskManager frees the others. */
    CompletableFuture<List<AllocationId>> offerSlots(ResourceId taskManager, List<SlotOffer> offers);

    CompletableFuture<Void> updateTaskExecutionState(TaskExecutionState state);

    void disconnectTaskManager(ResourceId taskManager, String cause);

    /** The ResourceManager cannot give the job the slots it needs, and never will without more TaskManagers. */
    void notifyNotEnoughResources(int requiredSlots, int totalSlots, String detail);

    /**
     * A TaskManager the ResourceManager started because jobs were short of slots ended before it
     * registered; {@code description} names the container, its node and why it ended. A job still
     * waiting for slots takes it as a failure: recorded in its exception history, then a restart
     * as its restart strategy allows, else the job fails.
     */
    void notifyWorkerStartFailed(String description);

    /** A subtask took its part of checkpoint {@code checkpointId}; {@code state} describes the files it wrote. */
    void acknowledgeCheckpoint(ExecutionAttemptId attemptId, long checkpointId, TaskStateSnapshot state);

    /**
     * A subtask could not take its part of checkpoint {@code checkpointId}, which is aborted.
     *
     * @param countsAsFailure false when the checkpoint just could not happen now (the task ended, an
     *     alignment was overtaken): it does not count towards the tolerable checkpoint failures
     */
    void declineCheckpoint(ExecutionAttemptId attemptId, long checkpointId, String reason, boolean countsAsFailure);

    /**
     * A subtask's input ended: it finishes once a checkpoint taken from now on, numbered above
     * {@code lastCheckpointTaken} (-1: none yet), completed.
     */
    void taskReachedEndOfInput(ExecutionAttemptId attemptId, long lastCheckpointTaken);

    /**
     * Takes a savepoint into {@code targetDirectory} (null: {@code state.savepoints.dir}) and
     * answers its path; then cancels the job if {@code cancelJob}.
     */
    CompletableFuture<String> triggerSavepoint(String targetDirectory, boolean cancelJob);

    /** Takes a savepoint after which the job finishes (FINISHED); answers its path. */
    /**
     * Takes a savepoint after which the job finishes (FINISHED); answers its path. With {@code
     * drain} the sources end event time first, so every window and event-time timer fires.
     */
    CompletableFuture<String> stopWithSavepoint(String targetDirectory, boolean drain);

    CompletableFuture<CheckpointStatsSnapshot> requestCheckpointStats();

    CompletableFuture<JobStatus> requestJobStatus();

    CompletableFuture<Void> cancel();

    CompletableFuture<JobDetailsInfo> requestJobDetails();

    CompletableFuture<JobExceptionsInfo> requestJobExceptions();

    /**
     * The input watermark of each subtask of vertex {@code vertexId}, by subtask index, as of the
     * TaskManagers' last heartbeats (Long.MIN_VALUE: none yet); fails naming the id when the job
     * has no such vertex.
     */
    CompletableFuture<List<Long>> requestVertexWatermarks(String vertexId);
}
