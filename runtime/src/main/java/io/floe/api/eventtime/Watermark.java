package io.floe.api.eventtime;

import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;

/**
 * A point in event time: no element with a timestamp at or before it is expected any more
 * (Flink's semantics, "≤"). Generators emit them through a {@link WatermarkOutput}.
 */
public final class Watermark implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** The end of event time: every event-time timer fires and every window closes. */
    public static final Watermark MAX_WATERMARK = new Watermark(Long.MAX_VALUE);

    private final long timestamp;

    public Watermark(long timestamp) {
        this.timestamp = timestamp;
    }

    public long getTimestamp() {
        return timestamp;
    }

    /** The timestamp as an ISO-8601 instant (UTC), for logs. */
    public String getFormattedTimestamp() {
        return timestamp == Long.MAX_VALUE
                ? "end of event time"
                : timestamp == Long.MIN_VALUE
                        ? "start of event time"
                        : Instant.ofEpochMilli(timestamp).toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Watermark watermark && watermark.timestamp == timestamp;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(timestamp);
    }

    @Override
    public String toString() {
        return "Watermark @ " + timestamp + " (" + getFormattedTimestamp() + ")";
    }
}
