package io.floe.api;

/**
 * Time, and timers for keyed functions. Floe has no event time yet: the current watermark is
 * {@link Long#MIN_VALUE} and registering or deleting a timer throws an
 * {@link UnsupportedOperationException} that says so.
 */
public interface TimerService {
    String UNSUPPORTED_REGISTER_TIMER_MSG = "Setting timers is only supported on a keyed streams.";
    String UNSUPPORTED_DELETE_TIMER_MSG = "Deleting timers is only supported on a keyed streams.";

    long currentProcessingTime();

    long currentWatermark();

    void registerProcessingTimeTimer(long time);

    void registerEventTimeTimer(long time);

    void deleteProcessingTimeTimer(long time);

    void deleteEventTimeTimer(long time);
}
