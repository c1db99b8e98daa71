package io.floe.api.watermark;

import java.io.Serial;
import java.io.Serializable;

/**
 * A watermark as a source function emits it ({@code SourceContext.emitWatermark}); Flink's {@code
 * org.apache.flink.streaming.api.watermark.Watermark}. Generators use {@link
 * io.floe.api.eventtime.Watermark} instead, as in Flink.
 */
public final class Watermark implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** The end of event time. */
    public static final Watermark MAX_WATERMARK = new Watermark(Long.MAX_VALUE);

    private final long timestamp;

    public Watermark(long timestamp) {
        this.timestamp = timestamp;
    }

    public long getTimestamp() {
        return timestamp;
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
        return "Watermark @ " + timestamp;
    }
}
