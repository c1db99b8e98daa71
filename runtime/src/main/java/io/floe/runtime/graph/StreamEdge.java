package io.floe.runtime.graph;

import io.floe.api.OutputTag;
import io.floe.runtime.operators.partitioner.StreamPartitioner;

/**
 * A connection between two operators and how records are partitioned along it; {@code outputTag}
 * is the side output it carries, or null for the main output.
 */
public record StreamEdge(StreamNode source, StreamNode target, StreamPartitioner partitioner, OutputTag<?> outputTag) {}
