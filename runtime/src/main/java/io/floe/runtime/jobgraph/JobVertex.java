package io.floe.runtime.jobgraph;

import io.floe.runtime.types.JobVertexId;
import java.util.Arrays;
import java.util.Objects;

/**
 * One task of the job: a chain of operators run by one thread per subtask. The chain (user code)
 * travels as opaque bytes and is deserialized only in the TaskManager, in the job's class loader.
 */
public record JobVertex(
        JobVertexId id,
        String name,
        int parallelism,
        int maxParallelism,
        boolean source,
        int numberOfOutputs,
        byte[] serializedChain) {

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
                && Arrays.equals(serializedChain, that.serializedChain);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, name, parallelism, maxParallelism, source, numberOfOutputs) * 31
                + Arrays.hashCode(serializedChain);
    }
}
