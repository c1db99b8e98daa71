package io.floe.runtime.resourcemanager;

import io.floe.api.JobId;
import io.floe.runtime.deployment.SlotReport;
import io.floe.runtime.deployment.TaskExecutorRegistration;
import io.floe.runtime.deployment.TaskManagerLocation;
import io.floe.runtime.heartbeat.HeartbeatMonitor;
import io.floe.runtime.jobmaster.JobMasterGateway;
import io.floe.runtime.rpc.FencedRpcEndpoint;
import io.floe.runtime.rpc.FencingTokens;
import io.floe.runtime.rpc.RpcService;
import io.floe.runtime.taskexecutor.TaskExecutorGateway;
import io.floe.runtime.types.AllocationId;
import io.floe.runtime.types.ResourceId;
import io.floe.runtime.types.SlotId;
import io.floe.runtime.webmonitor.ResourceOverview;
import io.floe.runtime.webmonitor.TaskManagerInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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
 *
 * <p>With a {@link ResourceManagerDriver} (YARN) the ResourceManager is active: the SlotManager asks
 * the driver for workers when jobs are short of slots and releases idle ones; a worker the driver
 * reports terminated is dropped at once (its JobMasters are told, so they restart their tasks
 * without waiting for a heartbeat timeout). Driver events hop onto the main thread.
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
    /** Null for a standalone cluster. */
    private final ResourceManagerDriver driver;

    /** A standalone ResourceManager: TaskManagers come and go on their own. */
    public ResourceManager(RpcService rpcService, ResourceManagerSettings settings) {
        this(rpcService, settings, null);
    }

    /**
     * @param driver starts and stops workers on a cluster manager; null for a standalone cluster
     */
    public ResourceManager(RpcService rpcService, ResourceManagerSettings settings, ResourceManagerDriver driver) {
        super(rpcService, ENDPOINT_ID, FencingTokens.DEFAULT_LEADER_ID);
        this.settings = settings;
        this.driver = driver;
        SlotManager.ActiveSettings active = driver == null
                ? null
                : new SlotManager.ActiveSettings(
                        new DriverWorkerActions(),
                        settings.slotsPerWorker(),
                        settings.taskManagerTimeout().toMillis());
        this.slotManager = new SlotManager(
                new SlotManagerActions(), settings.notEnoughResourcesGrace().toMillis(), active);
        this.taskManagerHeartbeats = new HeartbeatMonitor<>(
                settings.heartbeatTimeout(),
                getMainThreadExecutor(),
                clock()::millis,
                new TaskManagerHeartbeatListener());
    }

    @Override
    protected void onStart() {
        if (driver != null) {
            try {
                driver.initialize(new DriverEvents());
            } catch (Exception e) {
                throw new IllegalStateException("The resource manager driver could not start: " + e.getMessage(), e);
            }
        }
        LOG.info("ResourceManager started at {}{}", getAddress(), driver == null ? "" : " with an active driver");
        scheduleHeartbeats();
        scheduleRequirementChecks();
    }

    @Override
    protected CompletableFuture<Void> onStop() {
        if (driver != null) {
            driver.terminate();
        }
        return CompletableFuture.completedFuture(null);
    }

    /**
     * Unregisters the application from the cluster manager (no-op when standalone). Any thread; the
     * driver is called on the main thread, and the future completes when it returned.
     */
    public CompletableFuture<Void> deregisterApplication(
            ResourceManagerDriver.ApplicationStatus status, String diagnostics) {
        if (driver == null) {
            return CompletableFuture.completedFuture(null);
        }
        return CompletableFuture.runAsync(
                () -> driver.deregisterApplication(status, diagnostics), getMainThreadExecutor());
    }

    private void scheduleHeartbeats() {
        scheduleRunAsync(
                () -> {
                    taskManagerHeartbeats.heartbeatAll();
                    scheduleHeartbeats();
                },
                settings.heartbeatInterval().toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void scheduleRequirementChecks() {
        scheduleRunAsync(
                () -> {
                    checkRequirements();
                    scheduleRequirementChecks();
                },
                REQUIREMENT_CHECK_INTERVAL_MS,
                TimeUnit.MILLISECONDS);
    }

    private void checkRequirements() {
        slotManager.checkRequirements(clock().millis());
    }

    @Override
    public CompletableFuture<Void> registerTaskExecutor(
            TaskExecutorRegistration registration, SlotReport initialSlotReport) {
        validateRunsInMainThread();
        ResourceId id = registration.location().resourceId();
        return getRpcService()
                .connect(registration.location().rpcAddress(), TaskExecutorGateway.class)
                .thenAcceptAsync(
                        gateway -> {
                            boolean again = taskExecutors.containsKey(id);
                            taskExecutors.put(id, gateway);
                            locations.put(id, registration.location());
                            lastHeartbeats.put(id, clock().millis());
                            slotManager.registerTaskManager(id, initialSlotReport);
                            taskManagerHeartbeats.monitor(id, gateway::heartbeatFromResourceManager);
                            if (driver != null) {
                                driver.workerRegistered(id);
                            }
                            LOG.info(
                                    "{} TaskManager {} at {} with {} slots",
                                    again ? "Re-registered" : "Registered",
                                    id,
                                    registration.location().rpcAddress(),
                                    registration.numberOfSlots());
                            checkRequirements();
                        },
                        getMainThreadExecutor());
    }

    @Override
    public CompletableFuture<Void> declareRequiredResources(
            JobId jobId, String jobMasterAddress, UUID jobMasterId, int slots) {
        validateRunsInMainThread();
        LOG.info("Job {} declares {} required slots", jobId, slots);
        slotManager.declareRequirements(jobId, jobMasterAddress, jobMasterId, slots, clock().millis());
        checkRequirements();
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void notifySlotAvailable(ResourceId taskManager, SlotId slotId, AllocationId allocationId) {
        validateRunsInMainThread();
        slotManager.freeSlot(slotId, allocationId);
        checkRequirements();
    }

    @Override
    public void disconnectTaskManager(ResourceId taskManager, String cause) {
        validateRunsInMainThread();
        if (taskExecutors.containsKey(taskManager)) {
            LOG.info("TaskManager {} disconnected: {}", taskManager, cause);
            removeTaskManager(taskManager);
        }
    }

    @Override
    public void disconnectJobManager(JobId jobId, String cause) {
        validateRunsInMainThread();
        slotManager.declareRequirements(jobId, null, null, 0, clock().millis());
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
            infos.add(new TaskManagerInfo(
                    entry.getKey(),
                    location.rpcAddress(),
                    location.dataHost(),
                    location.dataPort(),
                    lastHeartbeats.getOrDefault(entry.getKey(), 0L),
                    slots[0],
                    slots[1]));
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
            lastHeartbeats.put(target, clock().millis());
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

    /** A worker ended: forget it now and tell its JobMasters, rather than wait for a heartbeat timeout. */
    private void workerTerminated(ResourceId id, String diagnostics) {
        boolean registered = taskExecutors.containsKey(id);
        if (registered) {
            LOG.info("TaskManager {} terminated: {}", id, diagnostics);
            for (Map.Entry<String, UUID> jobMaster : slotManager.jobMastersUsing(id)) {
                getRpcService()
                        .connect(jobMaster.getKey(), jobMaster.getValue(), JobMasterGateway.class)
                        .thenAccept(gateway -> gateway.disconnectTaskManager(id, diagnostics));
            }
            forget(id);
            taskManagerHeartbeats.unmonitor(id);
        } else if (slotManager.isPendingWorker(id)) {
            // it was started for jobs short of slots, and they would otherwise wait for slot.request.timeout
            LOG.warn("A TaskManager ended before it registered: {}", diagnostics);
            for (Map.Entry<String, UUID> jobMaster : slotManager.jobMastersShortOfSlots()) {
                getRpcService()
                        .connect(jobMaster.getKey(), jobMaster.getValue(), JobMasterGateway.class)
                        .thenAccept(gateway -> gateway.notifyWorkerStartFailed(diagnostics));
            }
        }
        slotManager.workerTerminated(id);
        checkRequirements();
    }

    private final class DriverEvents implements ResourceManagerDriver.WorkerEvents {
        @Override
        public void onWorkerTerminated(ResourceId worker, String diagnostics) {
            runAsync(() -> workerTerminated(worker, diagnostics));
        }

        @Override
        public void onError(Throwable error) {
            LOG.error("The resource manager driver failed; no more TaskManagers can be started", error);
        }
    }

    private final class DriverWorkerActions implements SlotManager.WorkerActions {
        @Override
        public void requestWorker() {
            LOG.info("Requesting a new TaskManager ({} pending before this one)", slotManager.pendingWorkers());
            driver.requestWorker();
        }

        @Override
        public void releaseWorker(ResourceId worker) {
            LOG.info("Releasing TaskManager {}: idle for longer than {}", worker, settings.taskManagerTimeout());
            forget(worker);
            taskManagerHeartbeats.unmonitor(worker);
            driver.releaseWorker(worker);
        }
    }

    private final class SlotManagerActions implements SlotManager.Actions {
        @Override
        public CompletableFuture<Void> allocateSlot(
                SlotId slotId, JobId jobId, AllocationId allocationId, String jobMasterAddress, UUID jobMasterId) {
            TaskExecutorGateway gateway = taskExecutors.get(slotId.resourceId());
            if (gateway == null) {
                return CompletableFuture.failedFuture(
                        new IllegalStateException("TaskManager " + slotId.resourceId() + " is gone"));
            }
            LOG.info("Allocating slot {} to job {} ({})", slotId, jobId, allocationId);
            return gateway.requestSlot(slotId, jobId, allocationId, jobMasterAddress, jobMasterId)
                    .whenCompleteAsync(
                            (ok, error) -> {
                                if (error != null) {
                                    LOG.warn("Slot request {} for job {} failed: {}", slotId, jobId, error.toString());
                                }
                            },
                            getMainThreadExecutor());
        }

        @Override
        public void notifyNotEnoughResources(
                JobId jobId, String jobMasterAddress, UUID jobMasterId, int required, int total) {
            LOG.warn("Job {} needs {} slots but the cluster has {} in all", jobId, required, total);
            String detail = taskExecutors.size() + " TaskManager(s) with " + total + " slot(s) in all";
            getRpcService()
                    .connect(jobMasterAddress, jobMasterId, JobMasterGateway.class)
                    .thenAccept(gateway -> gateway.notifyNotEnoughResources(required, total, detail));
        }
    }

    /**
     * Settings of the ResourceManager.
     *
     * @param slotsPerWorker slots of each worker an active ResourceManager starts
     * @param taskManagerTimeout how long an active ResourceManager keeps a TaskManager whose slots are all free
     */
    public record ResourceManagerSettings(
            Duration heartbeatInterval,
            Duration heartbeatTimeout,
            Duration notEnoughResourcesGrace,
            int slotsPerWorker,
            Duration taskManagerTimeout) {

        /** Standalone settings: no workers are started or released. */
        public ResourceManagerSettings(
                Duration heartbeatInterval, Duration heartbeatTimeout, Duration notEnoughResourcesGrace) {
            this(heartbeatInterval, heartbeatTimeout, notEnoughResourcesGrace, 1, Duration.ofSeconds(30));
        }
    }
}
