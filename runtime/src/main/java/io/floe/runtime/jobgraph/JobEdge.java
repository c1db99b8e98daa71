package io.floe.runtime.jobgraph;

import io.floe.runtime.types.JobVertexId;

/**
 * Data flowing from output {@code sourceOutputIndex} of one vertex to another; every producer
 * subtask has one subpartition per consumer subtask, and the producer's partitioner picks it.
 */
public record JobEdge(JobVertexId source, int sourceOutputIndex, JobVertexId target, String shipStrategy) {}
