package io.floe.runtime.deployment;

import io.floe.runtime.types.AllocationId;

/** A slot a TaskManager offers to a JobMaster after the ResourceManager allocated it to the job. */
public record SlotOffer(AllocationId allocationId, int slotIndex) {}
