package io.floe.runtime.taskexecutor.slot;

import io.floe.api.JobId;
import io.floe.runtime.types.AllocationId;
import io.floe.runtime.types.ExecutionAttemptId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** One slot of the TaskManager and the tasks running in it (one subtask of each vertex, with slot sharing). */
public final class TaskSlot<T> {
    private final int index;
    private TaskSlotState state = TaskSlotState.FREE;
    private JobId jobId;
    private AllocationId allocationId;
    private UUID jobMasterId;
    private final Map<ExecutionAttemptId, T> tasks = new LinkedHashMap<>();

    TaskSlot(int index) {
        this.index = index;
    }

    public int getIndex() {
        return index;
    }

    public TaskSlotState getState() {
        return state;
    }

    public JobId getJobId() {
        return jobId;
    }

    public AllocationId getAllocationId() {
        return allocationId;
    }

    public UUID getJobMasterId() {
        return jobMasterId;
    }

    public Map<ExecutionAttemptId, T> getTasks() {
        return tasks;
    }

    void allocate(JobId jobId, AllocationId allocationId, UUID jobMasterId) {
        this.state = TaskSlotState.ALLOCATED;
        this.jobId = jobId;
        this.allocationId = allocationId;
        this.jobMasterId = jobMasterId;
    }

    void setState(TaskSlotState state) {
        this.state = state;
    }

    void clear() {
        state = TaskSlotState.FREE;
        jobId = null;
        allocationId = null;
        jobMasterId = null;
        tasks.clear();
    }
}
