package io.floe.runtime.taskexecutor;

import io.floe.api.JobId;
import io.floe.runtime.checkpoint.CheckpointType;
import io.floe.runtime.deployment.SlotReport;
import io.floe.runtime.deployment.TaskDeploymentDescriptor;
import io.floe.runtime.rpc.RpcGateway;
import io.floe.runtime.rpc.RpcTimeout;
import io.floe.runtime.types.AllocationId;
import io.floe.runtime.types.ExecutionAttemptId;
import io.floe.runtime.types.SlotId;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * A TaskManager's TaskExecutor. Calls from JobMasters carry the JobMaster id of the run they
 * belong to and are refused when it does not match the one the slot was allocated for.
 */
public interface TaskExecutorGateway extends RpcGateway {
    /** The ResourceManager allocates a slot to a job; the TaskExecutor then offers it to the job's JobMaster. */
    CompletableFuture<Void> requestSlot(
            SlotId slotId, JobId jobId, AllocationId allocationId, String jobMasterAddress, UUID jobMasterId);

    CompletableFuture<Void> submitTask(TaskDeploymentDescriptor descriptor, UUID jobMasterId);

    /**
     * Starts cancelling the task; the answer is whether this TaskExecutor runs it (false: it never
     * received it, or it has ended and reported its final state already).
     */
    CompletableFuture<Boolean> cancelTask(ExecutionAttemptId attemptId);

    CompletableFuture<Void> freeSlot(AllocationId allocationId, String cause);

    /**
     * A source subtask takes checkpoint {@code checkpointId} of the given {@code type}: it
     * sends the barrier downstream, and every subtask writes its state into {@code directory}. A
     * subtask not running here declines it.
     */
    void triggerCheckpoint(
            JobId jobId,
            ExecutionAttemptId attemptId,
            long checkpointId,
            long timestamp,
            CheckpointType type,
            String directory);

    /** Checkpoint {@code checkpointId} completed: the subtask's sinks commit what it covers. */
    void confirmCheckpoint(ExecutionAttemptId attemptId, long checkpointId);

    /** Checkpoint {@code checkpointId} was aborted. */
    void abortCheckpoint(ExecutionAttemptId attemptId, long checkpointId);

    /** Heartbeat from the ResourceManager; answers with the slot report. */
    CompletableFuture<SlotReport> heartbeatFromResourceManager(@RpcTimeout Duration timeout);

    /** Heartbeat from a JobMaster; answers with the tasks of that job running here and their input watermarks. */
    CompletableFuture<List<RunningTaskReport>> heartbeatFromJobManager(JobId jobId, @RpcTimeout Duration timeout);

    void disconnectJobManager(JobId jobId, String cause);

    /** The current state of every slot (for the REST API and for tests). */
    CompletableFuture<SlotReport> requestSlotReport();
}
