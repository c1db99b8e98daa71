package io.floe.runtime.jobmaster;

import io.floe.runtime.deployment.TaskManagerLocation;
import io.floe.runtime.types.AllocationId;

/** A slot the JobMaster accepted, and the TaskManager that holds it. */
record AcceptedSlot(AllocationId allocationId, int slotIndex, TaskManagerLocation location) {}
