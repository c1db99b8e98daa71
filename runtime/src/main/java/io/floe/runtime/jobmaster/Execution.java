package io.floe.runtime.jobmaster;

import io.floe.runtime.execution.ExecutionState;
import io.floe.runtime.jobgraph.JobVertex;
import io.floe.runtime.types.ExecutionAttemptId;

/** One attempt of one subtask, as the JobMaster tracks it. Main thread only. */
final class Execution {
    final JobVertex vertex;
    final int subtaskIndex;
    final ExecutionAttemptId attemptId = ExecutionAttemptId.generate();
    final AcceptedSlot slot;
    ExecutionState state = ExecutionState.CREATED;
    /** The task's input watermark, as its TaskManager's last heartbeat answer reported it. */
    long inputWatermark = Long.MIN_VALUE;

    Execution(JobVertex vertex, int subtaskIndex, AcceptedSlot slot) {
        this.vertex = vertex;
        this.subtaskIndex = subtaskIndex;
        this.slot = slot;
    }

    String displayName() {
        return vertex.name() + " (" + (subtaskIndex + 1) + "/" + vertex.parallelism() + ")";
    }
}
