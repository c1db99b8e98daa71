package io.floe.runtime.graph;

import io.floe.runtime.operators.partitioner.StreamPartitioner;
import java.util.List;

/** A virtual node that sets how records travel to the next operator (keyBy, rebalance). */
public final class PartitionTransformation extends Transformation {
    private final Transformation input;
    private final StreamPartitioner partitioner;

    public PartitionTransformation(int id, Transformation input, StreamPartitioner partitioner) {
        super(id, "Partition", input.getParallelism());
        this.input = input;
        this.partitioner = partitioner;
    }

    public Transformation getInput() {
        return input;
    }

    public StreamPartitioner getPartitioner() {
        return partitioner;
    }

    @Override
    public List<Transformation> getInputs() {
        return List.of(input);
    }
}
