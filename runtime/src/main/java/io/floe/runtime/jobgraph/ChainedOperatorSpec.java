package io.floe.runtime.jobgraph;

import io.floe.runtime.operators.partitioner.StreamPartitioner;
import java.io.Serializable;
import java.util.List;

/**
 * One operator of a chain, the operators chained after it (direct calls) and its outputs to
 * other vertices over the network. The head of a vertex's chain is a tree of these.
 */
public record ChainedOperatorSpec(
        String name,
        Serializable operator,
        List<ChainedOperatorSpec> chainedOutputs,
        List<NetworkOutputSpec> networkOutputs)
        implements Serializable {

    /** An output of the vertex: which of its result partitions, partitioned how. */
    public record NetworkOutputSpec(int outputIndex, StreamPartitioner partitioner) implements Serializable {}
}
