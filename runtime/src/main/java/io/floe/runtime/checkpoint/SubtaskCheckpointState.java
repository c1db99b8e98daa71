package io.floe.runtime.checkpoint;

import io.floe.runtime.types.JobVertexId;

/** The state subtask {@code subtaskIndex} of vertex {@code vertexId} acknowledged a checkpoint with. */
public record SubtaskCheckpointState(JobVertexId vertexId, int subtaskIndex, TaskStateSnapshot state) {}
