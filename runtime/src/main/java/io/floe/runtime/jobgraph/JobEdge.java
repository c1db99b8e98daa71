package io.floe.runtime.jobgraph;

import io.floe.runtime.types.JobVertexId;

/**
 * Data flowing from output {@code sourceOutputIndex} of one vertex to another; every producer
 * subtask has one subpartition per consumer subtask, and the producer's partitioner picks it.
 * {@code targetInput} is the input of a two-input target the edge feeds (1 or 2), or 0.
 */
public record JobEdge(
        JobVertexId source, int sourceOutputIndex, JobVertexId target, String shipStrategy, int targetInput) {

    public JobEdge(JobVertexId source, int sourceOutputIndex, JobVertexId target, String shipStrategy) {
        this(source, sourceOutputIndex, target, shipStrategy, 0);
    }
}
