package io.floe.runtime.taskexecutor.slot;

import io.floe.api.JobId;
import io.floe.runtime.deployment.SlotReport;
import io.floe.runtime.deployment.SlotStatus;
import io.floe.runtime.types.AllocationId;
import io.floe.runtime.types.ExecutionAttemptId;
import io.floe.runtime.types.ResourceId;
import io.floe.runtime.types.SlotId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The slots of one TaskManager and the tasks in them. Allocate and activate slots, add and find
 * tasks, free slots (a slot with running tasks goes RELEASING until its last task is removed).
 * Used on the TaskExecutor's main thread only.
 *
 * @param <T> the task type
 */
public final class TaskSlotTable<T> {
    private final List<TaskSlot<T>> slots = new ArrayList<>();

    public TaskSlotTable(int numberOfSlots) {
        if (numberOfSlots < 1) {
            throw new IllegalArgumentException(
                    "A TaskManager needs at least one slot (taskmanager.numberOfTaskSlots), not " + numberOfSlots);
        }
        for (int i = 0; i < numberOfSlots; i++) {
            slots.add(new TaskSlot<>(i));
        }
    }

    public int size() {
        return slots.size();
    }

    /**
     * Allocates a free slot to a job. Allocating again with the same allocation id is a no-op.
     *
     * @throws IllegalStateException when the slot holds another allocation
     */
    public void allocateSlot(int index, JobId jobId, AllocationId allocationId, UUID jobMasterId) {
        TaskSlot<T> slot = slot(index);
        if (slot.getState() == TaskSlotState.FREE) {
            slot.allocate(jobId, allocationId, jobMasterId);
        } else if (!allocationId.equals(slot.getAllocationId())) {
            throw new IllegalStateException("Slot " + index + " is already allocated (" + slot.getAllocationId() + ")");
        }
    }

    /** ALLOCATED → ACTIVE once the JobMaster accepted the slot; false if there is no such allocation. */
    public boolean markSlotActive(AllocationId allocationId) {
        Optional<TaskSlot<T>> slot = find(allocationId);
        if (slot.isEmpty() || slot.get().getState() == TaskSlotState.RELEASING) {
            return false;
        }
        slot.get().setState(TaskSlotState.ACTIVE);
        return true;
    }

    /**
     * Frees a slot: at once if it runs no task, else it goes RELEASING until {@link #removeTask}
     * removes the last one. Returns the slot, or empty if the allocation is unknown.
     */
    public Optional<TaskSlot<T>> freeSlot(AllocationId allocationId) {
        Optional<TaskSlot<T>> slot = find(allocationId);
        slot.ifPresent(s -> {
            if (s.getTasks().isEmpty()) {
                s.clear();
            } else {
                s.setState(TaskSlotState.RELEASING);
            }
        });
        return slot;
    }

    /** Adds a task to the ACTIVE slot of its allocation; false if there is none. */
    public boolean addTask(AllocationId allocationId, JobId jobId, ExecutionAttemptId attemptId, T task) {
        Optional<TaskSlot<T>> slot = find(allocationId);
        if (slot.isEmpty()
                || slot.get().getState() != TaskSlotState.ACTIVE
                || !jobId.equals(slot.get().getJobId())) {
            return false;
        }
        slot.get().getTasks().put(attemptId, task);
        return true;
    }

    public T getTask(ExecutionAttemptId attemptId) {
        for (TaskSlot<T> slot : slots) {
            T task = slot.getTasks().get(attemptId);
            if (task != null) {
                return task;
            }
        }
        return null;
    }

    /** Removes a task; returns the slot if that freed it (it was RELEASING and this was its last task). */
    public Optional<TaskSlot<T>> removeTask(ExecutionAttemptId attemptId) {
        for (TaskSlot<T> slot : slots) {
            if (slot.getTasks().remove(attemptId) != null) {
                if (slot.getState() == TaskSlotState.RELEASING
                        && slot.getTasks().isEmpty()) {
                    slot.clear();
                    return Optional.of(slot);
                }
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    public Optional<TaskSlot<T>> find(AllocationId allocationId) {
        return slots.stream()
                .filter(s -> allocationId.equals(s.getAllocationId()))
                .findFirst();
    }

    public List<TaskSlot<T>> slotsOf(JobId jobId) {
        return slots.stream().filter(s -> jobId.equals(s.getJobId())).toList();
    }

    public List<T> tasksOf(JobId jobId) {
        List<T> tasks = new ArrayList<>();
        for (TaskSlot<T> slot : slotsOf(jobId)) {
            tasks.addAll(slot.getTasks().values());
        }
        return tasks;
    }

    public List<T> allTasks() {
        List<T> tasks = new ArrayList<>();
        slots.forEach(s -> tasks.addAll(s.getTasks().values()));
        return tasks;
    }

    public TaskSlot<T> slot(int index) {
        if (index < 0 || index >= slots.size()) {
            throw new IllegalArgumentException("No slot " + index + "; this TaskManager has " + slots.size());
        }
        return slots.get(index);
    }

    public SlotReport createSlotReport(ResourceId resourceId) {
        List<SlotStatus> statuses = new ArrayList<>();
        for (TaskSlot<T> slot : slots) {
            statuses.add(
                    new SlotStatus(new SlotId(resourceId, slot.getIndex()), slot.getJobId(), slot.getAllocationId()));
        }
        return new SlotReport(statuses);
    }
}
