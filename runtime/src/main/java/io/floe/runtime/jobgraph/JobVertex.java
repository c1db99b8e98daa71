package io.floe.runtime.jobgraph;

import io.floe.runtime.types.JobVertexId;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One task of the job: a chain of operators run by one thread per subtask. The chain (user code)
 * travels as opaque bytes and is deserialized only in the TaskManager, in the job's class loader.
 * Subtask i of every vertex of a slot sharing group runs in the group's slot i.
 * {@code operatorIds} are the ids under which the chain's operators keep their state in checkpoints.
 */
public record JobVertex(
        JobVertexId id,
        String name,
        int parallelism,
        int maxParallelism,
        boolean source,
        int numberOfOutputs,
        byte[] serializedChain,
        String slotSharingGroup,
        List<String> operatorIds) {

    public static final String DEFAULT_SLOT_SHARING_GROUP = "default";

    public JobVertex {
        if (slotSharingGroup == null) {
            slotSharingGroup = DEFAULT_SLOT_SHARING_GROUP;
        }
        operatorIds = operatorIds == null ? List.of() : List.copyOf(operatorIds);
    }

    /** Value equality, the chain's bytes included (a record compares arrays by identity). */
    @Override
    public boolean equals(Object other) {
        return other instanceof JobVertex that
                && parallelism == that.parallelism
                && maxParallelism == that.maxParallelism
                && source == that.source
                && numberOfOutputs == that.numberOfOutputs
                && Objects.equals(id, that.id)
                && Objects.equals(name, that.name)
                && Objects.equals(slotSharingGroup, that.slotSharingGroup)
                && Objects.equals(operatorIds, that.operatorIds)
                && Arrays.equals(serializedChain, that.serializedChain);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                                id,
                                name,
                                parallelism,
                                maxParallelism,
                                source,
                                numberOfOutputs,
                                slotSharingGroup,
                                operatorIds)
                        * 31
                + Arrays.hashCode(serializedChain);
    }
}
