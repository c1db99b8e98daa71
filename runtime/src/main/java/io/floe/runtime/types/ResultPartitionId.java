package io.floe.runtime.types;

/** Names one result partition, unique across the job; the key consumers request it by. */
public record ResultPartitionId(String value) {

    public ResultPartitionId {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("ResultPartitionId must not be empty, got " + value);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
