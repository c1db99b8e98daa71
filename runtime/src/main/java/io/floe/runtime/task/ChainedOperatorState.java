package io.floe.runtime.task;

import io.floe.runtime.checkpoint.OperatorRestore;
import io.floe.runtime.checkpoint.StateFiles;
import io.floe.runtime.checkpoint.TaskRestore;
import io.floe.runtime.operators.OperatorContext;
import io.floe.runtime.operators.OperatorStateContext;
import io.floe.runtime.operators.SourceOperator;
import io.floe.runtime.operators.StreamOperator;
import io.floe.runtime.operators.StreamingRuntimeContext;
import io.floe.runtime.state.HeapKeyedStateBackend;
import io.floe.runtime.state.HeapOperatorStateBackend;
import io.floe.runtime.state.KeyedStateSnapshot;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * One operator of a chain with its state: its id in checkpoints, its operator state and, when
 * keyed, its keyed state. Restores them before the operator opens and freezes them when a
 * checkpoint reaches it. Task thread.
 */
final class ChainedOperatorState {
    /** The frozen state of one operator, to be written by the checkpoint's I/O. */
    record Frozen(String operatorId, KeyedStateSnapshot keyed, HeapOperatorStateBackend.Snapshot operator) {}

    private final String operatorId;
    private final Object operator;
    private final HeapKeyedStateBackend<?> keyed;
    private final HeapOperatorStateBackend operatorState;

    ChainedOperatorState(
            String operatorId,
            Object operator,
            HeapKeyedStateBackend<?> keyed,
            HeapOperatorStateBackend operatorState) {
        this.operatorId = operatorId;
        this.operator = operator;
        this.keyed = keyed;
        this.operatorState = operatorState;
    }

    String operatorId() {
        return operatorId;
    }

    HeapKeyedStateBackend<?> keyed() {
        return keyed;
    }

    /** Reads the operator's part of {@code restore} (if any) and hands the state to the operator. */
    void initialize(OperatorContext context, TaskRestore restore, StateFiles files) throws Exception {
        OperatorRestore mine = restore == null ? null : restore.operators().get(operatorId);
        if (mine != null) {
            for (var file : mine.keyedState()) {
                if (keyed == null) {
                    throw new IllegalStateException("The checkpoint has keyed state for operator " + operatorId
                            + ", which is not keyed now: keep its keyBy, or give it another uid.");
                }
                try (InputStream in = files.open(restore.directory(), file)) {
                    keyed.restore(in);
                }
            }
            List<InputStream> previous = new ArrayList<>();
            try {
                for (var file : mine.operatorState()) {
                    previous.add(files.open(restore.directory(), file));
                }
                operatorState.restore(
                        previous,
                        mine.rescaled(),
                        mine.ownOperatorState(),
                        context.subtaskIndex(),
                        context.parallelism());
            } finally {
                closeAll(previous);
            }
        }
        OperatorStateContext state = new OperatorStateContext(
                operatorState,
                keyed == null ? null : new StreamingRuntimeContext(context, keyed),
                // restored whenever the task is, as in Flink: an operator without files had empty state then
                restore == null ? OptionalLong.empty() : OptionalLong.of(restore.checkpointId()));
        if (operator instanceof SourceOperator<?> source) {
            source.initializeState(state);
        } else {
            ((StreamOperator<?, ?>) operator).initializeState(state);
        }
    }

    /** The checkpoint reached the operator: let it put its fields into state, then freeze the state. */
    Frozen snapshot(long checkpointId, long timestamp) throws Exception {
        if (operator instanceof SourceOperator<?> source) {
            source.snapshotState(checkpointId, timestamp);
        } else {
            ((StreamOperator<?, ?>) operator).snapshotState(checkpointId, timestamp);
        }
        return new Frozen(operatorId, keyed == null ? null : keyed.snapshot(), operatorState.snapshot());
    }

    void notifyCheckpointComplete(long checkpointId) throws Exception {
        if (operator instanceof SourceOperator<?> source) {
            source.notifyCheckpointComplete(checkpointId);
        } else {
            ((StreamOperator<?, ?>) operator).notifyCheckpointComplete(checkpointId);
        }
    }

    void notifyCheckpointAborted(long checkpointId) throws Exception {
        if (operator instanceof SourceOperator<?> source) {
            source.notifyCheckpointAborted(checkpointId);
        } else {
            ((StreamOperator<?, ?>) operator).notifyCheckpointAborted(checkpointId);
        }
    }

    private static void closeAll(List<InputStream> streams) throws IOException {
        IOException first = null;
        for (InputStream stream : streams) {
            try {
                stream.close();
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
