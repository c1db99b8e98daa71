package io.floe.runtime.taskexecutor;

import io.floe.api.JobId;
import io.floe.runtime.checkpoint.CheckpointType;
import io.floe.runtime.deployment.SlotReport;
import io.floe.runtime.deployment.SlotStatus;
import io.floe.runtime.deployment.TaskDeploymentDescriptor;
import io.floe.runtime.types.AllocationId;
import io.floe.runtime.types.ExecutionAttemptId;
import io.floe.runtime.types.ResourceId;
import io.floe.runtime.types.SlotId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TaskManager for unit tests of its peers: it grants every slot request (and reports the slot taken), accepts every
 * task, answers heartbeats until {@link #stopAnsweringHeartbeats()} (as a stalled process does) and records each call
 * in a queue the test takes from. Thread-safe.
 */
public final class TestingTaskExecutorGateway implements TaskExecutorGateway {

    /** One {@code requestSlot} call. */
    public record SlotRequest(
            SlotId slotId, JobId jobId, AllocationId allocationId, String jobMasterAddress, UUID jobMasterId) {}

    public final BlockingQueue<SlotRequest> slotRequests = new LinkedBlockingQueue<>();
    public final BlockingQueue<TaskDeploymentDescriptor> submissions = new LinkedBlockingQueue<>();
    public final BlockingQueue<ExecutionAttemptId> cancellations = new LinkedBlockingQueue<>();
    /** Checkpoint calls, as {@code "trigger 3 <attempt>"}, {@code "confirm 3 <attempt>"}, {@code "abort ..."}. */
    public final BlockingQueue<String> checkpointCalls = new LinkedBlockingQueue<>();

    private final String address;
    private final ResourceId resourceId;
    private final int numberOfSlots;
    private final Map<Integer, SlotStatus> allocated = new ConcurrentHashMap<>();
    private final AtomicInteger unansweredHeartbeats = new AtomicInteger();
    private volatile boolean answeringHeartbeats = true;

    public TestingTaskExecutorGateway(String address, ResourceId resourceId, int numberOfSlots) {
        this.address = address;
        this.resourceId = resourceId;
        this.numberOfSlots = numberOfSlots;
    }

    /** From now on heartbeats get no answer, as from a process that froze. */
    public void stopAnsweringHeartbeats() {
        answeringHeartbeats = false;
    }

    /**
     * How many heartbeats went unanswered. Once one has, the sender has handled every earlier answer: a test that
     * advances a manual clock waits for it first, else a late answer would count as heard at the advanced time.
     */
    public int unansweredHeartbeats() {
        return unansweredHeartbeats.get();
    }

    private <T> CompletableFuture<T> heartbeatAnswer(T payload) {
        if (answeringHeartbeats) {
            return CompletableFuture.completedFuture(payload);
        }
        unansweredHeartbeats.incrementAndGet();
        return new CompletableFuture<>();
    }

    /** Every slot of this TaskManager, free. */
    public SlotReport freeSlots() {
        List<SlotStatus> slots = new ArrayList<>();
        for (int i = 0; i < numberOfSlots; i++) {
            slots.add(new SlotStatus(new SlotId(resourceId, i), null, null));
        }
        return new SlotReport(slots);
    }

    /** The slots as granted by {@code requestSlot} and not freed since. */
    public SlotReport slotReport() {
        List<SlotStatus> slots = new ArrayList<>();
        for (int i = 0; i < numberOfSlots; i++) {
            slots.add(allocated.getOrDefault(i, new SlotStatus(new SlotId(resourceId, i), null, null)));
        }
        return new SlotReport(slots);
    }

    @Override
    public CompletableFuture<Void> requestSlot(
            SlotId slotId, JobId jobId, AllocationId allocationId, String jobMasterAddress, UUID jobMasterId) {
        allocated.put(slotId.index(), new SlotStatus(slotId, jobId, allocationId));
        slotRequests.add(new SlotRequest(slotId, jobId, allocationId, jobMasterAddress, jobMasterId));
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> submitTask(TaskDeploymentDescriptor descriptor, UUID jobMasterId) {
        submissions.add(descriptor);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Boolean> cancelTask(ExecutionAttemptId attemptId) {
        cancellations.add(attemptId);
        return CompletableFuture.completedFuture(true);
    }

    @Override
    public void triggerCheckpoint(
            JobId jobId,
            ExecutionAttemptId attemptId,
            long checkpointId,
            long timestamp,
            CheckpointType type,
            String directory) {
        checkpointCalls.add("trigger " + checkpointId + " " + attemptId);
    }

    @Override
    public void confirmCheckpoint(ExecutionAttemptId attemptId, long checkpointId) {
        checkpointCalls.add("confirm " + checkpointId + " " + attemptId);
    }

    @Override
    public void abortCheckpoint(ExecutionAttemptId attemptId, long checkpointId) {
        checkpointCalls.add("abort " + checkpointId + " " + attemptId);
    }

    @Override
    public CompletableFuture<Void> freeSlot(AllocationId allocationId, String cause) {
        allocated.values().removeIf(slot -> allocationId.equals(slot.allocationId()));
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<SlotReport> heartbeatFromResourceManager(Duration timeout) {
        return heartbeatAnswer(slotReport());
    }

    @Override
    public CompletableFuture<List<RunningTaskReport>> heartbeatFromJobManager(JobId jobId, Duration timeout) {
        return heartbeatAnswer(List.of());
    }

    @Override
    public void disconnectJobManager(JobId jobId, String cause) {}

    @Override
    public CompletableFuture<SlotReport> requestSlotReport() {
        return CompletableFuture.completedFuture(slotReport());
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
