package io.floe.runtime.resourcemanager;

import io.floe.api.JobId;
import io.floe.runtime.heartbeat.HeartbeatMonitor;
import io.floe.runtime.jobmaster.JobMasterGateway;
import io.floe.runtime.messages.ResourceOverview;
import io.floe.runtime.messages.SlotReport;
import io.floe.runtime.messages.TaskExecutorRegistration;
import io.floe.runtime.messages.TaskManagerInfo;
import io.floe.runtime.messages.TaskManagerLocation;
import java.util.ArrayList;
import java.util.List;
import io.floe.runtime.rpc.FencedRpcEndpoint;
import io.floe.runtime.rpc.RpcService;
import io.floe.runtime.taskexecutor.TaskExecutorGateway;
import io.floe.runtime.types.AllocationId;
import io.floe.runtime.types.FencingTokens;
import io.floe.runtime.types.ResourceId;
import io.floe.runtime.types.SlotId;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps track of TaskManagers and their slots, heartbeats them, and hands slots to jobs through the
 * {@link SlotManager}. A TaskManager that stops answering heartbeats is declared dead and its slots
 * disappear. Runs on its own main thread; the well-known fencing token applies without HA.
 */
public class ResourceManager extends FencedRpcEndpoint<UUID> implements ResourceManagerGateway {
    public static final String ENDPOINT_ID = "resourcemanager";
    private static final Logger LOG = LoggerFactory.getLogger(ResourceManager.class);
    private static final long REQUIREMENT_CHECK_INTERVAL_MS = 500;

    private final ResourceManagerSettings settings;
    private final SlotManager slotManager;
    private final Map<ResourceId, TaskExecutorGateway> taskExecutors = new HashMap<>();
    private final Map<ResourceId, TaskManagerLocation> locations = new HashMap<>();
    private final Map<ResourceId, Long> lastHeartbeats = new HashMap<>();
    private final HeartbeatMonitor<ResourceId, SlotReport> taskManagerHeartbeats;

    public ResourceManager(RpcService rpcService, ResourceManagerSettings settings) {
        super(rpcService, ENDPOINT_ID, FencingTokens.DEFAULT_LEADER_ID);
        this.settings = settings;
        this.slotManager = new SlotManager(new SlotManagerActions(), settings.notEnoughResourcesGrace().toMillis());
        this.taskManagerHeartbeats = new HeartbeatMonitor<>(settings.heartbeatTimeout(), getMainThreadExecutor(),
                System::currentTimeMillis, new TaskManagerHeartbeatListener());
    }

    @Override
    protected void onStart() {
        LOG.info("ResourceManager started at {}", getAddress());
        scheduleHeartbeats();
        scheduleRequirementChecks();
    }

    private void scheduleHeartbeats() {
        scheduleRunAsync(() -> {
            taskManagerHeartbeats.heartbeatAll();
            scheduleHeartbeats();
        }, settings.heartbeatInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void scheduleRequirementChecks() {
        scheduleRunAsync(() -> {
            checkRequirements();
            scheduleRequirementChecks();
        }, REQUIREMENT_CHECK_INTERVAL_MS, TimeUnit.MILLISECONDS);
    }

    private void checkRequirements() {
        slotManager.checkRequirements(System.currentTimeMillis());
    }

    @Override
    public CompletableFuture<Void> registerTaskExecutor(TaskExecutorRegistration registration, SlotReport initialSlotReport) {
        ResourceId id = registration.location().resourceId();
        return getRpcService().connect(registration.location().rpcAddress(), TaskExecutorGateway.class)
                .thenAcceptAsync(gateway -> {
                    boolean again = taskExecutors.containsKey(id);
                    taskExecutors.put(id, gateway);
                    locations.put(id, registration.location());
                    lastHeartbeats.put(id, System.currentTimeMillis());
                    slotManager.registerTaskManager(id, initialSlotReport);
                    taskManagerHeartbeats.monitor(id, gateway::heartbeatFromResourceManager);
                    LOG.info("{} TaskManager {} at {} with {} slots", again ? "Re-registered" : "Registered", id,
                            registration.location().rpcAddress(), registration.numberOfSlots());
                    checkRequirements();
                }, getMainThreadExecutor());
    }

    @Override
    public CompletableFuture<Void> declareRequiredResources(JobId jobId, String jobMasterAddress, UUID jobMasterId, int slots) {
        LOG.info("Job {} declares {} required slots", jobId, slots);
        slotManager.declareRequirements(jobId, jobMasterAddress, jobMasterId, slots, System.currentTimeMillis());
        checkRequirements();
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void notifySlotAvailable(ResourceId taskManager, SlotId slotId, AllocationId allocationId) {
        slotManager.freeSlot(slotId, allocationId);
        checkRequirements();
    }

    @Override
    public void disconnectTaskManager(ResourceId taskManager, String cause) {
        if (taskExecutors.containsKey(taskManager)) {
            LOG.info("TaskManager {} disconnected: {}", taskManager, cause);
            removeTaskManager(taskManager);
        }
    }

    @Override
    public void disconnectJobManager(JobId jobId, String cause) {
        slotManager.declareRequirements(jobId, null, null, 0, System.currentTimeMillis());
    }

    @Override
    public CompletableFuture<ResourceOverview> requestResourceOverview() {
        return CompletableFuture.completedFuture(slotManager.overview());
    }

    @Override
    public CompletableFuture<List<TaskManagerInfo>> requestTaskManagerInfo() {
        List<TaskManagerInfo> infos = new ArrayList<>();
        for (Map.Entry<ResourceId, TaskManagerLocation> entry : locations.entrySet()) {
            TaskManagerLocation location = entry.getValue();
            int[] slots = slotManager.slotCounts(entry.getKey());
            infos.add(new TaskManagerInfo(entry.getKey(), location.rpcAddress(), location.dataHost(), location.dataPort(),
                    lastHeartbeats.getOrDefault(entry.getKey(), 0L), slots[0], slots[1]));
        }
        return CompletableFuture.completedFuture(infos);
    }

    private void forget(ResourceId id) {
        taskExecutors.remove(id);
        locations.remove(id);
        lastHeartbeats.remove(id);
    }

    private void removeTaskManager(ResourceId id) {
        forget(id);
        taskManagerHeartbeats.unmonitor(id);
        slotManager.unregisterTaskManager(id);
        checkRequirements();
    }

    private final class TaskManagerHeartbeatListener implements HeartbeatMonitor.Listener<ResourceId, SlotReport> {
        @Override
        public void onPayload(ResourceId target, SlotReport payload) {
            lastHeartbeats.put(target, System.currentTimeMillis());
            slotManager.reportSlotStatus(target, payload);
        }

        @Override
        public void onTargetDead(ResourceId target, String reason) {
            LOG.warn("TaskManager {} is declared dead by the ResourceManager: {}", target, reason);
            forget(target);
            slotManager.unregisterTaskManager(target);
            checkRequirements();
        }
    }

    private final class SlotManagerActions implements SlotManager.Actions {
        @Override
        public CompletableFuture<Void> allocateSlot(SlotId slotId, JobId jobId, AllocationId allocationId,
                String jobMasterAddress, UUID jobMasterId) {
            TaskExecutorGateway gateway = taskExecutors.get(slotId.resourceId());
            if (gateway == null) {
                return CompletableFuture.failedFuture(new IllegalStateException("TaskManager " + slotId.resourceId() + " is gone"));
            }
            LOG.info("Allocating slot {} to job {} ({})", slotId, jobId, allocationId);
            return gateway.requestSlot(slotId, jobId, allocationId, jobMasterAddress, jobMasterId)
                    .whenCompleteAsync((ok, error) -> {
                        if (error != null) {
                            LOG.warn("Slot request {} for job {} failed: {}", slotId, jobId, error.toString());
                        }
                    }, getMainThreadExecutor());
        }

        @Override
        public void notifyNotEnoughResources(JobId jobId, String jobMasterAddress, UUID jobMasterId, int required, int total) {
            LOG.warn("Job {} needs {} slots but the cluster has {} in all", jobId, required, total);
            String detail = taskExecutors.size() + " TaskManager(s) with " + total + " slot(s) in all";
            getRpcService().connect(jobMasterAddress, jobMasterId, JobMasterGateway.class)
                    .thenAccept(gateway -> gateway.notifyNotEnoughResources(required, total, detail));
        }
    }

    /** Timing settings of the ResourceManager. */
    public record ResourceManagerSettings(Duration heartbeatInterval, Duration heartbeatTimeout, Duration notEnoughResourcesGrace) {}
}
