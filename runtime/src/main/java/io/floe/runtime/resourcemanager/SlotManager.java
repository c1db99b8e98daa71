package io.floe.runtime.resourcemanager;

import io.floe.api.JobId;
import io.floe.runtime.messages.ResourceOverview;
import io.floe.runtime.messages.SlotReport;
import io.floe.runtime.messages.SlotStatus;
import io.floe.runtime.types.AllocationId;
import io.floe.runtime.types.ResourceId;
import io.floe.runtime.types.SlotId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Matches declared slot requirements of jobs to free slots of registered TaskManagers. Jobs declare
 * absolute counts; the SlotManager allocates free slots until each job has what it declared and
 * tells the caller when a job asks for more slots than the whole cluster has. Used on the
 * ResourceManager's main thread only.
 */
final class SlotManager {

    /** What the SlotManager asks of its ResourceManager. */
    interface Actions {
        /** Asks a TaskManager to allocate a slot to a job; fails if the TaskManager refused or is gone. */
        CompletableFuture<Void> allocateSlot(SlotId slotId, JobId jobId, AllocationId allocationId, String jobMasterAddress,
                UUID jobMasterId);

        void notifyNotEnoughResources(JobId jobId, String jobMasterAddress, UUID jobMasterId, int required, int total);
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

    SlotManager(Actions actions, long notEnoughResourcesGraceMillis) {
        this.actions = actions;
        this.notEnoughResourcesGraceMillis = notEnoughResourcesGraceMillis;
    }

    void registerTaskManager(ResourceId id, SlotReport report) {
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
    }

    boolean isRegistered(ResourceId id) {
        return slotsByTaskManager.containsKey(id);
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

    private final java.util.Set<AllocationId> pending = new java.util.HashSet<>();

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

    /** Allocates free slots to jobs short of their requirement; reports jobs that can never be satisfied. */
    void checkRequirements(long now) {
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
            int total = totalSlots();
            if (missing > 0 && requirement.slots > total && !requirement.notifiedNotEnough
                    && now - requirement.declaredAt >= notEnoughResourcesGraceMillis) {
                requirement.notifiedNotEnough = true;
                actions.notifyNotEnoughResources(jobId, requirement.jobMasterAddress, requirement.jobMasterId,
                        requirement.slots, total);
            }
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

    /** {total, free} slots of one TaskManager; zeros when it is unknown. */
    int[] slotCounts(ResourceId id) {
        List<Slot> slots = slotsByTaskManager.get(id);
        if (slots == null) {
            return new int[] {0, 0};
        }
        return new int[] {slots.size(), (int) slots.stream().filter(Slot::isFree).count()};
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
