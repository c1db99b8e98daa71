package io.floe.runtime.checkpoint;

import java.util.List;

/**
 * What one operator of a restoring subtask reads: the keyed-state files whose key groups overlap
 * the subtask's range, and the operator-state files of every subtask of the previous run (split
 * lists are dealt out again, union lists go to all).
 */
public record OperatorRestore(List<StateFile> keyedState, List<StateFile> operatorState) {
    public OperatorRestore {
        keyedState = List.copyOf(keyedState);
        operatorState = List.copyOf(operatorState);
    }
}
