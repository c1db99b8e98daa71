package io.floe.runtime.checkpoint;

import java.util.List;

/**
 * What one operator of one subtask wrote for a checkpoint.
 *
 * @param operatorId the operator's {@code uid}, or the id Floe derives for an unchanged program
 */
public record OperatorSubtaskState(String operatorId, List<StateFile> keyedState, List<StateFile> operatorState) {
    public OperatorSubtaskState {
        keyedState = List.copyOf(keyedState);
        operatorState = List.copyOf(operatorState);
    }

    public long stateSize() {
        return keyedState.stream().mapToLong(StateFile::size).sum()
                + operatorState.stream().mapToLong(StateFile::size).sum();
    }
}
