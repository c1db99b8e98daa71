package io.floe.runtime.task;

import io.floe.runtime.checkpoint.OperatorSubtaskState;
import io.floe.runtime.checkpoint.StateFile;
import io.floe.runtime.checkpoint.StateFiles;
import io.floe.runtime.checkpoint.TaskStateSnapshot;
import io.floe.runtime.state.KeyGroupRange;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes what a chain froze for a checkpoint into the checkpoint's directory, one file per
 * operator and kind of state ({@code <prefix>-<operator index>-keyed|operator}), and describes
 * them for the acknowledgement. Runs on an I/O thread while the task goes on; releases the keyed
 * snapshots whatever happens.
 */
final class SubtaskStateWriter {
    private SubtaskStateWriter() {}

    static TaskStateSnapshot write(
            List<ChainedOperatorState.Frozen> frozen, String directory, String prefix, StateFiles files)
            throws IOException {
        List<OperatorSubtaskState> operators = new ArrayList<>();
        try {
            for (int i = 0; i < frozen.size(); i++) {
                ChainedOperatorState.Frozen operator = frozen.get(i);
                List<StateFile> keyed = new ArrayList<>();
                if (operator.keyed() != null && operator.keyed().numberOfEntries() > 0) {
                    KeyGroupRange range = operator.keyed().keyGroupRange();
                    keyed.add(files.write(
                            directory,
                            prefix + "-" + i + "-keyed",
                            range.start(),
                            range.end(),
                            operator.keyed()::writeTo));
                }
                List<StateFile> operatorState = new ArrayList<>();
                if (!operator.operator().isEmpty()) {
                    operatorState.add(files.write(
                            directory, prefix + "-" + i + "-operator", -1, -1, operator.operator()::writeTo));
                }
                if (!keyed.isEmpty() || !operatorState.isEmpty()) {
                    operators.add(new OperatorSubtaskState(operator.operatorId(), keyed, operatorState));
                }
            }
        } finally {
            for (ChainedOperatorState.Frozen operator : frozen) {
                if (operator.keyed() != null) {
                    operator.keyed().release();
                }
            }
        }
        return new TaskStateSnapshot(operators);
    }
}
