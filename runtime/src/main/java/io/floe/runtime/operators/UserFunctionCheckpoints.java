package io.floe.runtime.operators;

import io.floe.api.checkpoint.CheckpointedFunction;
import io.floe.api.functions.Function;
import io.floe.api.state.CheckpointListener;
import io.floe.api.state.FunctionSnapshotContext;

/** Hands an operator's checkpoint hooks to its user function, if it implements the interfaces for them. */
public final class UserFunctionCheckpoints {
    private UserFunctionCheckpoints() {}

    public static void initializeState(Function function, OperatorStateContext context) throws Exception {
        if (function instanceof CheckpointedFunction checkpointed) {
            checkpointed.initializeState(context);
        }
    }

    public static void snapshotState(Function function, long checkpointId, long timestamp) throws Exception {
        if (function instanceof CheckpointedFunction checkpointed) {
            checkpointed.snapshotState(new FunctionSnapshotContext() {
                @Override
                public long getCheckpointId() {
                    return checkpointId;
                }

                @Override
                public long getCheckpointTimestamp() {
                    return timestamp;
                }
            });
        }
    }

    public static void notifyCheckpointComplete(Function function, long checkpointId) throws Exception {
        if (function instanceof CheckpointListener listener) {
            listener.notifyCheckpointComplete(checkpointId);
        }
    }

    public static void notifyCheckpointAborted(Function function, long checkpointId) throws Exception {
        if (function instanceof CheckpointListener listener) {
            listener.notifyCheckpointAborted(checkpointId);
        }
    }
}
