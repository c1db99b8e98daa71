package io.floe.runtime.operators.partitioner;

import java.io.Serializable;

/**
 * Chooses the consumer subtask (channel) of each record on an edge between two tasks. One
 * instance per producing subtask and edge ({@link #copy}), used on its task thread.
 */
public abstract class StreamPartitioner implements Serializable {
    private static final long serialVersionUID = 1L;

    /**
     * Called once before the first record with the producing subtask's index, the producer's
     * parallelism and the number of consumer subtasks.
     */
    public void setup(int producerSubtaskIndex, int producerParallelism, int numberOfChannels) {}

    /** The channel of {@code record}; not called when {@link #isBroadcast()}. */
    public abstract int selectChannel(Object record);

    /** Whether this edge may be chained when parallelisms are equal (only forward edges). */
    public boolean isForward() {
        return false;
    }

    /** Whether every record goes to every channel (then {@link #selectChannel} is not asked). */
    public boolean isBroadcast() {
        return false;
    }

    /**
     * A fresh instance for one edge: one partitioner of the program may feed several edges (a
     * stream after {@code rescale()} read by two operators), and each needs its own state.
     */
    public abstract StreamPartitioner copy();

    /** Name shown in plans and logs, as Flink prints it (FORWARD, REBALANCE, HASH, ...). */
    public abstract String describe();
}
