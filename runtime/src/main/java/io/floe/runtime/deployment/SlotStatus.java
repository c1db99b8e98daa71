package io.floe.runtime.deployment;

import io.floe.api.JobId;
import io.floe.runtime.types.AllocationId;
import io.floe.runtime.types.SlotId;

/** One slot as its TaskManager sees it: free, or allocated to a job ({@code jobId}/{@code allocationId} null when
 * free). */
public record SlotStatus(SlotId slotId, JobId jobId, AllocationId allocationId) {
    public boolean isFree() {
        return allocationId == null;
    }
}
