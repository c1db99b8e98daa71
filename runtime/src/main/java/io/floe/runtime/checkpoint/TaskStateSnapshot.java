package io.floe.runtime.checkpoint;

import java.util.List;

/** What a subtask acknowledges a checkpoint with: the state of each operator of its chain that has any. */
public record TaskStateSnapshot(List<OperatorSubtaskState> operators) {
    public static final TaskStateSnapshot EMPTY = new TaskStateSnapshot(List.of());

    public TaskStateSnapshot {
        operators = List.copyOf(operators);
    }

    public long stateSize() {
        return operators.stream().mapToLong(OperatorSubtaskState::stateSize).sum();
    }
}
