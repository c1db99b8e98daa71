package io.floe.api.windowing;

import java.io.Serializable;
import java.util.Objects;

/**
 * An element of an evicting window with its event timestamp, as an {@link
 * io.floe.api.windowing.evictors.Evictor} sees it. An element that had no timestamp (processing
 * time, no watermark strategy) says so with {@link #hasTimestamp()}.
 *
 * @param <T> the element
 */
public final class TimestampedValue<T> implements Serializable {
    private static final long serialVersionUID = 1L;

    private T value;
    private final long timestamp;
    private final boolean hasTimestamp;

    /** An element without a timestamp. */
    public TimestampedValue(T value) {
        this.value = value;
        this.timestamp = Long.MIN_VALUE;
        this.hasTimestamp = false;
    }

    public TimestampedValue(T value, long timestamp) {
        this.value = value;
        this.timestamp = timestamp;
        this.hasTimestamp = true;
    }

    public T getValue() {
        return value;
    }

    public void setValue(T value) {
        this.value = value;
    }

    /** The element's event timestamp; {@link Long#MIN_VALUE} when it has none. */
    public long getTimestamp() {
        return timestamp;
    }

    public boolean hasTimestamp() {
        return hasTimestamp;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TimestampedValue<?> other
                && timestamp == other.timestamp
                && hasTimestamp == other.hasTimestamp
                && Objects.equals(value, other.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value, timestamp, hasTimestamp);
    }

    @Override
    public String toString() {
        return hasTimestamp ? "TimestampedValue(" + value + " @ " + timestamp + ")" : "TimestampedValue(" + value + ")";
    }
}
