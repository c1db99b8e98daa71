package io.floe.runtime.operators.partitioner;

import java.io.Serializable;

/**
 * Chooses the consumer subtask (channel) of each record on an edge between two tasks. One
 * instance per producing subtask, used on its task thread.
 */
public abstract class StreamPartitioner implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Called once before the first record with the producing subtask's index. */
    public void setup(int producerSubtaskIndex, int numberOfChannels) {}

    public abstract int selectChannel(Object record);

    /** Whether this edge may be chained when parallelisms are equal (only forward edges). */
    public boolean isForward() {
        return false;
    }

    /** Name shown in plans and logs, as Flink prints it (FORWARD, REBALANCE, HASH). */
    public abstract String describe();
}
