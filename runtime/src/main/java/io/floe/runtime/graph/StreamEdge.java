package io.floe.runtime.graph;

import io.floe.api.OutputTag;
import io.floe.runtime.operators.partitioner.StreamPartitioner;

/**
 * A connection between two operators and how records are partitioned along it; {@code outputTag}
 * is the side output it carries, or null for the main output; {@code targetInput} is which input
 * of a two-input target it feeds (1 or 2), or 0 for a target with one input.
 */
public record StreamEdge(
        StreamNode source, StreamNode target, StreamPartitioner partitioner, OutputTag<?> outputTag, int targetInput) {

    public StreamEdge(StreamNode source, StreamNode target, StreamPartitioner partitioner, OutputTag<?> outputTag) {
        this(source, target, partitioner, outputTag, 0);
    }
}
