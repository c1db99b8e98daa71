package io.floe.runtime.jobgraph;

import io.floe.api.OutputTag;
import io.floe.runtime.operators.partitioner.StreamPartitioner;
import java.io.Serializable;
import java.util.List;

/**
 * One operator of a chain, the operators chained after it (direct calls) and its outputs to
 * other vertices over the network. The head of a vertex's chain is a tree of these.
 * {@code inputTag} is the side output of the parent this operator reads, or null for the
 * parent's main output (and for the head). {@code operatorId} names the operator's state in
 * checkpoints and savepoints: its {@code uid}, or an id derived from its place in the program,
 * which stays the same while the program does.
 */
public record ChainedOperatorSpec(
        String operatorId,
        String name,
        Serializable operator,
        OutputTag<?> inputTag,
        List<ChainedOperatorSpec> chainedOutputs,
        List<NetworkOutputSpec> networkOutputs)
        implements Serializable {

    /**
     * An output of the vertex: which of its result partitions, partitioned how, fed by which side
     * output (null: the main output).
     */
    public record NetworkOutputSpec(int outputIndex, StreamPartitioner partitioner, OutputTag<?> tag)
            implements Serializable {}
}
