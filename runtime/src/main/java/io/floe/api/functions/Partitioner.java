package io.floe.api.functions;

/**
 * Chooses the subtask of the next operator for a key, for {@code DataStream.partitionCustom}. Runs
 * on the producing subtask for every record.
 *
 * @param <K> the key, as the key selector of {@code partitionCustom} gives it
 */
@FunctionalInterface
public interface Partitioner<K> extends Function {
    /** The subtask for {@code key}, in {@code [0, numPartitions)}; anything else fails the task. */
    int partition(K key, int numPartitions);
}
