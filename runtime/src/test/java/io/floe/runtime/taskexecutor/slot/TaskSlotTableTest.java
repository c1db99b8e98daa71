package io.floe.runtime.taskexecutor.slot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.api.JobId;
import io.floe.runtime.types.AllocationId;
import io.floe.runtime.types.ExecutionAttemptId;
import io.floe.runtime.types.ResourceId;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TaskSlotTableTest {
    private final JobId job = JobId.generate();
    private final UUID jobMaster = UUID.randomUUID();

    @Test
    void slotGoesFromAllocatedToActiveAndTakesTasks() {
        TaskSlotTable<String> table = new TaskSlotTable<>(2);
        AllocationId allocation = AllocationId.generate();
        table.allocateSlot(1, job, allocation, jobMaster);
        assertEquals(TaskSlotState.ALLOCATED, table.slot(1).getState());
        assertFalse(table.addTask(allocation, job, ExecutionAttemptId.generate(), "too early"), "not active yet");
        assertTrue(table.markSlotActive(allocation));
        ExecutionAttemptId attempt = ExecutionAttemptId.generate();
        assertTrue(table.addTask(allocation, job, attempt, "task"));
        assertEquals("task", table.getTask(attempt));
        assertEquals(1, table.tasksOf(job).size());
    }

    @Test
    void freeingASlotWithTasksReleasesItWhenTheLastTaskIsRemoved() {
        TaskSlotTable<String> table = new TaskSlotTable<>(1);
        AllocationId allocation = AllocationId.generate();
        table.allocateSlot(0, job, allocation, jobMaster);
        table.markSlotActive(allocation);
        ExecutionAttemptId attempt = ExecutionAttemptId.generate();
        table.addTask(allocation, job, attempt, "task");

        table.freeSlot(allocation);
        assertEquals(TaskSlotState.RELEASING, table.slot(0).getState());
        assertTrue(table.removeTask(attempt).isPresent(), "removing the last task frees the slot");
        assertEquals(TaskSlotState.FREE, table.slot(0).getState());
        assertNull(table.slot(0).getJobId());
    }

    @Test
    void aSlotHeldByAnotherAllocationIsRefused() {
        TaskSlotTable<String> table = new TaskSlotTable<>(1);
        AllocationId first = AllocationId.generate();
        table.allocateSlot(0, job, first, jobMaster);
        table.allocateSlot(0, job, first, jobMaster);
        assertThrows(IllegalStateException.class, () -> table.allocateSlot(0, job, AllocationId.generate(), jobMaster));
    }

    @Test
    void slotReportShowsFreeAndAllocatedSlots() {
        TaskSlotTable<String> table = new TaskSlotTable<>(2);
        AllocationId allocation = AllocationId.generate();
        table.allocateSlot(0, job, allocation, jobMaster);
        var report = table.createSlotReport(ResourceId.generate());
        assertEquals(allocation, report.slots().get(0).allocationId());
        assertTrue(report.slots().get(1).isFree());
    }
}
