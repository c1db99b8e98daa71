package io.floe.runtime.graph;

import io.floe.runtime.operators.partitioner.StreamPartitioner;

/** A connection between two operators and how records are partitioned along it. */
public record StreamEdge(StreamNode source, StreamNode target, StreamPartitioner partitioner) {}
