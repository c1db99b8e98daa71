package io.floe.runtime.resourcemanager;

import io.floe.api.JobId;
import io.floe.runtime.deployment.SlotReport;
import io.floe.runtime.deployment.TaskExecutorRegistration;
import io.floe.runtime.rpc.FencingTokens;
import io.floe.runtime.types.AllocationId;
import io.floe.runtime.types.ResourceId;
import io.floe.runtime.types.SlotId;
import io.floe.runtime.webmonitor.ResourceOverview;
import io.floe.runtime.webmonitor.TaskManagerInfo;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A ResourceManager for unit tests of its peers: it accepts every registration and records each call in a queue the
 * test takes from. Thread-safe.
 */
public final class TestingResourceManagerGateway implements ResourceManagerGateway {

    /** One {@code declareRequiredResources} call. */
    public record Declaration(JobId jobId, String jobMasterAddress, UUID jobMasterId, int slots) {}

    /** One {@code notifySlotAvailable} call. */
    public record FreedSlot(ResourceId taskManager, SlotId slotId, AllocationId allocationId) {}

    public final BlockingQueue<TaskExecutorRegistration> registrations = new LinkedBlockingQueue<>();
    public final BlockingQueue<Declaration> declarations = new LinkedBlockingQueue<>();
    public final BlockingQueue<FreedSlot> freedSlots = new LinkedBlockingQueue<>();
    public final BlockingQueue<ResourceId> disconnectedTaskManagers = new LinkedBlockingQueue<>();
    private final String address;

    public TestingResourceManagerGateway(String address) {
        this.address = address;
    }

    @Override
    public CompletableFuture<Void> registerTaskExecutor(TaskExecutorRegistration registration, SlotReport report) {
        registrations.add(registration);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> declareRequiredResources(
            JobId jobId, String jobMasterAddress, UUID jobMasterId, int slots) {
        declarations.add(new Declaration(jobId, jobMasterAddress, jobMasterId, slots));
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void notifySlotAvailable(ResourceId taskManager, SlotId slotId, AllocationId allocationId) {
        freedSlots.add(new FreedSlot(taskManager, slotId, allocationId));
    }

    @Override
    public void disconnectTaskManager(ResourceId taskManager, String cause) {
        disconnectedTaskManagers.add(taskManager);
    }

    @Override
    public void disconnectJobManager(JobId jobId, String cause) {}

    @Override
    public CompletableFuture<ResourceOverview> requestResourceOverview() {
        return CompletableFuture.completedFuture(new ResourceOverview(0, 0, 0));
    }

    @Override
    public CompletableFuture<List<TaskManagerInfo>> requestTaskManagerInfo() {
        return CompletableFuture.completedFuture(List.of());
    }

    @Override
    public UUID getFencingToken() {
        return FencingTokens.DEFAULT_LEADER_ID;
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
