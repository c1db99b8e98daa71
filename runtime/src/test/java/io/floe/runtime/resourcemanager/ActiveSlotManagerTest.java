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
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The SlotManager with a worker pool behind it (YARN): it starts workers for missing slots and releases idle ones. */
class ActiveSlotManagerTest {
    private static final long IDLE_TIMEOUT = 30_000;
    private final JobId job = JobId.generate();
    private final UUID jobMaster = UUID.randomUUID();

    /** A hand-written worker pool: counts requests and remembers releases. */
    private static final class TestingWorkers implements SlotManager.WorkerActions {
        int requested;
        final List<ResourceId> released = new ArrayList<>();

        @Override
        public void requestWorker() {
            requested++;
        }

        @Override
        public void releaseWorker(ResourceId worker) {
            released.add(worker);
        }
    }

    private static final class AcceptingActions implements SlotManager.Actions {
        final List<SlotId> allocated = new ArrayList<>();
        final List<String> notEnough = new ArrayList<>();

        @Override
        public CompletableFuture<Void> allocateSlot(
                SlotId slotId, JobId jobId, AllocationId allocationId, String jobMasterAddress, UUID jobMasterId) {
            allocated.add(slotId);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void notifyNotEnoughResources(JobId jobId, String address, UUID jobMasterId, int required, int total) {
            notEnough.add(required + "/" + total);
        }
    }

    private final TestingWorkers workers = new TestingWorkers();
    private final AcceptingActions actions = new AcceptingActions();

    private SlotManager slotManager(int slotsPerWorker) {
        return new SlotManager(actions, 1000, new SlotManager.ActiveSettings(workers, slotsPerWorker, IDLE_TIMEOUT));
    }

    private static SlotReport freeSlots(ResourceId tm, int count) {
        List<SlotStatus> slots = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            slots.add(new SlotStatus(new SlotId(tm, i), null, null));
        }
        return new SlotReport(slots);
    }

    @Test
    void requestsEnoughWorkersForTheMissingSlotsOnce() {
        SlotManager slotManager = slotManager(2);
        slotManager.declareRequirements(job, "jm", jobMaster, 5, 0);
        slotManager.checkRequirements(0);
        assertEquals(3, workers.requested, "ceil(5 / 2) workers");
        slotManager.checkRequirements(10);
        slotManager.checkRequirements(5_000);
        assertEquals(3, workers.requested, "pending workers count as coming");
        assertEquals(3, slotManager.pendingWorkers());
        assertTrue(actions.notEnough.isEmpty(), "an active cluster waits for its workers instead of failing the job");
    }

    @Test
    void aRegisteredWorkerIsNoLongerPendingAndGetsTheSlots() {
        SlotManager slotManager = slotManager(2);
        slotManager.declareRequirements(job, "jm", jobMaster, 2, 0);
        slotManager.checkRequirements(0);
        ResourceId worker = ResourceId.generate();
        slotManager.registerTaskManager(worker, freeSlots(worker, 2));
        slotManager.checkRequirements(1);
        assertEquals(0, slotManager.pendingWorkers());
        assertEquals(2, actions.allocated.size());
        assertEquals(1, workers.requested);
    }

    @Test
    void onlyAsksForWhatFreeSlotsDoNotCover() {
        SlotManager slotManager = slotManager(1);
        ResourceId worker = ResourceId.generate();
        slotManager.registerTaskManager(worker, freeSlots(worker, 1));
        slotManager.declareRequirements(job, "jm", jobMaster, 3, 0);
        slotManager.checkRequirements(0);
        assertEquals(2, workers.requested);
    }

    @Test
    void aWorkerThatEndsBeforeRegisteringIsNamedPendingAndItsJobsAreTheOnesShortOfSlots() {
        SlotManager slotManager = slotManager(1);
        JobId satisfied = JobId.generate();
        UUID satisfiedMaster = UUID.randomUUID();
        ResourceId registered = ResourceId.generate();
        slotManager.registerTaskManager(registered, freeSlots(registered, 1));
        slotManager.declareRequirements(satisfied, "jm-satisfied", satisfiedMaster, 1, 0);
        slotManager.checkRequirements(0);
        slotManager.declareRequirements(job, "jm", jobMaster, 1, 0);
        slotManager.checkRequirements(1);
        assertEquals(1, workers.requested);

        ResourceId neverRegistered = ResourceId.generate();
        assertTrue(slotManager.isPendingWorker(neverRegistered));
        assertEquals(false, slotManager.isPendingWorker(registered), "registered once, so not pending");
        assertEquals(List.of(Map.entry("jm", jobMaster)), slotManager.jobMastersShortOfSlots());
    }

    @Test
    void aTerminatedWorkerLosesItsSlotsAndIsReplaced() {
        SlotManager slotManager = slotManager(1);
        slotManager.declareRequirements(job, "jm", jobMaster, 1, 0);
        slotManager.checkRequirements(0);
        ResourceId worker = ResourceId.generate();
        slotManager.registerTaskManager(worker, freeSlots(worker, 1));
        slotManager.checkRequirements(1);
        assertEquals(1, workers.requested);

        slotManager.workerTerminated(worker);
        assertEquals(0, slotManager.totalSlots());
        slotManager.checkRequirements(2);
        assertEquals(2, workers.requested, "a replacement, since the job still needs its slot");
    }

    @Test
    void aWorkerThatDiesBeforeRegisteringIsNoLongerPending() {
        SlotManager slotManager = slotManager(1);
        slotManager.declareRequirements(job, "jm", jobMaster, 1, 0);
        slotManager.checkRequirements(0);
        slotManager.workerTerminated(new ResourceId("container_never_registered"));
        assertEquals(0, slotManager.pendingWorkers());
        slotManager.checkRequirements(1);
        assertEquals(2, workers.requested);
    }

    @Test
    void releasesAWorkerWhoseSlotsStayedFreeLongerThanTheTimeout() {
        SlotManager slotManager = slotManager(1);
        ResourceId worker = ResourceId.generate();
        slotManager.registerTaskManager(worker, freeSlots(worker, 1));
        slotManager.checkRequirements(0);
        slotManager.checkRequirements(IDLE_TIMEOUT - 1);
        assertTrue(workers.released.isEmpty());
        slotManager.checkRequirements(IDLE_TIMEOUT);
        assertEquals(List.of(worker), workers.released);
        assertEquals(0, slotManager.totalSlots());
    }

    @Test
    void keepsABusyWorker() {
        SlotManager slotManager = slotManager(1);
        ResourceId worker = ResourceId.generate();
        slotManager.registerTaskManager(worker, freeSlots(worker, 1));
        slotManager.declareRequirements(job, "jm", jobMaster, 1, 0);
        slotManager.checkRequirements(0);
        slotManager.checkRequirements(IDLE_TIMEOUT * 2);
        assertTrue(workers.released.isEmpty());
        assertEquals(0, workers.requested);
    }

    @Test
    void idleTimeRestartsWhenASlotWasUsedInBetween() {
        SlotManager slotManager = slotManager(1);
        ResourceId worker = ResourceId.generate();
        slotManager.registerTaskManager(worker, freeSlots(worker, 1));
        slotManager.checkRequirements(0);
        slotManager.declareRequirements(job, "jm", jobMaster, 1, 10);
        slotManager.checkRequirements(10);
        slotManager.freeSlot(actions.allocated.get(0), currentAllocation(slotManager));
        slotManager.declareRequirements(job, "jm", jobMaster, 0, 20);
        slotManager.checkRequirements(20);
        slotManager.checkRequirements(IDLE_TIMEOUT + 10);
        assertTrue(workers.released.isEmpty(), "idle only since 20");
        slotManager.checkRequirements(IDLE_TIMEOUT + 20);
        assertEquals(List.of(worker), workers.released);
    }

    private static AllocationId currentAllocation(SlotManager slotManager) {
        return slotManager.allocationOf(slotManager.taskManagers().iterator().next(), 0);
    }
}
