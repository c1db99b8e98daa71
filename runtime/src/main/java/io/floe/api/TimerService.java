package io.floe.api;

/**
 * Time, and timers for keyed functions. Timers are set per key: at most one per key, timestamp
 * and domain; they are checkpointed with the keyed state. An event-time timer fires once the
 * watermark reaches its timestamp, a processing-time timer once the clock does. On a stream that
 * is not keyed, setting or deleting a timer throws.
 */
public interface TimerService {
    String UNSUPPORTED_REGISTER_TIMER_MSG = "Setting timers is only supported on a keyed streams.";
    String UNSUPPORTED_DELETE_TIMER_MSG = "Deleting timers is only supported on a keyed streams.";

    long currentProcessingTime();

    /** The event time this operator has reached; {@link Long#MIN_VALUE} before the first watermark. */
    long currentWatermark();

    void registerProcessingTimeTimer(long time);

    void registerEventTimeTimer(long time);

    void deleteProcessingTimeTimer(long time);

    void deleteEventTimeTimer(long time);
}
