package io.floe.runtime.types;

/** Slot number {@code index} of TaskManager {@code resourceId}. */
public record SlotId(ResourceId resourceId, int index) {
    @Override
    public String toString() {
        return resourceId + "_" + index;
    }
}
