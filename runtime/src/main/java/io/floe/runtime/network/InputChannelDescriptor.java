package io.floe.runtime.network;

import io.floe.runtime.types.ResultPartitionId;
import java.util.Objects;

/** Where a consumer finds one subpartition of a producer. */
public record InputChannelDescriptor(
        ResultPartitionId partitionId, int subpartitionIndex, String producerHost, int producerDataPort) {

    public InputChannelDescriptor {
        Objects.requireNonNull(partitionId, "partitionId");
        Objects.requireNonNull(producerHost, "producerHost");
        if (subpartitionIndex < 0) {
            throw new IllegalArgumentException("subpartitionIndex must be >= 0, got " + subpartitionIndex);
        }
        if (producerDataPort <= 0 || producerDataPort > 65535) {
            throw new IllegalArgumentException("producerDataPort must be in 1..65535, got " + producerDataPort);
        }
    }

    @Override
    public String toString() {
        return partitionId + "#" + subpartitionIndex + "@" + producerHost + ":" + producerDataPort;
    }
}
