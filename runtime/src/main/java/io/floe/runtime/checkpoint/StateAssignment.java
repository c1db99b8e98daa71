package io.floe.runtime.checkpoint;

import io.floe.runtime.state.KeyGroupRange;
import io.floe.runtime.state.KeyGroupRangeAssignment;
import io.floe.runtime.types.JobVertexId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which files of a completed checkpoint or savepoint each subtask of a new run reads: matched to
 * operators by operator id (its {@code uid}), keyed state by key-group range, so the new run may
 * have another parallelism and another chaining than the one that wrote the state.
 */
public final class StateAssignment {
    private StateAssignment() {}

    /**
     * The restore of one subtask whose chain holds {@code operatorIds}.
     *
     * @param directory where the checkpoint's files are (the directory of its {@code _metadata})
     */
    public static TaskRestore forSubtask(
            CheckpointMetadata metadata,
            String directory,
            Collection<String> operatorIds,
            int subtaskIndex,
            int parallelism,
            int maxParallelism) {
        KeyGroupRange range =
                KeyGroupRangeAssignment.computeKeyGroupRangeForOperatorIndex(maxParallelism, parallelism, subtaskIndex);
        List<SubtaskCheckpointState> subtasks = new ArrayList<>(metadata.subtasks());
        subtasks.sort(Comparator.comparingInt(SubtaskCheckpointState::subtaskIndex));
        Map<String, OperatorRestore> operators = new LinkedHashMap<>();
        for (String operatorId : operatorIds) {
            boolean rescaled = previousParallelism(metadata, operatorId) != parallelism;
            int ownOperatorState = rescaled ? OperatorRestore.RESCALED : OperatorRestore.NONE;
            List<StateFile> keyed = new ArrayList<>();
            List<StateFile> operatorState = new ArrayList<>();
            for (SubtaskCheckpointState subtask : subtasks) {
                for (OperatorSubtaskState state : subtask.state().operators()) {
                    if (!state.operatorId().equals(operatorId)) {
                        continue;
                    }
                    for (StateFile file : state.keyedState()) {
                        if (file.keyGroupStart() <= range.end() && file.keyGroupEnd() >= range.start()) {
                            keyed.add(file);
                        }
                    }
                    if (!rescaled
                            && subtask.subtaskIndex() == subtaskIndex
                            && !state.operatorState().isEmpty()) {
                        ownOperatorState = operatorState.size();
                    }
                    operatorState.addAll(state.operatorState());
                }
            }
            if (!keyed.isEmpty() || !operatorState.isEmpty()) {
                operators.put(operatorId, new OperatorRestore(keyed, operatorState, ownOperatorState));
            }
        }
        return new TaskRestore(metadata.checkpointId(), directory, operators);
    }

    /**
     * How many subtasks ran {@code operatorId} when the checkpoint was taken: every subtask of the
     * vertices that hold it acknowledged (a finished one with empty state), so the metadata lists
     * them all.
     */
    private static int previousParallelism(CheckpointMetadata metadata, String operatorId) {
        Set<JobVertexId> vertices = new HashSet<>();
        for (SubtaskCheckpointState subtask : metadata.subtasks()) {
            for (OperatorSubtaskState state : subtask.state().operators()) {
                if (state.operatorId().equals(operatorId)) {
                    vertices.add(subtask.vertexId());
                }
            }
        }
        Set<Integer> indexes = new HashSet<>();
        for (SubtaskCheckpointState subtask : metadata.subtasks()) {
            if (vertices.contains(subtask.vertexId())) {
                indexes.add(subtask.subtaskIndex());
            }
        }
        return indexes.size();
    }

    /**
     * Checks that every operator with state in the checkpoint is in the new program.
     *
     * @throws IllegalStateException naming the first operator that is not, and {@code -n}, unless
     *     {@code allowNonRestoredState}
     */
    public static void checkEveryStateHasAnOperator(
            CheckpointMetadata metadata, Set<String> operatorIds, boolean allowNonRestoredState, String path) {
        if (allowNonRestoredState) {
            return;
        }
        Set<String> missing = new TreeSet<>();
        for (SubtaskCheckpointState subtask : metadata.subtasks()) {
            for (OperatorSubtaskState state : subtask.state().operators()) {
                if (!operatorIds.contains(state.operatorId())) {
                    missing.add(state.operatorId());
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Failed to rollback to checkpoint/savepoint " + path
                    + ". Cannot map checkpoint/savepoint state for operator "
                    + missing.iterator().next()
                    + " to the new program, because the operator is not available in the new program. If you want"
                    + " to allow to skip this, you can set the --allowNonRestoredState option on the CLI.");
        }
    }
}
