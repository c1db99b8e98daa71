package io.floe.runtime.jobmaster;

import io.floe.runtime.deployment.SlotOffer;
import io.floe.runtime.deployment.TaskManagerLocation;
import io.floe.runtime.taskexecutor.TaskExecutorGateway;
import io.floe.runtime.types.AllocationId;
import io.floe.runtime.types.ResourceId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The TaskManagers registered at one JobMaster and the slots it accepted from them, at most as many as the job needs
 * (its highest parallelism). Not thread-safe: the JobMaster uses it on its main thread.
 */
final class SlotPool {

    /** A TaskManager that registered at the JobMaster, and how to reach it. */
    record RegisteredTaskManager(TaskManagerLocation location, TaskExecutorGateway gateway) {}

    private final int requiredSlots;
    private final Map<ResourceId, RegisteredTaskManager> taskManagers = new HashMap<>();
    private final Map<AllocationId, AcceptedSlot> slots = new LinkedHashMap<>();

    SlotPool(int requiredSlots) {
        this.requiredSlots = requiredSlots;
    }

    void registerTaskManager(TaskManagerLocation location, TaskExecutorGateway gateway) {
        taskManagers.put(location.resourceId(), new RegisteredTaskManager(location, gateway));
    }

    /** The TaskManager, or null if it is not registered (any more). */
    RegisteredTaskManager taskManager(ResourceId id) {
        return taskManagers.get(id);
    }

    /**
     * Accepts the offered slots the job still needs, and again those it accepted before (a repeated offer); with
     * {@code needsMore} false, only the latter.
     */
    List<AllocationId> accept(RegisteredTaskManager from, List<SlotOffer> offers, boolean needsMore) {
        List<AllocationId> accepted = new ArrayList<>();
        for (SlotOffer offer : offers) {
            if (slots.containsKey(offer.allocationId())) {
                accepted.add(offer.allocationId());
            } else if (slots.size() < requiredSlots && needsMore) {
                slots.put(
                        offer.allocationId(),
                        new AcceptedSlot(offer.allocationId(), offer.slotIndex(), from.location()));
                accepted.add(offer.allocationId());
            }
        }
        return accepted;
    }

    int requiredSlots() {
        return requiredSlots;
    }

    int size() {
        return slots.size();
    }

    boolean hasAllRequiredSlots() {
        return slots.size() >= requiredSlots;
    }

    List<AcceptedSlot> slots() {
        return new ArrayList<>(slots.values());
    }

    /** Forgets the TaskManager and the slots it held; returns its registration, or null if it was not registered. */
    RegisteredTaskManager removeTaskManager(ResourceId id) {
        RegisteredTaskManager removed = taskManagers.remove(id);
        if (removed != null) {
            slots.values().removeIf(slot -> slot.location().resourceId().equals(id));
        }
        return removed;
    }

    /** Gives the slot back to its TaskManager (which interrupts what still runs in it) and forgets it. */
    void freeSlot(AllocationId allocationId, String cause) {
        AcceptedSlot slot = slots.remove(allocationId);
        RegisteredTaskManager taskManager =
                slot == null ? null : taskManagers.get(slot.location().resourceId());
        if (taskManager != null) {
            taskManager.gateway().freeSlot(allocationId, cause);
        }
    }

    /** Gives every slot back to its TaskManager and forgets them. */
    void freeAllSlots(String cause) {
        for (AcceptedSlot slot : slots()) {
            freeSlot(slot.allocationId(), cause);
        }
    }
}
