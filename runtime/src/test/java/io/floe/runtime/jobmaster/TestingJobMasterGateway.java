package io.floe.runtime.jobmaster;

import io.floe.api.JobStatus;
import io.floe.runtime.checkpoint.CheckpointStatsSnapshot;
import io.floe.runtime.checkpoint.TaskStateSnapshot;
import io.floe.runtime.deployment.SlotOffer;
import io.floe.runtime.deployment.TaskExecutionState;
import io.floe.runtime.deployment.TaskManagerLocation;
import io.floe.runtime.types.AllocationId;
import io.floe.runtime.types.ExecutionAttemptId;
import io.floe.runtime.types.ResourceId;
import io.floe.runtime.webmonitor.JobDetailsInfo;
import io.floe.runtime.webmonitor.JobExceptionsInfo;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A JobMaster for unit tests of its peers: it accepts every TaskManager and every slot offered, and records each call
 * in a queue the test takes from. Thread-safe.
 */
public final class TestingJobMasterGateway implements JobMasterGateway {

    public final BlockingQueue<TaskManagerLocation> registrations = new LinkedBlockingQueue<>();
    public final BlockingQueue<List<SlotOffer>> offers = new LinkedBlockingQueue<>();
    public final BlockingQueue<TaskExecutionState> taskStates = new LinkedBlockingQueue<>();
    public final BlockingQueue<ResourceId> disconnectedTaskManagers = new LinkedBlockingQueue<>();
    public final BlockingQueue<Long> acknowledgedCheckpoints = new LinkedBlockingQueue<>();
    /** The reasons of declined checkpoints, prefixed with the checkpoint id ({@code "3: ..."}). */
    public final BlockingQueue<String> declinedCheckpoints = new LinkedBlockingQueue<>();

    private final String address;
    private final UUID jobMasterId;

    public TestingJobMasterGateway(String address, UUID jobMasterId) {
        this.address = address;
        this.jobMasterId = jobMasterId;
    }

    @Override
    public CompletableFuture<Void> registerTaskManager(TaskManagerLocation location) {
        registrations.add(location);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<List<AllocationId>> offerSlots(ResourceId taskManager, List<SlotOffer> offered) {
        offers.add(offered);
        return CompletableFuture.completedFuture(
                offered.stream().map(SlotOffer::allocationId).toList());
    }

    @Override
    public CompletableFuture<Void> updateTaskExecutionState(TaskExecutionState state) {
        taskStates.add(state);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void disconnectTaskManager(ResourceId taskManager, String cause) {
        disconnectedTaskManagers.add(taskManager);
    }

    @Override
    public void notifyNotEnoughResources(int requiredSlots, int totalSlots, String detail) {}

    @Override
    public void notifyWorkerStartFailed(String description) {}

    @Override
    public void acknowledgeCheckpoint(ExecutionAttemptId attemptId, long checkpointId, TaskStateSnapshot state) {
        acknowledgedCheckpoints.add(checkpointId);
    }

    @Override
    public void declineCheckpoint(
            ExecutionAttemptId attemptId, long checkpointId, String reason, boolean countsAsFailure) {
        declinedCheckpoints.add(checkpointId + ": " + reason);
    }

    @Override
    public void taskReachedEndOfInput(ExecutionAttemptId attemptId, long lastCheckpointTaken) {}

    @Override
    public CompletableFuture<String> triggerSavepoint(String targetDirectory, boolean cancelJob) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("not faked"));
    }

    @Override
    public CompletableFuture<String> stopWithSavepoint(String targetDirectory, boolean drain) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("not faked"));
    }

    @Override
    public CompletableFuture<CheckpointStatsSnapshot> requestCheckpointStats() {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("not faked"));
    }

    @Override
    public CompletableFuture<JobStatus> requestJobStatus() {
        return CompletableFuture.completedFuture(JobStatus.RUNNING);
    }

    @Override
    public CompletableFuture<Void> cancel() {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<JobDetailsInfo> requestJobDetails() {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("not faked"));
    }

    @Override
    public CompletableFuture<JobExceptionsInfo> requestJobExceptions() {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("not faked"));
    }

    @Override
    public CompletableFuture<List<Long>> requestVertexWatermarks(String vertexId) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("not faked"));
    }

    @Override
    public UUID getFencingToken() {
        return jobMasterId;
    }

    @Override
    public String getAddress() {
        return address;
    }

    @Override
    public String getHostname() {
        return address.substring(0, address.indexOf(':'));
    }
}
