package io.floe.runtime.resourcemanager;

import io.floe.api.JobId;
import io.floe.runtime.deployment.SlotReport;
import io.floe.runtime.deployment.TaskExecutorRegistration;
import io.floe.runtime.rpc.FencedRpcGateway;
import io.floe.runtime.types.AllocationId;
import io.floe.runtime.types.ResourceId;
import io.floe.runtime.types.SlotId;
import io.floe.runtime.webmonitor.ResourceOverview;
import io.floe.runtime.webmonitor.TaskManagerInfo;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * The ResourceManager: TaskManagers register here and report their slots; JobMasters declare how
 * many slots they need and the SlotManager assigns free ones. All calls run on its main thread.
 */
public interface ResourceManagerGateway extends FencedRpcGateway<UUID> {
    /** Registers (or re-registers) a TaskManager with its initial slot report. */
    CompletableFuture<Void> registerTaskExecutor(TaskExecutorRegistration registration, SlotReport initialSlotReport);

    /** A JobMaster starts (or stops, with 0) needing {@code slots} slots for its job. */
    CompletableFuture<Void> declareRequiredResources(JobId jobId, String jobMasterAddress, UUID jobMasterId, int slots);

    /** A slot was freed on a TaskManager. */
    void notifySlotAvailable(ResourceId taskManager, SlotId slotId, AllocationId allocationId);

    void disconnectTaskManager(ResourceId taskManager, String cause);

    void disconnectJobManager(JobId jobId, String cause);

    CompletableFuture<ResourceOverview> requestResourceOverview();

    CompletableFuture<List<TaskManagerInfo>> requestTaskManagerInfo();
}
