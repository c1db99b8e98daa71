package io.floe.runtime.network;

import io.floe.runtime.types.ResultPartitionId;
import java.util.ArrayList;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The result partitions of one {@link NetworkEnvironment}, by id, so that local channels and the
 * data server can find them. Thread-safe: task threads register, Netty event loops look up.
 */
public final class ResultPartitionManager {

    private final ConcurrentHashMap<ResultPartitionId, ResultPartition> partitions = new ConcurrentHashMap<>();

    void register(ResultPartition partition) {
        ResultPartition previous = partitions.putIfAbsent(partition.getId(), partition);
        if (previous != null) {
            throw new IllegalStateException("Partition " + partition.getId() + " is already registered");
        }
    }

    /**
     * Attaches a reader to one subpartition.
     *
     * @return the reader, or null if no partition with that id is registered (yet)
     * @throws IllegalArgumentException if the index is out of range
     * @throws IllegalStateException if the subpartition already has a reader
     */
    public SubpartitionReader createReader(
            ResultPartitionId id, int subpartition, BufferAvailabilityListener listener) {
        ResultPartition partition = partitions.get(id);
        return partition == null
                ? null
                : partition.getSubpartition(subpartition).createReader(listener);
    }

    void unregister(ResultPartition partition) {
        partitions.remove(partition.getId(), partition);
    }

    ResultPartition get(ResultPartitionId id) {
        return partitions.get(id);
    }

    void releaseAll() {
        for (ResultPartition partition : new ArrayList<>(partitions.values())) {
            partition.release();
        }
    }
}
