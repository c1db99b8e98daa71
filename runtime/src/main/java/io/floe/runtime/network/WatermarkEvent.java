package io.floe.runtime.network;

/**
 * A watermark on its way through the network: every channel of a task's input brings its own, and
 * the task's event time is the minimum over the channels that are not idle. Written in-band, in
 * order with the records.
 */
public final class WatermarkEvent extends RuntimeEvent {
    public static final WatermarkEvent MAX = new WatermarkEvent(Long.MAX_VALUE);

    private final long timestamp;

    public WatermarkEvent(long timestamp) {
        this.timestamp = timestamp;
    }

    public long timestamp() {
        return timestamp;
    }

    @Override
    public String toString() {
        return "Watermark(" + timestamp + ")";
    }
}
