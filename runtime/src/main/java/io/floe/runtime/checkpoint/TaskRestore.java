package io.floe.runtime.checkpoint;

import java.util.Map;

/**
 * The state a subtask starts from: checkpoint {@code checkpointId}, whose files lie under
 * {@code directory}, by operator id. Operators without an entry start empty.
 */
public record TaskRestore(long checkpointId, String directory, Map<String, OperatorRestore> operators) {
    public TaskRestore {
        operators = Map.copyOf(operators);
    }
}
