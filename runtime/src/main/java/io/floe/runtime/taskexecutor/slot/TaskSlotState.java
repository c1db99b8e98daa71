package io.floe.runtime.taskexecutor.slot;

/** FREE → ALLOCATED (the ResourceManager gave it to a job) → ACTIVE (the JobMaster accepted it) → RELEASING (tasks
 * ending) → FREE. */
public enum TaskSlotState {
    FREE,
    ALLOCATED,
    ACTIVE,
    RELEASING
}
