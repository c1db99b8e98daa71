package io.floe.runtime.resourcemanager;

import io.floe.api.JobId;
import io.floe.runtime.deployment.SlotReport;
import io.floe.runtime.deployment.SlotStatus;
import io.floe.runtime.types.AllocationId;
import io.floe.runtime.types.ResourceId;
import io.floe.runtime.types.SlotId;
import io.floe.runtime.webmonitor.ResourceOverview;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Matches declared slot requirements of jobs to free slots of registered TaskManagers. Jobs declare
 * absolute counts; the SlotManager allocates free slots until each job has what it declared.
 *
 * <p>Standalone (no {@link WorkerActions}): it tells the caller when a job asks for more slots than
 * the whole cluster has. Active (with {@link WorkerActions}, on YARN): it asks for
 * {@code ceil(missing slots / slots per worker)} workers minus those already pending, counts a
 * worker as pending from its request until its TaskManager registers (or it dies first), and
 * releases TaskManagers whose slots all stayed free for longer than the idle timeout while no job
 * is short of slots.
 *
 * <p>Threading: used on the ResourceManager's main thread only; not thread-safe.
 */
final class SlotManager {

    /** What the SlotManager asks of its ResourceManager. */
    interface Actions {
        /** Asks a TaskManager to allocate a slot to a job; fails if the TaskManager refused or is gone. */
        CompletableFuture<Void> allocateSlot(
                SlotId slotId, JobId jobId, AllocationId allocationId, String jobMasterAddress, UUID jobMasterId);

        void notifyNotEnoughResources(JobId jobId, String jobMasterAddress, UUID jobMasterId, int required, int total);
    }

    /** How an active SlotManager starts and stops workers; called on the ResourceManager's main thread. */
    interface WorkerActions {
        /** Asks the cluster manager for one more worker; its TaskManager registers when it is up. */
        void requestWorker();

        /** Stops a registered worker that stayed idle; its slots are already forgotten. */
        void releaseWorker(ResourceId worker);
    }

    /** Settings of an active SlotManager. */
    record ActiveSettings(WorkerActions workers, int slotsPerWorker, long idleTimeoutMillis) {
        ActiveSettings {
            if (slotsPerWorker < 1) {
                throw new IllegalArgumentException(
                        "taskmanager.numberOfTaskSlots must be at least 1, not " + slotsPerWorker);
            }
        }
    }

    private static final class Slot {
        final SlotId id;
        JobId jobId;
        AllocationId allocationId;

        Slot(SlotId id) {
            this.id = id;
        }

        boolean isFree() {
            return allocationId == null;
        }
    }

    private static final class JobRequirement {
        final String jobMasterAddress;
        final UUID jobMasterId;
        final int slots;
        final long declaredAt;
        boolean notifiedNotEnough;

        JobRequirement(String jobMasterAddress, UUID jobMasterId, int slots, long declaredAt) {
            this.jobMasterAddress = jobMasterAddress;
            this.jobMasterId = jobMasterId;
            this.slots = slots;
            this.declaredAt = declaredAt;
        }
    }

    private final Actions actions;
    private final long notEnoughResourcesGraceMillis;
    private final Map<ResourceId, List<Slot>> slotsByTaskManager = new LinkedHashMap<>();
    private final Map<JobId, JobRequirement> requirements = new LinkedHashMap<>();
    /** Null when standalone. */
    private final ActiveSettings active;
    /** Workers requested from the driver whose TaskManager has not registered yet. */
    private int pendingWorkers;
    /** Every worker that ever registered, so a later termination is not taken for a pending one. */
    private final Set<ResourceId> knownWorkers = new HashSet<>();
    /** Since when all slots of a TaskManager are free. */
    private final Map<ResourceId, Long> idleSince = new HashMap<>();

    SlotManager(Actions actions, long notEnoughResourcesGraceMillis) {
        this(actions, notEnoughResourcesGraceMillis, null);
    }

    SlotManager(Actions actions, long notEnoughResourcesGraceMillis, ActiveSettings active) {
        this.actions = actions;
        this.notEnoughResourcesGraceMillis = notEnoughResourcesGraceMillis;
        this.active = active;
    }

    void registerTaskManager(ResourceId id, SlotReport report) {
        if (active != null && knownWorkers.add(id) && pendingWorkers > 0) {
            pendingWorkers--;
        }
        List<Slot> slots = new ArrayList<>();
        for (SlotStatus status : report.slots()) {
            Slot slot = new Slot(status.slotId());
            slot.jobId = status.jobId();
            slot.allocationId = status.allocationId();
            slots.add(slot);
        }
        slotsByTaskManager.put(id, slots);
    }

    void unregisterTaskManager(ResourceId id) {
        slotsByTaskManager.remove(id);
        idleSince.remove(id);
    }

    /**
     * The driver reports that a worker is gone for good. A registered one loses its slots; one that
     * never registered was still pending and no longer is. A replacement is asked for by the next
     * {@link #checkRequirements} if slots are still missing.
     */
    void workerTerminated(ResourceId id) {
        if (knownWorkers.contains(id)) {
            unregisterTaskManager(id);
        } else if (pendingWorkers > 0) {
            pendingWorkers--;
        }
    }

    /** Whether a worker the driver names is one asked for whose TaskManager never registered. */
    boolean isPendingWorker(ResourceId id) {
        return active != null && !knownWorkers.contains(id) && pendingWorkers > 0;
    }

    /** Workers asked for whose TaskManager has not registered yet. */
    int pendingWorkers() {
        return pendingWorkers;
    }

    /** The JobMasters (address, fencing id) that hold slots on a TaskManager. */
    List<Map.Entry<String, UUID>> jobMastersUsing(ResourceId id) {
        List<Map.Entry<String, UUID>> users = new ArrayList<>();
        Set<JobId> seen = new HashSet<>();
        for (Slot slot : slotsByTaskManager.getOrDefault(id, List.of())) {
            JobRequirement requirement = slot.jobId == null ? null : requirements.get(slot.jobId);
            if (requirement != null && seen.add(slot.jobId)) {
                users.add(Map.entry(requirement.jobMasterAddress, requirement.jobMasterId));
            }
        }
        return users;
    }

    /** The JobMasters (address, fencing id) of jobs that have fewer slots than they declared. */
    List<Map.Entry<String, UUID>> jobMastersShortOfSlots() {
        List<Map.Entry<String, UUID>> waiting = new ArrayList<>();
        for (Map.Entry<JobId, JobRequirement> entry : requirements.entrySet()) {
            if (countAllocated(entry.getKey()) < entry.getValue().slots) {
                waiting.add(Map.entry(entry.getValue().jobMasterAddress, entry.getValue().jobMasterId));
            }
        }
        return waiting;
    }

    /** The TaskManager's report is the truth about its slots. */
    void reportSlotStatus(ResourceId id, SlotReport report) {
        List<Slot> slots = slotsByTaskManager.get(id);
        if (slots == null) {
            return;
        }
        for (SlotStatus status : report.slots()) {
            for (Slot slot : slots) {
                if (slot.id.equals(status.slotId()) && !isPendingSameAllocation(slot, status)) {
                    slot.jobId = status.jobId();
                    slot.allocationId = status.allocationId();
                }
            }
        }
    }

    /** A report sent before an allocation request arrived must not undo it. */
    private boolean isPendingSameAllocation(Slot slot, SlotStatus status) {
        return status.isFree() && slot.allocationId != null && pending.contains(slot.allocationId);
    }

    private final Set<AllocationId> pending = new HashSet<>();

    void freeSlot(SlotId slotId, AllocationId allocationId) {
        Slot slot = find(slotId);
        if (slot != null && allocationId.equals(slot.allocationId)) {
            slot.jobId = null;
            slot.allocationId = null;
        }
    }

    void declareRequirements(JobId jobId, String jobMasterAddress, UUID jobMasterId, int slots, long now) {
        if (slots <= 0) {
            requirements.remove(jobId);
            return;
        }
        JobRequirement previous = requirements.get(jobId);
        long since = previous != null && previous.jobMasterId.equals(jobMasterId) ? previous.declaredAt : now;
        requirements.put(jobId, new JobRequirement(jobMasterAddress, jobMasterId, slots, since));
    }

    /**
     * Allocates free slots to jobs short of their requirement. Standalone, it reports jobs that can
     * never be satisfied; active, it requests the workers that are missing and releases idle ones.
     */
    void checkRequirements(long now) {
        int totalMissing = 0;
        for (Map.Entry<JobId, JobRequirement> entry : requirements.entrySet()) {
            JobId jobId = entry.getKey();
            JobRequirement requirement = entry.getValue();
            int missing = requirement.slots - countAllocated(jobId);
            while (missing > 0) {
                Slot free = findFree();
                if (free == null) {
                    break;
                }
                allocate(free, jobId, requirement);
                missing--;
            }
            totalMissing += Math.max(0, missing);
            int total = totalSlots();
            if (active == null
                    && missing > 0
                    && requirement.slots > total
                    && !requirement.notifiedNotEnough
                    && now - requirement.declaredAt >= notEnoughResourcesGraceMillis) {
                requirement.notifiedNotEnough = true;
                actions.notifyNotEnoughResources(
                        jobId, requirement.jobMasterAddress, requirement.jobMasterId, requirement.slots, total);
            }
        }
        if (active != null) {
            requestMissingWorkers(totalMissing);
            releaseIdleWorkers(now, totalMissing);
        }
    }

    private void requestMissingWorkers(int missingSlots) {
        int needed = (missingSlots + active.slotsPerWorker() - 1) / active.slotsPerWorker() - pendingWorkers;
        for (int i = 0; i < needed; i++) {
            pendingWorkers++;
            active.workers().requestWorker();
        }
    }

    private void releaseIdleWorkers(long now, int missingSlots) {
        List<ResourceId> idle = new ArrayList<>();
        for (Map.Entry<ResourceId, List<Slot>> entry : slotsByTaskManager.entrySet()) {
            if (entry.getValue().stream().allMatch(Slot::isFree)) {
                long since = idleSince.computeIfAbsent(entry.getKey(), id -> now);
                if (missingSlots == 0 && now - since >= active.idleTimeoutMillis()) {
                    idle.add(entry.getKey());
                }
            } else {
                idleSince.remove(entry.getKey());
            }
        }
        for (ResourceId id : idle) {
            unregisterTaskManager(id);
            active.workers().releaseWorker(id);
        }
    }

    private void allocate(Slot slot, JobId jobId, JobRequirement requirement) {
        AllocationId allocationId = AllocationId.generate();
        slot.jobId = jobId;
        slot.allocationId = allocationId;
        pending.add(allocationId);
        actions.allocateSlot(slot.id, jobId, allocationId, requirement.jobMasterAddress, requirement.jobMasterId)
                .whenComplete((ok, error) -> {
                    pending.remove(allocationId);
                    if (error != null && allocationId.equals(slot.allocationId)) {
                        slot.jobId = null;
                        slot.allocationId = null;
                    }
                });
    }

    private int countAllocated(JobId jobId) {
        int count = 0;
        for (List<Slot> slots : slotsByTaskManager.values()) {
            for (Slot slot : slots) {
                if (jobId.equals(slot.jobId)) {
                    count++;
                }
            }
        }
        return count;
    }

    private Slot findFree() {
        for (List<Slot> slots : slotsByTaskManager.values()) {
            for (Slot slot : slots) {
                if (slot.isFree()) {
                    return slot;
                }
            }
        }
        return null;
    }

    private Slot find(SlotId id) {
        List<Slot> slots = slotsByTaskManager.get(id.resourceId());
        if (slots == null) {
            return null;
        }
        return slots.stream().filter(s -> s.id.equals(id)).findFirst().orElse(null);
    }

    /** The allocation of a TaskManager's slot by index, or null when free or unknown (for tests). */
    AllocationId allocationOf(ResourceId id, int index) {
        List<Slot> slots = slotsByTaskManager.get(id);
        return slots == null || index >= slots.size() ? null : slots.get(index).allocationId;
    }

    /** {total, free} slots of one TaskManager; zeros when it is unknown. */
    int[] slotCounts(ResourceId id) {
        List<Slot> slots = slotsByTaskManager.get(id);
        if (slots == null) {
            return new int[] {0, 0};
        }
        return new int[] {
            slots.size(), (int) slots.stream().filter(Slot::isFree).count()
        };
    }

    int totalSlots() {
        return slotsByTaskManager.values().stream().mapToInt(List::size).sum();
    }

    Collection<ResourceId> taskManagers() {
        return slotsByTaskManager.keySet();
    }

    ResourceOverview overview() {
        int free = 0;
        for (List<Slot> slots : slotsByTaskManager.values()) {
            for (Slot slot : slots) {
                if (slot.isFree()) {
                    free++;
                }
            }
        }
        return new ResourceOverview(slotsByTaskManager.size(), totalSlots(), free);
    }
}
