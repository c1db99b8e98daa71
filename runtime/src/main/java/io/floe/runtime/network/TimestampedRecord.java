package io.floe.runtime.network;

/**
 * A record with its event timestamp, as the network carries it. A {@link RuntimeEvent} only so
 * that the reading task's one {@code instanceof RuntimeEvent} check per record also finds these:
 * records without a timestamp (most jobs) pay no second check. Writers reuse one instance.
 */
public final class TimestampedRecord extends RuntimeEvent {
    private Object record;
    private long timestamp;

    public TimestampedRecord() {}

    public TimestampedRecord(Object record, long timestamp) {
        this.record = record;
        this.timestamp = timestamp;
    }

    /** Makes this instance carry {@code record} at {@code timestamp}; returns it. */
    public TimestampedRecord replace(Object record, long timestamp) {
        this.record = record;
        this.timestamp = timestamp;
        return this;
    }

    public Object record() {
        return record;
    }

    public long timestamp() {
        return timestamp;
    }

    @Override
    public String toString() {
        return record + " @ " + timestamp;
    }
}
