package io.floe.runtime.resourcemanager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.api.JobId;
import io.floe.runtime.deployment.SlotReport;
import io.floe.runtime.deployment.SlotStatus;
import io.floe.runtime.types.AllocationId;
import io.floe.runtime.types.ResourceId;
import io.floe.runtime.types.SlotId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class SlotManagerTest {
    private final JobId job = JobId.generate();
    private final UUID jobMaster = UUID.randomUUID();

    /** Records allocations and answers them as the test decides. */
    private static final class RecordingActions implements SlotManager.Actions {
        final List<SlotId> allocated = new ArrayList<>();
        final List<String> notEnough = new ArrayList<>();
        CompletableFuture<Void> answer = CompletableFuture.completedFuture(null);

        @Override
        public CompletableFuture<Void> allocateSlot(
                SlotId slotId, JobId jobId, AllocationId allocationId, String jobMasterAddress, UUID jobMasterId) {
            allocated.add(slotId);
            return answer;
        }

        @Override
        public void notifyNotEnoughResources(JobId jobId, String address, UUID jobMasterId, int required, int total) {
            notEnough.add(required + "/" + total);
        }
    }

    private static SlotReport freeSlots(ResourceId tm, int count) {
        List<SlotStatus> slots = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            slots.add(new SlotStatus(new SlotId(tm, i), null, null));
        }
        return new SlotReport(slots);
    }

    @Test
    void allocatesFreeSlotsUntilTheRequirementIsMet() {
        RecordingActions actions = new RecordingActions();
        SlotManager slotManager = new SlotManager(actions, 1000);
        ResourceId tm = ResourceId.generate();
        slotManager.registerTaskManager(tm, freeSlots(tm, 3));
        slotManager.declareRequirements(job, "jm", jobMaster, 2, 0);
        slotManager.checkRequirements(0);
        slotManager.checkRequirements(1);
        assertEquals(2, actions.allocated.size());
        assertEquals(1, slotManager.overview().numberOfFreeSlots());
    }

    @Test
    void aFailedAllocationMakesTheSlotFreeAgain() {
        RecordingActions actions = new RecordingActions();
        actions.answer = CompletableFuture.failedFuture(new IllegalStateException("TaskManager refused"));
        SlotManager slotManager = new SlotManager(actions, 1000);
        ResourceId tm = ResourceId.generate();
        slotManager.registerTaskManager(tm, freeSlots(tm, 1));
        slotManager.declareRequirements(job, "jm", jobMaster, 1, 0);
        slotManager.checkRequirements(0);
        assertEquals(1, slotManager.overview().numberOfFreeSlots());
    }

    @Test
    void reportsAJobThatNeedsMoreSlotsThanExistAfterTheGracePeriod() {
        RecordingActions actions = new RecordingActions();
        SlotManager slotManager = new SlotManager(actions, 1000);
        ResourceId tm = ResourceId.generate();
        slotManager.registerTaskManager(tm, freeSlots(tm, 2));
        slotManager.declareRequirements(job, "jm", jobMaster, 4, 0);
        slotManager.checkRequirements(500);
        assertTrue(actions.notEnough.isEmpty(), "within the grace period TaskManagers may still register");
        slotManager.checkRequirements(1000);
        slotManager.checkRequirements(2000);
        assertEquals(List.of("4/2"), actions.notEnough);
    }

    @Test
    void aLostTaskManagerTakesItsSlotsAlong() {
        RecordingActions actions = new RecordingActions();
        SlotManager slotManager = new SlotManager(actions, 1000);
        ResourceId first = ResourceId.generate();
        ResourceId second = ResourceId.generate();
        slotManager.registerTaskManager(first, freeSlots(first, 1));
        slotManager.registerTaskManager(second, freeSlots(second, 1));
        slotManager.unregisterTaskManager(first);
        assertEquals(1, slotManager.overview().numberOfSlots());
        assertEquals(1, slotManager.overview().numberOfTaskManagers());
    }
}
