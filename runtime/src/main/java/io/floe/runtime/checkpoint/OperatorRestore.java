package io.floe.runtime.checkpoint;

import java.util.List;

/**
 * What one operator of a restoring subtask reads: the keyed-state files whose key groups overlap
 * the subtask's range, and the operator-state files of every subtask of the previous run, in the
 * order of their subtask index (union lists go whole to every subtask).
 *
 * @param ownOperatorState when the operator runs at the parallelism it had, the index in {@code
 *     operatorState} of the file this subtask wrote itself ({@link #NONE} if it wrote none): its
 *     split lists stay as they were, as in Flink; {@link #RESCALED} when the parallelism changed
 *     and split lists are dealt out round-robin
 */
public record OperatorRestore(List<StateFile> keyedState, List<StateFile> operatorState, int ownOperatorState) {
    public static final int NONE = -1;
    public static final int RESCALED = -2;

    public OperatorRestore {
        keyedState = List.copyOf(keyedState);
        operatorState = List.copyOf(operatorState);
    }

    public boolean rescaled() {
        return ownOperatorState == RESCALED;
    }
}
