package io.floe.api.eventtime;

/**
 * Makes watermarks from the events it sees: on every event ({@link #onEvent}) or periodically
 * ({@link #onPeriodicEmit}, every {@code pipeline.auto-watermark-interval}, 200 ms by default).
 * Used by one subtask's thread only.
 */
public interface WatermarkGenerator<T> {
    void onEvent(T event, long eventTimestamp, WatermarkOutput output);

    void onPeriodicEmit(WatermarkOutput output);
}
